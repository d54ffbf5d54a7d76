package org.yuqing.architecture;

import java.util.Optional;
import java.util.Set;

/**
 * The package layout the rules assume: under a root package, one top-level package per module
 * ({@code <root>.monitoring}), feature packages below it ({@code <root>.monitoring.topics}), and the jOOQ classes
 * generated for a service in {@code <root>.<module>.db}. The shared modules ({@code domain}, {@code events}, {@code security}) are open
 * to all; {@code platform} (local stack, launcher) to tests and the launcher only; the rest are business modules.
 */
final class Layout {

    /** The root package of the production code. */
    static final String ROOT = "org.yuqing";

    /** The shared kernel every module may use. */
    static final String DOMAIN = "domain";

    /** The event delivery library (outbox, feed, consumers) every service may use. */
    static final String EVENTS = "events";

    /** The security library (resource server, caller and unit scope, audit) every service may use. */
    static final String SECURITY = "security";

    /**
     * The modules every business module may use. Every other top-level package, except {@link #PLATFORM}, is a
     * business module, so a new one is held to the boundaries from its first class.
     */
    static final Set<String> SHARED = Set.of(DOMAIN, EVENTS, SECURITY);

    /** The local stack and the launcher: used by tests and the launcher, never by main code of a module. */
    static final String PLATFORM = "platform";

    /** The package, directly under a module, that holds the jOOQ classes generated from its migrations. */
    static final String JOOQ = "db";

    private Layout() {
    }

    /** A feature package of a module: {@code <root>.<module>.<feature>} and everything below it. */
    record Feature(String module, String name) {

        /** The slice name used in reports, {@code module.feature}. */
        String qualifiedName() {
            return module + "." + name;
        }

        boolean isGeneratedJooqCode() {
            return name.equals(JOOQ);
        }
    }

    /**
     * The module a package belongs to: its first segment below {@code root}; empty when the package is not below
     * {@code root} or is {@code root} itself.
     */
    static Optional<String> moduleOf(String root, String packageName) {
        return segmentsBelow(root, packageName).filter(segments -> segments.length >= 1).map(segments -> segments[0]);
    }

    /**
     * The feature package a package belongs to; empty when the package is a module's top-level package or is not
     * below {@code root}.
     */
    static Optional<Feature> featureOf(String root, String packageName) {
        return segmentsBelow(root, packageName)
                .filter(segments -> segments.length >= 2)
                .map(segments -> new Feature(segments[0], segments[1]));
    }

    private static Optional<String[]> segmentsBelow(String root, String packageName) {
        String prefix = root + ".";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(packageName.substring(prefix.length()).split("\\."));
    }
}
