package org.beacon.client.it;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.beacon.server.BeaconServer;
import org.beacon.server.ServerConfig;
import org.beacon.server.im.ImLimits;
import org.beacon.server.im.SessionRequests;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;

/**
 * A real {@link BeaconServer} on a free loopback port over a real SQLite file seeded with
 * {@link ItRegion}, IM on. Close it after each test.
 */
final class LiveServer implements AutoCloseable {
    /** Far above anything the tests send, so that only the flood test meets the send rate. */
    static final ImLimits UNLIMITED = new ImLimits(100_000, 100_000, 2_000, 200);

    private final Path db;
    private final SqliteStore store;
    private final BeaconServer server;

    private LiveServer(Path db, ImLimits limits) {
        this.db = db;
        seed(db);
        this.store = SqliteStore.open(db, OpenMode.EXISTING, Clock.systemUTC());
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1").withPort(0);
        this.server = new BeaconServer(config, store, ItRegion.HASHER,
                services -> SessionRequests.create(services, limits));
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static LiveServer start(Path dir) {
        return start(dir, UNLIMITED);
    }

    static LiveServer start(Path dir, ImLimits limits) {
        return new LiveServer(dir.resolve("region.db"), limits);
    }

    int port() {
        return server.port();
    }

    /**
     * Switches IM as an administrator does: through a second store on the same file (the running
     * server notices the change by polling the file, so callers await the effect).
     */
    void switchIm(boolean enabled) throws Exception {
        try (SqliteStore admin = SqliteStore.open(db, OpenMode.EXISTING, Clock.systemUTC())) {
            admin.setImEnabled(enabled).get(10, TimeUnit.SECONDS);
        }
    }

    /** Resets a password as the admin CLI does: through a second store on the same file. */
    void resetPassword(String username, String password) throws Exception {
        try (SqliteStore admin = SqliteStore.open(db, OpenMode.EXISTING, Clock.systemUTC())) {
            admin.setPasswordHash(username, ItRegion.HASHER.hash(password.toCharArray())).get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }

    private static void seed(Path db) {
        try (SqliteStore seeding = SqliteStore.open(db, OpenMode.CREATE_NEW, Clock.systemUTC())) {
            seeding.importDirectory(ItRegion.organizations(), ItRegion.resources(), ItRegion.users())
                    .get(10, TimeUnit.SECONDS);
            seeding.setImEnabled(true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot seed " + db, e);
        }
    }
}
