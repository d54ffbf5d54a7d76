package org.yuqing.casework.cases;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** One line of a case's timeline, as read back. */
record TimelineItem(Instant at, TimelineKind kind, String summary, String actor, JsonNode detail) {
}
