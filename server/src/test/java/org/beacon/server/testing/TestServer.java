package org.beacon.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.model.Rights;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.server.BeaconServer;
import org.beacon.server.ServerConfig;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.User;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;

/**
 * A real server on a free port over a real SQLite file, seeded with a small region whose users have
 * cheap password hashes. Passwords are {@code "pw-" + username}. Close it after each test.
 *
 * <pre>
 * alice  County EMS, Station 1, may initiate IM
 * bob    County EMS, Station 1
 * carol  County EMS, Station 1
 * dave   St. Mary, ER
 * nopass County EMS, no password (cannot sign in)
 * </pre>
 */
public final class TestServer implements AutoCloseable {
    public static final PasswordHasher HASHER = new PasswordHasher(1_000);

    private final ProtocolJson json = new ProtocolJson();
    private final Path db;
    private final Clock clock;
    private final UnaryOperator<ServerConfig> tune;
    private final List<TestClient> clients = new ArrayList<>();
    private final List<SqliteStore> otherStores = new ArrayList<>();
    private SqliteStore store;
    private BeaconServer server;

    private TestServer(Path db, Clock clock, UnaryOperator<ServerConfig> tune) {
        this.db = db;
        this.clock = clock;
        this.tune = tune;
    }

    /** A new database in {@code dir} with the test region and IM on; the server started. */
    public static TestServer start(Path dir) {
        return start(dir, UnaryOperator.identity());
    }

    public static TestServer start(Path dir, UnaryOperator<ServerConfig> tune) {
        TestServer fixture = new TestServer(dir.resolve("region.db"), Clock.systemUTC(), tune);
        fixture.seed();
        fixture.startServer();
        return fixture;
    }

    public static User user(String username, Set<String> rights, String organization, String resource) {
        return new User(username, "User " + username, organization, "America/Chicago",
                HASHER.hash(("pw-" + username).toCharArray()), rights, List.of(resource));
    }

    private void seed() {
        SqliteStore seeding = SqliteStore.open(db, OpenMode.CREATE_NEW, clock);
        try {
            String ems = TestRegion.EMS.id();
            String station = TestRegion.STATION.id();
            seeding.importDirectory(TestRegion.organizations(), TestRegion.resources(), List.of(
                    user("alice", Set.of(Rights.INITIATE_IM), ems, station),
                    user("bob", Set.of(), ems, station),
                    user("carol", Set.of(), ems, station),
                    user("dave", Set.of(), TestRegion.HOSPITAL.id(), TestRegion.ER.id()),
                    new User("nopass", "No Password", ems, "UTC", "", Set.of(), List.of(station))))
                    .get(10, TimeUnit.SECONDS);
            seeding.setImEnabled(true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            seeding.close();
        }
    }

    private void startServer() {
        store = SqliteStore.open(db, OpenMode.EXISTING, clock);
        ServerConfig config = tune.apply(ServerConfig.defaults().withBindAddress("127.0.0.1").withPort(0));
        server = new BeaconServer(config, store, HASHER);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Stops server and store, then opens the same file again and starts a new server on it. */
    public void restart() {
        closeClients();
        server.close();
        store.close();
        startServer();
    }

    public BeaconServer server() {
        return server;
    }

    public ProtocolJson json() {
        return json;
    }

    public Path db() {
        return db;
    }

    /** Another store on the same file, as the admin CLI would open it; closed with the fixture. */
    public SqliteStore otherStore() {
        SqliteStore other = SqliteStore.open(db, OpenMode.EXISTING, clock);
        otherStores.add(other);
        return other;
    }

    /** A connected client that has not said hello. */
    public TestClient connect() throws Exception {
        TestClient client = new TestClient(json, server.address());
        clients.add(client);
        return client;
    }

    /** A connected client after a successful hello. */
    public TestClient helloed() throws Exception {
        TestClient client = connect();
        client.hello();
        return client;
    }

    /** A client signed in as {@code username} with the right password. */
    public TestClient signedIn(String username) throws Exception {
        TestClient client = helloed();
        login(client, username);
        return client;
    }

    public LoginResult login(TestClient client, String username) throws Exception {
        LoginResult result = client.requestOk(new ClientMessage.Login(client.nextId(), username, "pw-" + username),
                LoginResult.class);
        assertThat(result.user().username()).isEqualTo(username);
        return result;
    }

    private void closeClients() {
        for (TestClient client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                // already closed
            }
        }
        clients.clear();
    }

    @Override
    public void close() {
        closeClients();
        server.close();
        store.close();
        otherStores.forEach(SqliteStore::close);
    }

    public static Duration quiet() {
        return Duration.ofMillis(300);
    }
}
