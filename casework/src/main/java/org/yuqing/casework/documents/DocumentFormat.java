package org.yuqing.casework.documents;

import java.util.Arrays;
import java.util.Optional;

/** The file formats a document is rendered in, by the extension in its URL. */
enum DocumentFormat {
    /** PDF, fonts embedded: for reading, printing and filing. */
    PDF("pdf", "application/pdf"),
    /** Word (Office Open XML): for editing before filing. */
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String mediaType;

    DocumentFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<DocumentFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
