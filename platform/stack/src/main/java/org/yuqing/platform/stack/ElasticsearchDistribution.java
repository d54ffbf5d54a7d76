package org.yuqing.platform.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Elasticsearch distribution the local stack runs: the integ-test zip published on Maven Central,
 * taken from the local Maven repository (downloaded into it when missing) and unpacked once per home
 * directory.
 */
final class ElasticsearchDistribution {

    /** Version of the distribution, from the build (root pom property elasticsearch-distribution.version). */
    static final String VERSION = loadVersion();

    private static final String ARTIFACT_DIRECTORY = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";
    private static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{40,128}");
    private static final System.Logger LOG = System.getLogger(ElasticsearchDistribution.class.getName());

    private ElasticsearchDistribution() {
    }

    /**
     * Returns {@code <home>/elasticsearch-<version>}, unpacking the distribution there first if it is not
     * there yet. Safe against concurrent callers in this and other JVMs; a crash mid-unpack leaves only
     * a staging directory that the next call removes, never a partial distribution.
     */
    static synchronized Path unpacked(Path home) {
        Path target = home.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(target.resolve("bin/elasticsearch"))) {
            return target;
        }
        StackDirectories.traversable(home);
        Path lockFile = home.resolve(".elasticsearch-" + VERSION + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.exists(target)) {
                removeAbandonedStagingDirectories(home, target);
                unpack(zip(), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Elasticsearch " + VERSION + " into " + home, e);
        }
    }

    /** The distribution zip in the local Maven repository, downloaded there first if missing. */
    static Path zip() throws IOException {
        Path zip = localRepository().resolve(artifactPath());
        if (!Files.isRegularFile(zip)) {
            download(zip);
        }
        return zip;
    }

    /** The local Maven repository: {@code -Dmaven.repo.local} or {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Deletes {@code root} and everything below it; a missing {@code root} is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String artifactPath() {
        return ARTIFACT_DIRECTORY + "/" + VERSION + "/elasticsearch-" + VERSION + ".zip";
    }

    private static void unpack(Path zip, Path target) throws IOException {
        if (!isDistribution(zip)) {
            throw new IOException(zip + " is not an Elasticsearch " + VERSION + " distribution zip;"
                    + " delete it to have it downloaded again");
        }
        LOG.log(Level.INFO, () -> "Unpacking " + zip + " into " + target);
        Path staging = Files.createTempDirectory(target.getParent(), stagingPrefix(target));
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path top = archive.getPath("/" + target.getFileName());
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(staging.resolve(top.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path out = staging.resolve(top.relativize(file).toString());
                    Files.copy(file, out);
                    // Modes are normalised so that the unprivileged user can read everything, whatever
                    // the archive says (its config files are 0660) and whatever the umask is.
                    Files.setPosixFilePermissions(out, executable(top, file) ? EXECUTABLE_MODE : FILE_MODE);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.setPosixFilePermissions(staging.resolve(top.relativize(dir).toString()), DIRECTORY_MODE);
                    return FileVisitResult.CONTINUE;
                }
            });
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static boolean executable(Path top, Path file) throws IOException {
        Set<PosixFilePermission> mode = Files.readAttributes(file, PosixFileAttributes.class).permissions();
        if (mode.contains(PosixFilePermission.OWNER_EXECUTE)) {
            return true;
        }
        // An archive written without Unix modes must still yield runnable scripts.
        String name = file.getFileName().toString();
        return top.relativize(file).startsWith("bin") && !name.endsWith(".bat") && !name.endsWith(".exe");
    }

    private static String stagingPrefix(Path target) {
        return "." + target.getFileName() + ".unpacking-";
    }

    private static void removeAbandonedStagingDirectories(Path home, Path target) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(home, stagingPrefix(target) + "*")) {
            for (Path leftover : leftovers) {
                LOG.log(Level.INFO, () -> "Removing " + leftover + ", left by an interrupted unpack");
                deleteTree(leftover);
            }
        }
    }

    private static void download(Path zip) throws IOException {
        String configured = System.getenv("YUQING_MAVEN_REPO");
        String base = (configured != null && !configured.isBlank() ? configured : DEFAULT_REPOSITORY)
                .replaceAll("/+$", "");
        URI uri = URI.create(base + "/" + artifactPath());
        Files.createDirectories(zip.getParent());
        Path part = Files.createTempFile(zip.getParent(), zip.getFileName() + ".", ".part");
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build()) {
            LOG.log(Level.INFO, () -> "Downloading " + uri + " to " + zip);
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers
                    .ofFile(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            if (response.statusCode() != 200) {
                throw new IOException("cannot download " + uri + ": HTTP " + response.statusCode());
            }
            verify(http, uri, part);
            // A proxy or login page can answer 200 with HTML where no checksum is published.
            if (!isDistribution(part)) {
                throw new IOException(uri + " did not return an Elasticsearch distribution zip");
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void verify(HttpClient http, URI uri, Path file) throws IOException, InterruptedException {
        for (String algorithm : List.of("SHA-512", "SHA-1")) {
            URI checksum = URI.create(uri + "." + algorithm.replace("-", "").toLowerCase(Locale.ROOT));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(checksum).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException("cannot download " + checksum + ": HTTP " + response.statusCode());
            }
            // Checksum files hold the hex digest, sometimes followed by the file name.
            String expected = response.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!HEX_DIGEST.matcher(expected).matches()) {
                throw new IOException(checksum + " did not return a checksum but: " + abbreviate(response.body()));
            }
            String actual = digest(file, algorithm);
            if (!expected.equals(actual)) {
                throw new IOException("checksum mismatch for " + uri + ": " + checksum + " says " + expected
                        + ", the download has " + actual);
            }
            LOG.log(Level.INFO, () -> "Verified " + uri + " against " + checksum);
            return;
        }
        LOG.log(Level.WARNING, () -> uri + " has no .sha512 or .sha1 next to it; the download is not verified");
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }

    private static boolean isDistribution(Path zip) {
        try (FileSystem archive = FileSystems.newFileSystem(zip)) {
            return Files.isRegularFile(archive.getPath("/elasticsearch-" + VERSION, "bin", "elasticsearch"));
        } catch (IOException | RuntimeException notAZip) {
            return false;
        }
    }

    private static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String loadVersion() {
        Properties properties = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("stack.properties")) {
            if (in == null) {
                throw new NoSuchFileException("stack.properties next to " + ElasticsearchDistribution.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack versions", e);
        }
        String version = properties.getProperty("elasticsearch.version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException(
                    "stack.properties names no Elasticsearch version (was the module built with resource filtering?)");
        }
        return version.strip();
    }
}
