package org.yuqing.platform.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the local stack keeps files. Every directory here must be reachable by the unprivileged user
 * the servers run as, so none of it sits under a home directory with mode 0700.
 */
public final class StackDirectories {

    private StackDirectories() {
    }

    /**
     * Root for throw-away stacks (tests, code generation): {@code $YUQING_SCRATCH} or
     * {@code /tmp/yuqing-scratch}, created world-traversable.
     */
    public static Path scratchRoot() {
        String configured = System.getenv("YUQING_SCRATCH");
        Path root = Path.of(configured != null && !configured.isBlank() ? configured
                : System.getProperty("java.io.tmpdir") + "/yuqing-scratch");
        return traversable(root);
    }

    /** Creates {@code dir} (and parents) and makes it traversable by every user. */
    public static Path traversable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /** Deletes {@code dir} and everything below it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
