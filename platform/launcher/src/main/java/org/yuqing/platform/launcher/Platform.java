package org.yuqing.platform.launcher;

import org.yuqing.platform.stack.ElasticsearchNode;
import org.yuqing.platform.stack.PostgresServer;
import org.yuqing.platform.stack.StackDirectories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The whole platform on the embedded default: the local stack plus every service as a child JVM.
 * {@link #close()} stops everything it started, services first, then Elasticsearch and
 * PostgreSQL; the data directory stays for the next start.
 */
public final class Platform implements AutoCloseable {

    /** Services in start order; the gateway last so it is up when everything behind it is. */
    static final List<String> SERVICES = List.of("monitoring", "grading", "casework", "publishing", "ui", "gateway");

    private static final System.Logger LOG = System.getLogger(Platform.class.getName());

    private final LauncherSettings settings;
    private PostgresServer postgres;
    private ElasticsearchNode elasticsearch;
    private final List<ServiceProcess> services = new ArrayList<>();

    private Platform(LauncherSettings settings) {
        this.settings = settings;
    }

    /** Starts the stack and every service and waits until all are healthy. */
    public static Platform start(LauncherSettings settings) throws InterruptedException {
        Platform platform = new Platform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() throws InterruptedException {
        Path data = StackDirectories.traversable(settings.dataDirectory());
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(
                () -> PostgresServer.start(data.resolve("postgres"), settings.postgresPort()));
        CompletableFuture<ElasticsearchNode> es = CompletableFuture.supplyAsync(
                () -> ElasticsearchNode.start(ElasticsearchNode.Settings
                        .of(data.resolve("elasticsearch-dist"), data.resolve("elasticsearch"))
                        .withPorts(settings.esHttpPort(), settings.esTransportPort())));
        try {
            postgres = pg.get();
            LOG.log(System.Logger.Level.INFO, "PostgreSQL ready on port {0}", String.valueOf(postgres.port()));
            elasticsearch = es.get();
            LOG.log(System.Logger.Level.INFO, "Elasticsearch ready at {0}", elasticsearch.httpUri());
        } catch (ExecutionException e) {
            // Keep whichever did start, so close() stops it.
            if (postgres == null && pg.isDone() && !pg.isCompletedExceptionally()) {
                postgres = pg.join();
            }
            if (elasticsearch == null) {
                try {
                    elasticsearch = es.join();
                } catch (RuntimeException ignored) {
                    // it is the one that failed
                }
            }
            throw new IllegalStateException("the local stack did not start: " + e.getCause().getMessage(), e.getCause());
        }

        Path logs = data.resolve("logs");
        Map<String, String> env = serviceEnvironment();
        Map<String, String> secrets = clientSecrets();
        for (String service : SERVICES) {
            services.add(ServiceProcess.start(service, jar(service), settings.ports().get(service),
                    settings.serviceJavaOptions(), environmentOf(service, env, secrets), List.of(), logs));
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofSeconds(180));
            LOG.log(System.Logger.Level.INFO, "{0} is up", service.name());
        }
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("YUQING_DB_URL", postgres.jdbcUrl());
        env.put("YUQING_DB_USER", PostgresServer.USER);
        env.put("YUQING_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("YUQING_ES_URL", elasticsearch.httpUri().toString());
        settings.ports().forEach((service, port) -> {
            String key = service.toUpperCase();
            env.put("YUQING_" + key + "_PORT", String.valueOf(port));
            env.put("YUQING_" + key + "_URL", settings.url(service));
        });
        env.put("YUQING_PUBLIC_BASE_URL", settings.url("gateway"));
        // The gateway issues tokens under this name; every service accepts only tokens that carry it.
        env.put("YUQING_ISSUER", settings.url("gateway"));
        env.put("YUQING_PUBLISHING_PUBLIC_BASE_URL", settings.url("gateway"));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        return env;
    }

    /**
     * A fresh client secret per service and start: each service gets its own to fetch its service token from the
     * gateway, and the gateway gets them all. Nothing of it is written to disk.
     */
    private static Map<String, String> clientSecrets() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        Map<String, String> secrets = new HashMap<>();
        for (String service : SERVICES) {
            if (!service.equals("gateway")) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                secrets.put(service, java.util.HexFormat.of().formatHex(bytes));
            }
        }
        return secrets;
    }

    private static Map<String, String> environmentOf(String service, Map<String, String> common,
                                                     Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(common);
        if (service.equals("gateway")) {
            secrets.forEach((client, secret) ->
                    env.put("YUQING_GATEWAY_CLIENTS_" + client.toUpperCase() + "_SECRET", "{noop}" + secret));
        } else {
            env.put("YUQING_CLIENT_SECRET", secrets.get(service));
        }
        return env;
    }

    private Path jar(String service) {
        return settings.home().resolve(service).resolve("target").resolve("yuqing-" + service + "-" + version() + "-exec.jar");
    }

    static String version() {
        String v = Platform.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** The settings this platform runs with. */
    public LauncherSettings settings() {
        return settings;
    }

    /**
     * Process ids of everything the platform runs: this launcher, the services, Elasticsearch and
     * PostgreSQL with their children.
     */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        for (ServiceProcess service : services) {
            pids.add(service.process().pid());
            service.process().descendants().forEach(p -> pids.add(p.pid()));
        }
        if (elasticsearch != null) {
            ProcessHandle.of(elasticsearch.pid()).ifPresent(p -> {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            });
        }
        if (postgres != null) {
            postgresPids().forEach(pids::add);
        }
        return pids.stream().distinct().toList();
    }

    private List<Long> postgresPids() {
        // PostgreSQL daemonises, so its processes are not our descendants: start from its postmaster.
        List<Long> pids = new ArrayList<>();
        postgres.postmaster().ifPresent(p -> {
            pids.add(p.pid());
            p.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    /** Total resident memory of every process of the platform, in bytes (Linux /proc). */
    public long residentBytes() {
        long total = 0;
        for (long pid : pids()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return total;
    }

    @Override
    public void close() {
        // All at once: each service shuts down gracefully on its own, and none waits for another.
        List<Thread> stopping = services.stream()
                // Generous: the first exit of a service also writes its class-data archive.
                .map(service -> Thread.ofVirtual().start(() -> service.stop(Duration.ofSeconds(60))))
                .toList();
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (elasticsearch != null) {
            elasticsearch.close();
            elasticsearch = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
