package org.yuqing.ui.statements;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The drafting template of one kind ({@code GET /api/publishing/templates}): guidance and a skeleton whose
 * 〔方括号〕 parts are filled in.
 *
 * @param kind     kind code
 * @param kindName its Chinese name
 * @param guidance what to write and what to avoid
 * @param title    skeleton title
 * @param body     skeleton body
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementTemplate(String kind, String kindName, String guidance, String title, String body) {
}
