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
import java.util.Objects;

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
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
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
                shared = start(dir, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-shutdown"));
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
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
