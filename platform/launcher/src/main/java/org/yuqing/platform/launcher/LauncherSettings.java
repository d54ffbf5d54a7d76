package org.yuqing.platform.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the platform keeps its data and which ports it uses. Every value can be set by an
 * environment variable; the defaults keep clear of the usual PostgreSQL and Elasticsearch ports.
 *
 * @param home          the repository root (holds the built service jars)
 * @param dataDirectory everything the platform stores: databases, indices, logs
 * @param postgresPort  PostgreSQL on 127.0.0.1
 * @param esHttpPort    Elasticsearch HTTP on 127.0.0.1
 * @param esTransportPort Elasticsearch transport on 127.0.0.1
 * @param ports         HTTP port of each service by name (gateway, monitoring, …)
 * @param serviceJavaOptions JVM options for each service process
 * @param loadDemo      whether to load the demo drill when the data directory has none
 */
public record LauncherSettings(
        Path home,
        Path dataDirectory,
        int postgresPort,
        int esHttpPort,
        int esTransportPort,
        Map<String, Integer> ports,
        String serviceJavaOptions,
        boolean loadDemo) {

    /** Default JVM options: small heaps, fast start-up, class data shared across restarts. */
    public static final String DEFAULT_JAVA_OPTIONS =
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx256m -XX:MaxMetaspaceSize=192m"
                    + " -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Dfile.encoding=UTF-8";

    /** Settings from the environment, with {@code home} as the repository root. */
    public static LauncherSettings fromEnvironment(Path home, Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("YUQING_DATA", home.resolve("data").toString())).toAbsolutePath();
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("gateway", port(env, "YUQING_GATEWAY_PORT", 8080));
        ports.put("monitoring", port(env, "YUQING_MONITORING_PORT", 8081));
        ports.put("grading", port(env, "YUQING_GRADING_PORT", 8082));
        ports.put("casework", port(env, "YUQING_CASEWORK_PORT", 8083));
        ports.put("publishing", port(env, "YUQING_PUBLISHING_PORT", 8084));
        ports.put("ui", port(env, "YUQING_UI_PORT", 8085));
        return new LauncherSettings(home.toAbsolutePath(), data,
                port(env, "YUQING_PG_PORT", 15432),
                port(env, "YUQING_ES_PORT", 19200),
                port(env, "YUQING_ES_TRANSPORT_PORT", 19300),
                Map.copyOf(ports),
                env.getOrDefault("YUQING_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS),
                !"false".equalsIgnoreCase(env.getOrDefault("YUQING_DEMO", "true")));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was " + value, e);
        }
    }

    /** Base URL of a service by name. */
    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }
}
