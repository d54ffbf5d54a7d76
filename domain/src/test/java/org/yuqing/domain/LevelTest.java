package org.yuqing.domain;

import org.junit.jupiter.api.Test;
import org.yuqing.domain.events.EventTypes;
import org.yuqing.domain.events.IncidentGraded;

import static org.assertj.core.api.Assertions.assertThat;

class LevelTest {

    @Test
    void levels_are_ordered_from_general_to_extraordinary() {
        assertThat(Level.MAJOR.isAbove(Level.SERIOUS)).isTrue();
        assertThat(Level.GENERAL.isAbove(Level.GENERAL)).isFalse();
        assertThat(Level.max(Level.SERIOUS, Level.EXTRAORDINARY)).isEqualTo(Level.EXTRAORDINARY);
        assertThat(Level.max(null, Level.GENERAL)).isEqualTo(Level.GENERAL);
        assertThat(Level.EXTRAORDINARY.chineseName()).isEqualTo("特别重大");
    }

    @Test
    void event_types_are_found_by_their_wire_name() {
        assertThat(EventTypes.byName("IncidentGraded")).contains(IncidentGraded.class);
        assertThat(EventTypes.byName("NoSuchEvent")).isEmpty();
    }
}
