package org.yuqing.monitoring.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yuqing.monitoring.MonitoringApplication;
import org.yuqing.platform.stack.ElasticsearchNode;
import org.yuqing.platform.stack.PostgresServer;
import org.yuqing.platform.stack.StackDirectories;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real local stack of the benchmarks, started once per benchmark JVM and stopped at its end: an Elasticsearch
 * node whose directory survives runs (default {@code /tmp/bench-es}, {@code -Dbench.esDir}; the search benchmark's
 * million posts stay loaded there), a durable PostgreSQL 18 created afresh in {@code /tmp/bench-pg}
 * ({@code -Dbench.pgDir}) and the monitoring service itself on a free port, trusting {@link TestTokens}.
 */
final class BenchStack {

    /** The unit the benchmarks' topics belong to and their users work for. */
    static final String UNIT = "district";

    private static ElasticsearchNode elasticsearch;
    private static PostgresServer postgres;
    private static Rest5Client restClient;
    private static ElasticsearchClient client;
    private static final List<ConfigurableApplicationContext> APPS = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private BenchStack() {
    }

    /** The benchmarks' Elasticsearch node, started on first use with its persistent directory. */
    static synchronized ElasticsearchNode elasticsearch() {
        if (elasticsearch == null) {
            Path dir = StackDirectories.traversable(Path.of(System.getProperty("bench.esDir", "/tmp/bench-es")));
            Path distribution = StackDirectories.scratchRoot().resolve("dist");
            long start = System.nanoTime();
            elasticsearch = ElasticsearchNode.start(ElasticsearchNode.Settings.of(distribution, dir)
                    .withHeap(System.getProperty("bench.esHeap", "2g")));
            System.out.printf("[bench] Elasticsearch ready at %s (directory %s) after %d ms%n", elasticsearch.httpUri(),
                    dir, (System.nanoTime() - start) / 1_000_000);
        }
        return elasticsearch;
    }

    /** An Elasticsearch client like the service's own ({@code SearchConfiguration}). */
    static synchronized ElasticsearchClient client() {
        if (client == null) {
            restClient = Rest5Client.builder(elasticsearch().httpUri()).build();
            client = new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper(JSON)));
        }
        return client;
    }

    /** A durable PostgreSQL in a fresh directory (an earlier run's topics would join the matcher otherwise). */
    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            Path dir = Path.of(System.getProperty("bench.pgDir", "/tmp/bench-pg"));
            StackDirectories.deleteRecursively(dir);
            postgres = PostgresServer.start(StackDirectories.traversable(dir), 0);
        }
        return postgres;
    }

    /** A running monitoring service; closing it stops it. */
    record Service(URI uri, ConfigurableApplicationContext context) implements AutoCloseable {

        URI resolve(String path) {
            return uri.resolve(path);
        }

        @Override
        public void close() {
            synchronized (BenchStack.class) {
                APPS.remove(context);
            }
            context.close();
        }
    }

    /** Starts the monitoring service on a free port with its posts under {@code indexPrefix}. */
    static synchronized Service monitoring(String indexPrefix) {
        Map<String, Object> properties = new HashMap<>();
        PostgresServer pg = postgres();
        properties.put("spring.datasource.url", pg.jdbcUrl());
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", PostgresServer.PASSWORD);
        TestTokens.shared().register((name, value) -> properties.put(name, value.get()));
        properties.put("yuqing.elasticsearch.uri", elasticsearch().httpUri().toString());
        properties.put("yuqing.monitoring.index-prefix", indexPrefix);
        properties.put("yuqing.monitoring.sources.polling-enabled", "false");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // one line per bulk request with its split between PostgreSQL and Elasticsearch, collected by BulkTimings
        properties.put("logging.level.org.yuqing.monitoring.ingest.BulkIngest", "INFO");
        long start = System.nanoTime();
        // as command-line arguments, which win over application.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MonitoringApplication.class).run(args);
        APPS.add(app);
        URI uri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("[bench] monitoring started at %s (index prefix %s) after %d ms%n", uri, indexPrefix,
                (System.nanoTime() - start) / 1_000_000);
        return new Service(uri, app);
    }

    /** A fresh bearer token of a crawler and monitor of {@link #UNIT} (tokens live 10 minutes). */
    static String ingestToken() {
        return TestTokens.shared().user("bench").roles(Role.INGEST, Role.MONITOR).units(UNIT).bearer();
    }

    /** A fresh service token, for the event feed. */
    static String serviceToken() {
        return TestTokens.shared().service("grading");
    }

    /** Sends a request; fails unless the status is 2xx. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " answered "
                        + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder post(URI uri, String contentType, String body, String bearer) {
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType).header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** Deletes the indices (and template) of a prefix: the benchmarks' throw-away posts must not fill the disk. */
    static void dropIndices(String prefix) {
        URI es = elasticsearch().httpUri();
        try {
            HTTP.send(HttpRequest.newBuilder(es.resolve("/" + prefix + "-*")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            HTTP.send(HttpRequest.newBuilder(es.resolve("/_index_template/" + prefix + "-posts")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    /** Stops whatever was started: services, clients, PostgreSQL, Elasticsearch (its data stays). */
    static synchronized void closeAll() {
        APPS.forEach(ConfigurableApplicationContext::close);
        APPS.clear();
        try {
            if (restClient != null) {
                restClient.close();
            }
        } catch (IOException e) {
            System.out.println("[bench] closing the Elasticsearch client: " + e);
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (elasticsearch != null) {
            elasticsearch.close();
            elasticsearch = null;
        }
    }
}
