package org.yuqing.monitoring.sources;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches a feed with a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}). */
@Component
class FeedFetcher {

    /** What a fetch got: {@code body} is null when the server answered 304 Not Modified. */
    record Fetched(byte[] body, String contentType, String etag, String lastModified) {
        boolean notModified() {
            return body == null;
        }
    }

    private final HttpClient http;
    private final SourceProperties properties;

    FeedFetcher(SourceProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches {@code url}, sending the validators of the last successful fetch when there are any.
     *
     * @throws FeedUnavailableException on a network error, an HTTP status other than 2xx or 304, or a body over the limit
     */
    Fetched fetch(String url, String etag, String lastModified) throws FeedUnavailableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.requestTimeout())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "Yuqing-monitoring/1 (feed poller)")
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FeedUnavailableException("fetch failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("fetch interrupted", e);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Fetched(null, null, etag, lastModified);
            }
            if (status < 200 || status > 299) {
                throw new FeedUnavailableException("HTTP " + status + " from " + url);
            }
            byte[] body = in.readNBytes(properties.maxFeedBytes() + 1);
            if (body.length > properties.maxFeedBytes()) {
                throw new FeedUnavailableException("feed is larger than " + properties.maxFeedBytes() + " bytes");
            }
            return new Fetched(body, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new FeedUnavailableException("reading the feed failed: " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
