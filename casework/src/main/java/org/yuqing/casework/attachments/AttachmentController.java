package org.yuqing.casework.attachments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yuqing.casework.attachments.Attachments.AttachmentView;
import org.yuqing.security.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The attachment API. {@code POST /api/casework/cases/{id}/attachments} (multipart, part {@code file}) stores a file
 * up to {@code yuqing.casework.attachments.max-size} (default 20 MB; larger: 413) and answers 201 with its SHA-256;
 * {@code GET /api/casework/cases/{id}/attachments/{attachmentId}} sends it back with the checksum in
 * {@code Repr-Digest: sha-256=:<base64>:} (RFC 9530) and {@code Digest: sha-256=<base64>} (RFC 3230), or 409
 * "checksum mismatch" when the stored bytes no longer match. Attachments are listed on the case (property
 * {@code attachments}).
 */
@RestController
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentController {

    private static final int MAX_NAME = 255;

    private final Attachments attachments;
    private final AttachmentProperties properties;

    AttachmentController(Attachments attachments, AttachmentProperties properties) {
        this.attachments = attachments;
        this.properties = properties;
    }

    @PostMapping("/api/casework/cases/{id}/attachments")
    ResponseEntity<AttachmentView> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                          Caller caller) {
        long max = properties.maxSize().toBytes();
        if (file.getSize() > max) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", "the file has " + file.getSize()
                    + " bytes; a case takes files of at most " + max + " bytes");
        }
        if (file.isEmpty()) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "Empty file", "the file is empty");
        }
        Attachment a = attachments.attach(id, fileName(file.getOriginalFilename()), contentType(file.getContentType()),
                bytes(file), caller);
        return ResponseEntity.created(URI.create("/api/casework/cases/" + id + "/attachments/" + a.id()))
                .body(AttachmentView.of(a));
    }

    @GetMapping("/api/casework/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Caller caller) {
        AttachmentRepository.Stored stored = attachments.read(id, attachmentId, caller);
        Attachment a = stored.attachment();
        String digest = Base64.getEncoder().encodeToString(a.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(stored.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Digest", "sha-256=" + digest)
                .header("X-Content-Type-Options", "nosniff")
                .body(stored.content());
    }

    // The name as uploaded without any path a browser may have sent along; never blank, never overlong.
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "附件";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String contentType(String declared) {
        if (declared == null || declared.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.isConcrete() ? type.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
