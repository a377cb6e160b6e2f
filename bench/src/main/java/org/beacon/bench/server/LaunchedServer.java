package org.beacon.bench.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Beacon server in a separate JVM on a fresh database in a temporary folder, started from this
 * JVM's own class path (the bench jar contains the server):
 * <ol>
 *   <li>{@code BeaconCommand create} and {@code import} (the admin CLI, each its own JVM) seed the
 *       users the scenario needs ({@link BenchDirectory});</li>
 *   <li>{@code BeaconCommand serve --port 0 --port-file F --bind 127.0.0.1} with send and request
 *       rates far above what the scenario offers (the generator is a load test, not a flood test),
 *       under {@code sh -c 'ulimit -n <hard limit>; exec java ...'} so that 15,000 sockets fit;</li>
 *   <li>{@link #close()} sends SIGTERM (the server drains its writes), waits, kills if it must, and
 *       deletes the folder. The caller also registers a shutdown hook, so Ctrl-C leaves nothing.</li>
 * </ol>
 * The server's console goes to {@code server.log} in the folder; its tail is shown on failure.
 */
public final class LaunchedServer implements ServerUnderTest {
    private static final String MAIN = "org.beacon.server.admin.BeaconCommand";
    private static final String HIGH_RATE = "1000000";

    private final Path folder;
    private final Process process;
    private final int port;
    private final boolean keepFiles;

    private LaunchedServer(Path folder, Process process, int port, boolean keepFiles) {
        this.folder = folder;
        this.process = process;
        this.port = port;
        this.keepFiles = keepFiles;
    }

    /**
     * Seeds {@code users} bench users into a new database under {@code parent} and serves it.
     *
     * @param jvmOptions   extra options for the server JVM (e.g. {@code -Xmx512m}, {@code -XX:StartFlightRecording=...})
     * @param serveOptions extra options for {@code serve} (e.g. {@code --io-threads=1}), after the bench's own
     */
    public static LaunchedServer start(Path parent, int users, List<String> jvmOptions, List<String> serveOptions,
            boolean keepFiles, PrintStream log) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(parent, "beacon-bench-");
        try {
            Path db = folder.resolve("bench.db");
            Path directory = folder.resolve("directory.json");
            BenchDirectory.write(directory, users);
            long t0 = System.nanoTime();
            admin(folder, "create", "--db", db.toString(), "--region", "Bench region");
            admin(folder, "import", "--db", db.toString(), directory.toString());
            log.printf("seeded %d users in %s (%.1f s)%n", users, db, (System.nanoTime() - t0) / 1e9);

            Path portFile = folder.resolve("port");
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                    "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$@\"", "sh"));
            command.add(java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN, "serve",
                    "--db", db.toString(), "--port", "0", "--port-file", portFile.toString(),
                    "--bind", "127.0.0.1", "--send-rate", HIGH_RATE, "--request-rate", HIGH_RATE));
            command.addAll(serveOptions);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("server.log").toFile())
                    .start();
            try {
                int port = awaitPort(process, portFile, folder, Duration.ofSeconds(60));
                log.printf("server pid %d listening on 127.0.0.1:%d%n", process.pid(), port);
                return new LaunchedServer(folder, process, port, keepFiles);
            } catch (IOException | RuntimeException | InterruptedException e) {
                stop(process);
                throw e;
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (!keepFiles) {
                deleteTree(folder);
            }
            throw e;
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    public Path folder() {
        return folder;
    }

    /** The last lines of the server's console. */
    public String logTail(int lines) {
        return tail(folder.resolve("server.log"), lines);
    }

    @Override
    public void close() {
        stop(process);
        if (!keepFiles) {
            deleteTree(folder);
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: the server's shutdown hook finishes pending writes
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void admin(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), MAIN));
        command.addAll(List.of(args));
        Path out = folder.resolve(args[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("beacon-server " + args[0] + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("beacon-server " + args[0] + " failed (exit " + process.exitValue() + "):\n"
                    + tail(out, 20));
        }
    }

    private static int awaitPort(Process process, Path portFile, Path folder, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited (" + process.exitValue() + ") before listening:\n"
                        + tail(folder.resolve("server.log"), 30));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the server did not listen within " + timeout.toSeconds() + " s:\n"
                + tail(folder.resolve("server.log"), 30));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
