package org.yuqing.publishing.site;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.publishing.statements.PublicStatement;
import org.yuqing.publishing.statements.PublicStatements;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public statements site, {@code /public/statements}: no login, released statements only.
 */
@RestController
@RequestMapping("/public/statements")
class PublicSiteController {

    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int LIST_LIMIT = 100;
    private static final int FEED_LIMIT = 50;
    // The pages carry no script; this keeps any that slipped into a statement from running.
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final PublicStatements statements;
    private final StatementPages pages;
    private final AtomFeed feed;
    private final Clock clock;

    PublicSiteController(PublicStatements statements, StatementPages pages, AtomFeed feed, Clock clock) {
        this.statements = statements;
        this.pages = pages;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<String> list() {
        return html(HttpStatus.OK, pages.list(statements.newest(WebsiteChannel.NAME, LIST_LIMIT)));
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed() {
        List<PublicStatement> newest = statements.newest(WebsiteChannel.NAME, FEED_LIMIT);
        return ResponseEntity.ok().contentType(ATOM)
                .header(HttpHeaders.CACHE_CONTROL, "max-age=60")
                .body(feed.write(newest, clock.instant()));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> statement(@PathVariable String id) {
        return parse(id).flatMap(uuid -> statements.find(WebsiteChannel.NAME, uuid))
                .map(s -> html(HttpStatus.OK, pages.statement(s)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, pages.notFound()));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
