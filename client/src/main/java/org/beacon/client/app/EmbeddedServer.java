package org.beacon.client.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.beacon.server.BeaconServer;
import org.beacon.server.ServerConfig;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.demo.DemoRegion;
import org.beacon.server.im.ImLimits;
import org.beacon.server.im.SessionRequests;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;

/**
 * A real Beacon server inside the client's JVM, on a free loopback port, over a fresh SQLite file
 * seeded with the demo region: what {@code --demo} runs, and what the GUI tests talk to. Closing
 * it stops the server, closes the store and deletes the files.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final Path dir;
    private final SqliteStore store;
    private final BeaconServer server;
    private final int port;

    private EmbeddedServer(Path dir, SqliteStore store, BeaconServer server, int port) {
        this.dir = dir;
        this.store = store;
        this.server = server;
        this.port = port;
    }

    /** With production password hashing. */
    public static EmbeddedServer startDemo() {
        return startDemo(new PasswordHasher());
    }

    /** @param hasher hashes the demo password once (tests pass a cheap one) */
    public static EmbeddedServer startDemo(PasswordHasher hasher) {
        return startDemo(hasher, store -> { });
    }

    /**
     * @param beforeStart writes more into the seeded store before the server loads it (tests seed
     *                    sessions and long transcripts this way)
     */
    public static EmbeddedServer startDemo(PasswordHasher hasher, java.util.function.Consumer<SqliteStore> beforeStart) {
        Path dir;
        try {
            dir = Files.createTempDirectory("beacon-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the demo database", e);
        }
        SqliteStore store = SqliteStore.open(dir.resolve("demo.db"), OpenMode.CREATE_NEW, Clock.systemUTC());
        try {
            new DemoRegion(hasher).seed(store).join();
            beforeStart.accept(store);
            ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1").withPort(0);
            BeaconServer server = new BeaconServer(config, store, hasher,
                    services -> SessionRequests.create(services, ImLimits.defaults()));
            int port = server.start();
            return new EmbeddedServer(dir, store, server, port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public SqliteStore store() {
        return store;
    }

    public BeaconServer server() {
        return server;
    }

    public Path database() {
        return dir.resolve("demo.db");
    }

    @Override
    public void close() {
        server.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless.
        }
    }
}
