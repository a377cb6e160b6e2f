package org.beacon.server.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.beacon.protocol.Protocol;
import org.beacon.server.BeaconServer;
import org.beacon.server.ServerConfig;
import org.beacon.server.ServerTransport;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.im.ImLimits;
import org.beacon.server.demo.DemoRegion;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: runs the server on a region database until the process is stopped (SIGTERM or
 * Ctrl-C); a shutdown hook then closes the server, then the store.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Beacon server on a region database until stopped (SIGTERM or Ctrl-C).",
            "With --demo, a database that does not exist yet is created with the demo region first;"
                    + " an existing one is served as it is (not seeded again)."})
final class ServeCommand extends AdminSubcommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + Protocol.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String bind;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Write the bound port to FILE once listening (useful with --port 0).")
    Path portFile;

    @Option(names = "--send-rate", paramLabel = "PER_SECOND", defaultValue = "20",
            description = "Messages a second one user may send, with bursts of twice that (default: ${DEFAULT-VALUE}).")
    int sendRate;

    @Option(names = "--request-rate", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Requests a second one connection may make, with bursts of four times that"
                    + " (default: ${DEFAULT-VALUE}).")
    int requestRate;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Threads serving the connections (default: one per CPU core, here ${DEFAULT-VALUE}).")
    int ioThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "auto",
            description = "Event-loop I/O: auto (io_uring where the kernel offers it, else epoll, else NIO),"
                    + " io_uring, epoll or nio (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--demo", description = "Create the database with the demo region (users gblue, ablack, cgray"
            + " and more; password \"demo\") if it does not exist.")
    boolean demo;

    @Override
    int execute() throws Exception {
        if (port < 0 || port > 65_535) {
            throw usage("--port must be 0-65535, not " + port);
        }
        if (sendRate < 1 || requestRate < 1) {
            throw usage("--send-rate and --request-rate must be at least 1");
        }
        if (ioThreads < 1) {
            throw usage("--io-threads must be at least 1");
        }
        ServerTransport loops;
        try {
            loops = ServerTransport.parse(transport);
        } catch (IllegalArgumentException e) {
            throw usage("--transport must be auto, io_uring, epoll or nio, not " + transport);
        }
        PasswordHasher hasher = env().hashers().get();
        SqliteStore store = openStore(hasher);
        BeaconServer server;
        try {
            server = new BeaconServer(ServerConfig.defaults().withBindAddress(bind).withPort(port)
                    .withClock(env().clock())
                    .withRequestRate(requestRate, 4 * requestRate)
                    .withIoThreads(ioThreads)
                    .withTransport(loops)
                    .withImLimits(ImLimits.defaults().withSendRate(sendRate, 2 * sendRate)), store, hasher);
            server.start();
            if (portFile != null) {
                writePortFile(server.port());
            }
        } catch (RuntimeException e) {
            store.close();
            return fail("cannot serve " + db + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            log.info("Stopped");
            stopped.countDown();
        }, "beacon-shutdown"));
        log.info("Beacon serving on {}:{}", bind, server.port());
        stopped.await();
        return BeaconCommand.EXIT_OK;
    }

    /** Written whole under a temporary name, then renamed: a reader never sees a half-written port. */
    private void writePortFile(int boundPort) throws java.io.IOException {
        Path target = portFile.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, Integer.toString(boundPort), StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private SqliteStore openStore(PasswordHasher hasher) {
        if (!demo) {
            return openExisting();
        }
        if (Files.exists(db)) {
            log.info("{} exists; serving it as it is (--demo seeds only a new database)", db);
            return openExisting();
        }
        SqliteStore store = env().stores().open(db, OpenMode.CREATE_NEW);
        try {
            new DemoRegion(hasher).seed(store).join();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        log.info("Created {} with the demo region (password \"{}\" for every user)", db, DemoRegion.PASSWORD);
        return store;
    }
}
