package org.yuqing.ui.statements;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A case the user may draft for, as {@code GET /api/casework/cases} lists it (only what this feature shows).
 *
 * @param id        case id
 * @param title     case title
 * @param unitId    responsible unit
 * @param level     level code
 * @param levelName level name from the service
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseChoice(String id, String title, String unitId, String level, String levelName) {
}
