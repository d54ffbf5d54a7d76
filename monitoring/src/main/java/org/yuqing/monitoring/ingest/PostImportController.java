package org.yuqing.monitoring.ingest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.io.IOException;

/**
 * HTTP API of file imports under {@code /api/monitoring/imports}: {@code POST} a multipart {@code file} (JSONL or
 * CSV, see {@link ImportFile}; optional {@code charset} and {@code format}) → 202 with the import and its address;
 * {@code GET /{id}} → its progress, for its uploader only. A file that cannot be read at all is refused at upload
 * (400 no post, 413 too large, 422 undecodable or unusable CSV header); a bad line only fails that line.
 */
@RestController
@RequestMapping("/api/monitoring/imports")
class PostImportController {

    private final PostImports imports;

    PostImportController(PostImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> upload(@RequestPart("file") MultipartFile file,
                                        @RequestParam(required = false) String charset,
                                        @RequestParam(required = false) String format,
                                        Caller caller) throws IOException {
        ImportFile read = ImportFile.read(file.getBytes(), file.getOriginalFilename(), format, charset);
        ImportStatus status = imports.start(read, file.getOriginalFilename(), caller);
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(status.id()).toUri()).body(status);
    }

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable String id, Caller caller) {
        return imports.status(NotFoundException.parseId("import", id), caller);
    }
}
