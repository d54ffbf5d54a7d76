package org.yuqing.platform.stack;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node (the full-text index, 全文检索) run as a child process, from the
 * integ-test distribution that Maven Central publishes.
 *
 * <p>The node listens on 127.0.0.1 only and forms a single-node cluster named {@value #CLUSTER_NAME}
 * with security off. It keeps everything in its node directory: {@code config/} (generated on every
 * start, apart from the keystore), {@code data/}, {@code logs/} ({@code console.log} holds the
 * process's output, {@code yuqing.log} the node's log), {@code tmp/} and {@code es.pid}; data
 * survives a restart with the same directory. Elasticsearch refuses to run as root, so when this JVM
 * is root the node runs as uid/gid {@value #UNPRIVILEGED_ID} and owns its node directory.
 *
 * <p>The process started is the Elasticsearch launcher JVM; the server JVM is its child. {@link #close()}
 * stops both.
 */
public final class ElasticsearchNode implements AutoCloseable {

    /** Name of the single-node cluster. */
    public static final String CLUSTER_NAME = "yuqing";

    /** User and group id the node runs as when this JVM is root ({@code nobody}/{@code nogroup}). */
    static final int UNPRIVILEGED_ID = 65534;

    /**
     * JVM options for nodes that live for one test run: C1 alone gets a node ready about a third sooner
     * on a busy two-core machine, at the cost of peak throughput, which nodes started through
     * {@link #start(Settings)} keep.
     */
    static final List<String> SHORT_LIVED_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;
    private static final int PORT_ATTEMPTS = 3;
    private static final long INITIAL_HEAP_CAP = 512L << 20;
    private static final Pattern HEAP = Pattern.compile("([1-9][0-9]*)([kKmMgG]?)");
    /** Elasticsearch's message when a port is taken: "Failed to bind to 127.0.0.1:9200" (or "…:[9300]"). */
    private static final Pattern BIND_FAILURE = Pattern.compile("Failed to bind to \\S*?:\\[?(\\d+)");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());

    private static ElasticsearchNode shared;

    private final Path nodeDirectory;
    private final int httpPort;
    private final Process process;
    private final HttpClient http;
    /** The server JVM once it has written its pid, else the launcher; a handle, so a reused pid is never signalled. */
    private volatile ProcessHandle server;
    private boolean closed;

    /**
     * How to start a node.
     *
     * @param distributionHome directory under which the distribution is unpacked once, as
     *                         {@code elasticsearch-<version>}; nodes may share it
     * @param nodeDirectory    the node's configuration, data and logs; start again with the same
     *                         directory to keep the data
     * @param httpPort         HTTP port on 127.0.0.1; 0 picks a free one
     * @param transportPort    transport port on 127.0.0.1; 0 picks a free one
     * @param heap             maximum heap in JVM notation ({@code "1g"}, {@code "768m"}); the initial
     *                         heap is this or 512m, whichever is smaller
     */
    public record Settings(Path distributionHome, Path nodeDirectory, int httpPort, int transportPort, String heap) {

        /** Maximum heap unless told otherwise. */
        public static final String DEFAULT_HEAP = "1g";

        /** Validates the settings and makes both paths absolute. */
        public Settings {
            distributionHome = Objects.requireNonNull(distributionHome, "distributionHome")
                    .toAbsolutePath().normalize();
            nodeDirectory = Objects.requireNonNull(nodeDirectory, "nodeDirectory").toAbsolutePath().normalize();
            requirePort(httpPort, "httpPort");
            requirePort(transportPort, "transportPort");
            Objects.requireNonNull(heap, "heap");
            if (!HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 1g, 768m or 1048576k, not " + heap);
            }
        }

        /** Free ports and the {@linkplain #DEFAULT_HEAP default heap}. */
        public static Settings of(Path distributionHome, Path nodeDirectory) {
            return new Settings(distributionHome, nodeDirectory, 0, 0, DEFAULT_HEAP);
        }

        /** These settings with the given ports (0 picks a free one). */
        public Settings withPorts(int httpPort, int transportPort) {
            return new Settings(distributionHome, nodeDirectory, httpPort, transportPort, heap);
        }

        /** These settings with the given maximum heap, in JVM notation. */
        public Settings withHeap(String heap) {
            return new Settings(distributionHome, nodeDirectory, httpPort, transportPort, heap);
        }

        private static void requirePort(int port, String name) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be 0 (pick a free one) or a TCP port, not " + port);
            }
        }
    }

    private ElasticsearchNode(Path nodeDirectory, int httpPort, Process process, HttpClient http) {
        this.nodeDirectory = nodeDirectory;
        this.httpPort = httpPort;
        this.process = process;
        this.http = http;
        this.server = process.toHandle();
    }

    /**
     * Starts a node and waits until its cluster is at least yellow.
     *
     * <p>Unpacks the distribution on first use (downloading it into the local Maven repository if it is
     * not there) and stops a node that an earlier, killed launcher left running in the same node
     * directory.
     *
     * @throws IllegalStateException if the node exits before it is ready or is not ready within 120 s;
     *                               the message ends with the last lines of its log
     */
    public static ElasticsearchNode start(Settings settings) {
        return start(settings, List.of());
    }

    /** {@link #start(Settings)}, with {@code jvmOptions} appended to the server JVM's options. */
    static ElasticsearchNode start(Settings settings, List<String> jvmOptions) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(jvmOptions, "jvmOptions");
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Elasticsearch " + ElasticsearchDistribution.VERSION
                    + " needs Java 21 or newer; this JVM is " + Runtime.version());
        }
        Path distribution = ElasticsearchDistribution.unpacked(settings.distributionHome());
        stopLeftoverProcess(settings.nodeDirectory());
        for (int attempt = 1; ; attempt++) {
            int[] ports = ports(settings.httpPort(), settings.transportPort());
            try {
                return launch(distribution, settings, ports[0], ports[1], jvmOptions);
            } catch (StartFailure e) {
                // A picked port can be taken by someone else between picking and binding.
                boolean pickedPortTaken = e.portNotBound.isPresent()
                        && (settings.httpPort() == 0 && e.portNotBound.getAsInt() == ports[0]
                        || settings.transportPort() == 0 && e.portNotBound.getAsInt() == ports[1]);
                if (!pickedPortTaken || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.INFO, () -> "Port " + e.portNotBound.getAsInt()
                        + " was taken meanwhile; starting Elasticsearch again on other ports");
            }
        }
    }

    /**
     * The node shared by every test in this JVM: started on first use in a fresh directory under
     * {@link StackDirectories#scratchRoot()} (the distribution is unpacked once under its {@code dist}
     * and reused across runs), stopped and deleted when the JVM exits. Do not {@link #close()} it.
     */
    public static synchronized ElasticsearchNode shared() {
        if (shared == null) {
            Path root = StackDirectories.scratchRoot();
            removeAbandonedSharedNodes(root);
            try {
                Path dir = Files.createTempDirectory(root, "elasticsearch-");
                // Written whole or not at all: another JVM sweeping the scratch root must never read half a record.
                Path owner = Files.writeString(dir.resolve("owner.tmp"), ownerRecord(ProcessHandle.current()));
                Files.move(owner, dir.resolve("owner"), StandardCopyOption.ATOMIC_MOVE);
                ElasticsearchNode node = start(Settings.of(scratchDistributionHome(), dir), SHORT_LIVED_JVM_OPTIONS);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    node.close();
                    try {
                        ElasticsearchDistribution.deleteTree(dir);
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "Could not delete " + dir, e);
                    }
                }, "elasticsearch-shutdown"));
                shared = node;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a directory for the shared Elasticsearch node", e);
            }
        }
        return shared;
    }

    /** Where test nodes find the distribution: {@code dist} under the scratch root. */
    static Path scratchDistributionHome() {
        return StackDirectories.scratchRoot().resolve("dist");
    }

    /** Base URI of the HTTP API, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** HTTP port on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Process id of the process this node was started as (the Elasticsearch launcher); the server JVM
     * is its child.
     */
    public long pid() {
        return process.pid();
    }

    /** Process id of the Elasticsearch server JVM, as it wrote it to {@code es.pid}. */
    long serverPid() {
        return server.pid();
    }

    /** The node's directory: configuration, data, logs. */
    public Path nodeDirectory() {
        return nodeDirectory;
    }

    /**
     * Stops the node: SIGTERM, then SIGKILL for whatever is still running after 30 s. Returns once the
     * launcher, the server and every process they started are gone. The node directory stays, data
     * included. Calling it again does nothing.
     *
     * @throws IllegalStateException if a process survived SIGKILL
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long started = System.nanoTime();
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process.toHandle());
        tree.add(server);
        List<ProcessHandle> survivors = terminate(tree);
        http.close();
        Path pidFile = nodeDirectory.resolve("es.pid");
        // Another node may have taken over the directory meanwhile; its pid file stays.
        if (!server.isAlive() && readPid(pidFile).equals(OptionalLong.of(server.pid()))) {
            deleteQuietly(pidFile);
        }
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("Elasticsearch in " + nodeDirectory + " survived SIGKILL: pids "
                    + survivors.stream().map(ProcessHandle::pid).toList());
        }
        LOG.log(Level.INFO, () -> "Elasticsearch in " + nodeDirectory + " stopped after "
                + millisSince(started) + " ms");
    }

    private static ElasticsearchNode launch(Path distribution, Settings settings, int httpPort, int transportPort,
                                            List<String> jvmOptions) {
        Path node = settings.nodeDirectory();
        Path logs = node.resolve("logs");
        Path console = logs.resolve("console.log");
        boolean root = new UnixSystem().getUid() == 0;
        ProcessBuilder builder;
        try {
            prepareNodeDirectory(distribution, node, httpPort, transportPort);
            Files.write(console, new byte[0]);
            if (root) {
                requireReachableByUnprivilegedUser(node, distribution, Path.of(System.getProperty("java.home")));
                makeReadableByAll(distribution);
                handOverToUnprivilegedUser(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch node directory " + node, e);
        }
        List<String> command = new ArrayList<>();
        if (root) {
            // setpriv execs, so the child process is the launcher JVM itself, not a wrapper.
            command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID,
                    "--clear-groups", "--inh-caps=-all"));
        }
        command.addAll(List.of(distribution.resolve("bin/elasticsearch").toString(),
                "-p", node.resolve("es.pid").toString()));
        builder = new ProcessBuilder(command)
                .directory(node.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        Map<String, String> env = builder.environment();
        // The start script warns about (or would apply) these; the node's JVM options come only from ES_JAVA_OPTS.
        for (String ignored : List.of("JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                "CLI_JAVA_OPTS", "ES_HOME")) {
            env.remove(ignored);
        }
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", node.resolve("config").toString());
        env.put("ES_TMPDIR", node.resolve("tmp").toString());
        List<String> options = new ArrayList<>();
        options.add("-Xms" + initialHeap(settings.heap()));
        options.add("-Xmx" + settings.heap());
        options.addAll(jvmOptions);
        env.put("ES_JAVA_OPTS", String.join(" ", options));

        LOG.log(Level.INFO, () -> "Starting Elasticsearch " + ElasticsearchDistribution.VERSION + " in " + node
                + " (http 127.0.0.1:" + httpPort + ", transport 127.0.0.1:" + transportPort
                + ", heap " + settings.heap() + (root ? ", as uid " + UNPRIVILEGED_ID : "") + ")");
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command)
                    + (root ? " (setpriv from util-linux is needed to drop root)" : ""), e);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ElasticsearchNode candidate = new ElasticsearchNode(node, httpPort, process, http);
        try {
            candidate.awaitReady(started);
            return candidate;
        } catch (RuntimeException e) {
            try {
                candidate.close();
            } catch (RuntimeException stop) {
                e.addSuppressed(stop);
            }
            throw e;
        }
    }

    private void awaitReady(long started) {
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(httpUri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = started + READY_TIMEOUT.toNanos();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw failure("Elasticsearch in " + nodeDirectory + " exited with code " + process.exitValue()
                            + " before it was ready");
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                            && answersFromThisNode()) {
                        break;
                    }
                } catch (IOException notListeningYet) {
                    // Expected until the node has bound its HTTP port.
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure("Elasticsearch in " + nodeDirectory + " was not ready within "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch in " + nodeDirectory, e);
        }
        LOG.log(Level.INFO, () -> "Elasticsearch ready at " + httpUri() + " after " + millisSince(started)
                + " ms (launcher pid " + process.pid() + ", server pid " + server.pid() + ")");
    }

    /**
     * Whether the node answering on the HTTP port is the server this node started, not another one that
     * already held a fixed port (this one then fails to bind and exits).
     */
    private boolean answersFromThisNode() throws IOException, InterruptedException {
        OptionalLong pid = readPid(nodeDirectory.resolve("es.pid"));
        if (pid.isEmpty()) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(httpUri() + "/_nodes/_local/process?filter_path=nodes.*.process.id"))
                .timeout(Duration.ofSeconds(5))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (!body.contains("\"id\":" + pid.getAsLong() + "}")) {
            return false;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(handle -> server = handle);
        return true;
    }

    private StartFailure failure(String message) {
        Path logs = nodeDirectory.resolve("logs");
        Path log = logs.resolve("console.log");
        List<String> lines = lines(log);
        if (lines.stream().allMatch(String::isBlank)) {
            log = logs.resolve(CLUSTER_NAME + ".log");
            lines = lines(log);
        }
        OptionalInt portNotBound = lines.stream()
                .map(BIND_FAILURE::matcher)
                .filter(Matcher::find)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                .findFirst();
        // The cause is usually an error with a long stack trace, so the tail alone can miss it.
        List<String> errors = lines.stream()
                .filter(line -> line.contains("][ERROR]") || line.startsWith("Caused by:"))
                .limit(10)
                .toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        StringBuilder text = new StringBuilder(message);
        if (!errors.isEmpty()) {
            text.append("; errors in ").append(log).append(":\n").append(String.join("\n", errors));
        }
        text.append("\n--- last ").append(LOG_TAIL_LINES).append(" lines of ").append(log).append(" ---\n")
                .append(String.join("\n", tail));
        return new StartFailure(text.toString(), portNotBound);
    }

    private static List<String> lines(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return List.of();
            }
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e + ")");
        }
    }

    private static void prepareNodeDirectory(Path distribution, Path node, int httpPort, int transportPort)
            throws IOException {
        StackDirectories.traversable(node);
        Path config = node.resolve("config");
        for (String dir : List.of("config", "data", "logs", "tmp")) {
            Files.createDirectories(node.resolve(dir));
        }
        Path shipped = distribution.resolve("config");
        for (String file : List.of("jvm.options", "log4j2.properties")) {
            Files.copy(shipped.resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path shippedOptions = shipped.resolve("jvm.options.d");
        if (Files.isDirectory(shippedOptions)) {
            Path options = Files.createDirectories(config.resolve("jvm.options.d"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shippedOptions, Files::isRegularFile)) {
                for (Path file : files) {
                    Files.copy(file, options.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(config.resolve("elasticsearch.yml"), """
                # Written by the Yuqing local stack (ElasticsearchNode) on every start; edits are overwritten.
                cluster.name: %s
                network.host: 127.0.0.1
                http.port: %d
                transport.port: %d
                discovery.type: single-node
                # Security auto-configuration breaks the start of this distribution; the node is loopback-only.
                xpack.security.enabled: false
                path.data: %s
                path.logs: %s
                # A nearly full development disk must not turn the indices read-only.
                cluster.routing.allocation.disk.threshold_enabled: false
                """.formatted(CLUSTER_NAME, httpPort, transportPort,
                yamlString(node.resolve("data")), yamlString(node.resolve("logs"))));
    }

    private static String yamlString(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void requireReachableByUnprivilegedUser(Path... paths) throws IOException {
        for (Path path : paths) {
            for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
                if (!mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("Elasticsearch runs as uid " + UNPRIVILEGED_ID
                            + ", which cannot reach " + path + " because " + dir + " is not traversable by others; "
                            + "chmod o+x it or put the stack elsewhere");
                }
            }
        }
    }

    private static void makeReadableByAll(Path distribution) throws IOException {
        try (Stream<Path> tree = Files.walk(distribution)) {
            for (Path path : tree.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> wanted = EnumSet.copyOf(mode);
                wanted.addAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    wanted.addAll(Set.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
                }
                if (!wanted.equals(mode) && !Files.isSymbolicLink(path)) {
                    Files.setPosixFilePermissions(path, wanted);
                }
            }
        }
    }

    private static void handOverToUnprivilegedUser(Path node) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        // A numeric name is taken as the id when no user or group has that name.
        UserPrincipal user = lookup.lookupPrincipalByName(String.valueOf(UNPRIVILEGED_ID));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(String.valueOf(UNPRIVILEGED_ID));
        try (Stream<Path> tree = Files.walk(node)) {
            for (Path path : tree.toList()) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    private static int[] ports(int httpPort, int transportPort) {
        try (ServerSocket http = httpPort == 0 ? new ServerSocket(0, 1, LOOPBACK) : null;
             ServerSocket transport = transportPort == 0 ? new ServerSocket(0, 1, LOOPBACK) : null) {
            return new int[]{http != null ? http.getLocalPort() : httpPort,
                    transport != null ? transport.getLocalPort() : transportPort};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }

    private static String initialHeap(String heap) {
        var matcher = HEAP.matcher(heap);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(heap);
        }
        long shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long bytes = Long.parseLong(matcher.group(1)) << shift;
        return bytes <= INITIAL_HEAP_CAP ? heap : "512m";
    }

    /**
     * Stops a node that an earlier launcher, killed without a chance to clean up, left running in this
     * node directory (it holds the data directory's lock), and removes a stale {@code es.pid}.
     */
    private static void stopLeftoverProcess(Path node) {
        Path pidFile = node.resolve("es.pid");
        OptionalLong pid = readPid(pidFile);
        if (pid.isPresent()) {
            Optional<ProcessHandle> server = ProcessHandle.of(pid.getAsLong())
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> runsIn(process, node));
            if (server.isPresent()) {
                LOG.log(Level.WARNING, () -> "Stopping Elasticsearch (pid " + pid.getAsLong() + ") left running in "
                        + node + " by an earlier launcher");
                Set<ProcessHandle> tree = new LinkedHashSet<>();
                server.get().parent().filter(parent -> runsIn(parent, node)).ifPresent(tree::add);
                tree.add(server.get());
                List<ProcessHandle> survivors = terminate(tree);
                if (!survivors.isEmpty()) {
                    throw new IllegalStateException("cannot stop the Elasticsearch left running in " + node + ": pids "
                            + survivors.stream().map(ProcessHandle::pid).toList());
                }
            }
        }
        deleteQuietly(pidFile);
    }

    /** Whether {@code process} is an Elasticsearch launcher or server JVM working in {@code node}. */
    private static boolean runsIn(ProcessHandle process, Path node) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            List<String> args = Arrays.asList(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"));
            boolean elasticsearch = args.stream().anyMatch(arg -> arg.contains("org.elasticsearch"));
            boolean ours = args.contains(node.resolve("es.pid").toString())
                    || args.contains("-Djava.io.tmpdir=" + node.resolve("tmp"));
            return elasticsearch && ours;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends SIGTERM to {@code roots}, waits for them and all their descendants, then sends SIGKILL to
     * whatever is left. Returns the processes that survived even that.
     */
    private static List<ProcessHandle> terminate(Set<ProcessHandle> roots) {
        // Collected before the signal: once a parent exits, its children are no longer its descendants.
        Set<ProcessHandle> all = new LinkedHashSet<>(roots);
        roots.forEach(root -> root.descendants().forEach(all::add));
        roots.forEach(ProcessHandle::destroy);
        if (!awaitExit(all, STOP_TIMEOUT)) {
            List<ProcessHandle> stubborn = all.stream().filter(ProcessHandle::isAlive).toList();
            LOG.log(Level.WARNING, () -> "Killing Elasticsearch processes "
                    + stubborn.stream().map(ProcessHandle::pid).toList()
                    + ", still running " + STOP_TIMEOUT.toSeconds() + " s after SIGTERM");
            stubborn.forEach(process -> process.descendants().forEach(all::add));
            all.forEach(ProcessHandle::destroyForcibly);
            awaitExit(all, KILL_TIMEOUT);
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for Elasticsearch to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Removes the directories of shared nodes whose JVM is gone without its shutdown hook having run
     * (killed with SIGKILL, say), stopping their Elasticsearch first.
     */
    private static void removeAbandonedSharedNodes(Path root) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "elasticsearch-*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve("owner");
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                String record = Files.readString(owner).strip();
                boolean ownerAlive = ProcessHandle.of(Long.parseLong(record.split(" ")[0]))
                        .map(ElasticsearchNode::ownerRecord)
                        .filter(record::equals)
                        .isPresent();
                if (!ownerAlive) {
                    LOG.log(Level.INFO, () -> "Removing " + dir + ", abandoned by a test JVM that was killed");
                    stopLeftoverProcess(dir);
                    ElasticsearchDistribution.deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not clean up abandoned Elasticsearch nodes under " + root, e);
        }
    }

    /** Identifies a process across pid reuse: its pid and start time. */
    private static String ownerRecord(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static OptionalLong readPid(Path pidFile) {
        try (InputStream in = Files.newInputStream(pidFile)) {
            String text = new String(in.readNBytes(32), StandardCharsets.US_ASCII).strip();
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** The node did not come up; {@link #portNotBound} is the port it could not bind, if that was why. */
    private static final class StartFailure extends IllegalStateException {

        private final OptionalInt portNotBound;

        StartFailure(String message, OptionalInt portNotBound) {
            super(message);
            this.portNotBound = portNotBound;
        }
    }
}
