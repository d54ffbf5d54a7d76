package org.yuqing.platform.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server (embedded binaries, PostgreSQL 18) run as child processes.
 *
 * <p>The server keeps its files in the given data directory and reuses them on the next start, so
 * data survives restarts. It holds one application database and login role, both named by
 * {@link #DATABASE} / {@link #USER}; services keep their tables in schemas of their own inside it.
 * Started as root, the binaries drop to an unprivileged user by themselves.
 */
public final class PostgresServer implements AutoCloseable {

    /** Name of the application database. */
    public static final String DATABASE = "yuqing";
    /** Login role the services use. */
    public static final String USER = "yuqing";
    /** Password of {@link #USER}; the server listens on loopback only. */
    public static final String PASSWORD = "yuqing";

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on the given port (0 picks a free one) with its files in {@code dataDirectory},
     * creating the application database and role on first start.
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * As {@link #start(Path, int)}; {@code durable} false trades crash safety for speed
     * ({@code synchronous_commit=off}), for throw-away servers only.
     */
    static PostgresServer start(Path dataDirectory, int port, boolean durable) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            PostgresServer server = new PostgresServer(builder.start(), dataDirectory);
            server.createApplicationDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /**
     * The server shared by every test in this JVM: started on first use in a fresh temporary
     * directory, stopped when the JVM exits.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory(StackDirectories.scratchRoot(), "postgres-");
                shared = start(dir, 0, false);
                PostgresServer server = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    StackDirectories.deleteRecursively(dir);
                }, "postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void createApplicationDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            var roles = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'");
            if (!roles.next()) {
                s.execute("create role " + USER + " login password '" + PASSWORD + "'");
            }
            var dbs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!dbs.next()) {
                s.execute("create database " + DATABASE + " owner " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the application database", e);
        }
    }

    /** TCP port on 127.0.0.1. */
    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A data source for the application database, logged in as {@link #USER}. */
    public DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    /** A data source logged in as the superuser, for provisioning only. */
    public DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    /** Directory holding the server's files. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown); its files stay for the next start. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        // pg_ctl may return before the postmaster has exited: wait for it, so no process outlives close().
        postmaster.ifPresent(p -> {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for PostgreSQL to exit failed", e);
            }
        });
    }

    /** The running postmaster, from its pid file. */
    public Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
