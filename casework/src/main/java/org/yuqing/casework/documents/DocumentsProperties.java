package org.yuqing.casework.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Settings of the case documents, under {@code yuqing.casework.documents} (defaults in
 * {@code classpath:documents/documents.properties}).
 *
 * @param bodyFont        the body text font (宋体-like), a .ttc/.otf/.ttf path; blank to search {@code fontDirectories}
 * @param boldFont        the bold body font; blank to search, falling back to the body font
 * @param headingFont     the heading font (黑体-like); blank to search, falling back to the bold font
 * @param fontDirectories where to look for the Noto CJK files when a font is not named
 * @param unitNames       the names units go by in document headers, by unit id
 */
@ConfigurationProperties("yuqing.casework.documents")
record DocumentsProperties(String bodyFont, String boldFont, String headingFont, List<String> fontDirectories,
                           Map<String, String> unitNames) {

    DocumentsProperties {
        fontDirectories = fontDirectories == null ? List.of() : List.copyOf(fontDirectories);
        unitNames = unitNames == null ? Map.of() : Map.copyOf(unitNames);
    }

    /** The name of a unit for headers: its configured name with the id, or the id alone. */
    String unitName(String unitId) {
        String name = unitNames.get(unitId);
        return name == null || name.isBlank() ? unitId : name;
    }
}
