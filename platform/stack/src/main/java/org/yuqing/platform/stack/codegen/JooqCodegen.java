package org.yuqing.platform.stack.codegen;

import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.yuqing.platform.stack.PostgresServer;
import org.yuqing.platform.stack.StackDirectories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step of every service that owns tables: applies the service's Flyway migrations to a real,
 * throw-away PostgreSQL and generates the jOOQ classes from the resulting schema. Skipped when the
 * migrations have not changed since the last generation.
 *
 * <p>Arguments: migrations directory, schema name, target package, target directory.
 */
public final class JooqCodegen {

    private static final String STAMP = ".migrations.sha256";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: JooqCodegen <migrations dir> <schema> <package> <target dir>");
        }
        Path migrations = Path.of(args[0]);
        String schema = args[1];
        String packageName = args[2];
        Path target = Path.of(args[3]);

        String digest = digest(migrations);
        Path stamp = target.resolve(STAMP);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.getLogger(JooqCodegen.class.getName())
                    .log(System.Logger.Level.DEBUG, "jOOQ classes of schema {0} are up to date", schema);
            return;
        }
        Path scratch = Files.createTempDirectory(StackDirectories.scratchRoot(), "codegen-" + schema + "-");
        try (PostgresServer server = PostgresServer.start(scratch, 0)) {
            Flyway.configure()
                    .dataSource(server.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            StackDirectories.deleteRecursively(target);
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(server.jdbcUrl())
                            .withUser(PostgresServer.USER)
                            .withPassword(PostgresServer.PASSWORD))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema(schema)
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(target.toString()))));
        } finally {
            StackDirectories.deleteRecursively(scratch);
        }
        Files.writeString(stamp, digest);
    }

    private static String digest(Path migrations) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.list(migrations)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
