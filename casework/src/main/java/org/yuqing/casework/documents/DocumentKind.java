package org.yuqing.casework.documents;

import java.util.Arrays;
import java.util.Optional;

/** The documents a case yields, by the name in their URL. */
enum DocumentKind {
    /** 舆情处理登记表: the form the plans require for every incident handled. */
    REGISTRATION("registration", "舆情处理登记表"),
    /** 舆情专报: the special report to the main and the in-charge leaders (MAJOR and above). */
    SPECIAL_REPORT("special-report", "舆情专报"),
    /** 总结评估: the written post-incident review, due within days of the incident subsiding. */
    REVIEW("review", "舆情处置总结评估报告");

    private final String path;
    private final String title;

    DocumentKind(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** The name in the URL, e.g. {@code special-report}. */
    String path() {
        return path;
    }

    /** The document's Chinese title. */
    String title() {
        return title;
    }

    static Optional<DocumentKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
