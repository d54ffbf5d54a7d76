package org.yuqing.platform.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./yuqing} — runs the platform on the embedded default until Ctrl-C ({@code run}, the
 * default), stops a running one ({@code stop}) or tells whether one runs ({@code status}).
 */
public final class Launcher {

    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("yuqing.home", ".")).toAbsolutePath().normalize();
        LauncherSettings settings = LauncherSettings.fromEnvironment(home, System.getenv());
        String command = args.length > 0 ? args[0] : "run";
        int exit = switch (command) {
            case "run" -> run(settings);
            case "stop" -> stop(settings);
            case "status" -> status(settings);
            default -> {
                LOG.log(System.Logger.Level.ERROR, "unknown command {0}; use run, stop or status", command);
                yield 2;
            }
        };
        System.exit(exit);
    }

    static int run(LauncherSettings settings) throws InterruptedException, IOException {
        Optional<ProcessHandle> running = runningLauncher(settings);
        if (running.isPresent()) {
            LOG.log(System.Logger.Level.ERROR, "Yuqing already runs from {0} (pid {1}); ./yuqing stop stops it",
                    settings.dataDirectory(), String.valueOf(running.get().pid()));
            return 1;
        }
        Files.createDirectories(settings.dataDirectory());
        Path pidFile = pidFile(settings);
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));

        long started = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform[] platform = new Platform[1];
        Thread hook = new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping Yuqing …");
            if (platform[0] != null) {
                platform[0].close();
            }
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing left to do
            }
            stopped.countDown();
        }, "yuqing-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        platform[0] = Platform.start(settings);
        String gateway = settings.url("gateway");
        if (settings.loadDemo()) {
            DemoDrill demo = new DemoDrill(gateway);
            if (demo.loadIfAbsent()) {
                LOG.log(System.Logger.Level.INFO, "demo drill loaded");
            }
            demo.awaitCase(Duration.ofSeconds(60));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, """

                ============================================================
                 Yuqing 舆情应急处置平台 is ready (%.1f s, %d processes, RSS %.2f GiB)
                 Console:            %s/
                 Demo login:         %s / %s
                 Public statements:  %s/public/statements
                 Data:               %s
                 Logs:               %s
                 Stop:               Ctrl-C, or ./yuqing stop
                ============================================================""",
                seconds, platform[0].pids().size(), platform[0].residentBytes() / (1024.0 * 1024 * 1024),
                gateway, DemoDrill.LOGIN, DemoDrill.PASSWORD, gateway, settings.dataDirectory(),
                settings.dataDirectory().resolve("logs")));
        stopped.await();
        return 0;
    }

    static int stop(LauncherSettings settings) throws InterruptedException {
        Optional<ProcessHandle> running = runningLauncher(settings);
        if (running.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Yuqing is not running from {0}", settings.dataDirectory());
            return 0;
        }
        running.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (running.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (running.get().isAlive()) {
            LOG.log(System.Logger.Level.ERROR, "Yuqing (pid {0}) did not stop within 90 s", String.valueOf(running.get().pid()));
            return 1;
        }
        LOG.log(System.Logger.Level.INFO, "Yuqing stopped");
        return 0;
    }

    static int status(LauncherSettings settings) {
        Optional<ProcessHandle> running = runningLauncher(settings);
        LOG.log(System.Logger.Level.INFO, running.map(p -> "Yuqing runs (pid " + p.pid() + ") at " + settings.url("gateway"))
                .orElse("Yuqing is not running"));
        return running.isPresent() ? 0 : 3;
    }

    private static Optional<ProcessHandle> runningLauncher(LauncherSettings settings) {
        try {
            Path pidFile = pidFile(settings);
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(Launcher.class.getName())
                            || c.contains("yuqing-platform-launcher")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path pidFile(LauncherSettings settings) {
        return settings.dataDirectory().resolve("launcher.pid");
    }
}
