package org.yuqing.casework.documents;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The case documents API: {@code GET /api/casework/cases/{id}/documents/{kind}.{format}} with kind
 * {@code registration} (舆情处理登记表), {@code special-report} (舆情专报) or {@code review} (总结评估报告) and format
 * {@code pdf} or {@code docx}. Scoped like the case (another unit's case answers 404), audited as EXPORT, never cached.
 */
@RestController
class DocumentsController {

    private final CaseDocuments documents;

    DocumentsController(CaseDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/casework/cases/{id}/documents/{kind}.{format}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable String kind, @PathVariable String format,
                                    Caller caller) {
        DocumentKind documentKind = DocumentKind.ofPath(kind).orElse(null);
        DocumentFormat documentFormat = DocumentFormat.ofExtension(format).orElse(null);
        if (documentKind == null || documentFormat == null) {
            // Checked after the case, so that an unknown document of another unit's case still reads as that case's 404.
            documents.requireVisible(id, caller);
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no document " + kind + "." + format + "; documents: "
                            + Arrays.stream(DocumentKind.values()).map(DocumentKind::path).toList() + " as "
                            + Arrays.stream(DocumentFormat.values()).map(DocumentFormat::extension).toList()), null);
        }
        CaseDocuments.Rendered rendered = documents.generate(id, documentKind, documentFormat, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendered.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(rendered.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(rendered.bytes());
    }
}
