package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.model.Rights;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.protocol.reply.SessionResult;
import org.beacon.server.admin.BeaconCommand;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestRegion;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with a real separate server process: SIGKILL while a client streams messages,
 * then a new process on the same file. Every message that was acknowledged must be there exactly
 * once, in order, and reach the other participant by catch-up; resends of the unacknowledged ones
 * must be stored once each.
 */
class CrashSafetyTest {
    private static final int MAX_MESSAGES = 20_000;
    private static final int KILL_AFTER_ACKS = 100;

    @TempDir
    Path dir;
    private final ProtocolJson json = new ProtocolJson();
    private final List<Process> processes = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (TestClient client : clients) {
            client.close();
        }
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void sigkillMidStream_losesNoAcknowledgedMessage_andResendsAreStoredOnce() throws Exception {
        Path db = seededDatabase();

        Process first = startServer(db, "first");
        TestClient alice = signIn(first, "alice");
        LoginResult aliceLogin = lastLogin;
        SessionInfo session = alice.requestOk(new ClientMessage.StartPrivate(alice.nextId(), "bob"),
                SessionResult.class).session();

        // Stream sends from a thread until the connection dies; kill the server once message
        // KILL_AFTER_ACKS is acknowledged, so the kill lands while sends are in flight.
        Map<Long, Integer> requestToMessage = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        Thread sender = new Thread(() -> {
            try {
                for (int i = 1; i <= MAX_MESSAGES; i++) {
                    long id = alice.nextId();
                    requestToMessage.put(id, i);
                    alice.send(new ClientMessage.Send(id, session.sessionId(), "m-" + i, "message " + i));
                    sent.set(i);
                }
            } catch (IOException e) {
                // the server was killed
            }
        }, "crash-test-sender");
        sender.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= KILL_AFTER_ACKS);
        long killAt = requestToMessage.entrySet().stream().filter(e -> e.getValue() == KILL_AFTER_ACKS)
                .findFirst().orElseThrow().getKey();
        assertThat(alice.awaitReply(killAt)).isInstanceOf(ServerMessage.Ok.class);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed server exited").isTrue();
        alice.awaitClosed();
        sender.join(30_000);
        int messages = sent.get();

        Map<Integer, Long> ackedSeqByMessage = new HashMap<>();
        for (ServerMessage.Reply reply : alice.drainReplies()) {
            if (reply instanceof ServerMessage.Ok ok && requestToMessage.containsKey(ok.id())) {
                ackedSeqByMessage.put(requestToMessage.get(ok.id()), json.result(ok, SendResult.class).seq());
            }
        }
        // The reply awaited above was consumed by awaitReply: that message was acked for sure.
        Set<Integer> acked = new HashSet<>(ackedSeqByMessage.keySet());
        acked.add(KILL_AFTER_ACKS);
        assertThat(acked.size()).as("the kill landed mid-stream: some sends were never acked")
                .isLessThan(messages);

        Process second = startServer(db, "second");
        TestClient bob = signIn(second, "bob");
        assertThat(bob.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                .isEqualTo(session.sessionId());

        // Alice comes back with her token (it survived the crash) and resends everything, as a client
        // resends whatever it has no ok for; the stored ones must come back as duplicates.
        TestClient aliceBack = client(second);
        aliceBack.hello();
        aliceBack.requestOk(new ClientMessage.Resume(aliceBack.nextId(), aliceLogin.resumeToken()), LoginResult.class);
        for (int i = 1; i <= messages; i++) {
            SendResult resent = aliceBack.requestOk(new ClientMessage.Send(aliceBack.nextId(), session.sessionId(),
                    "m-" + i, "message " + i), SendResult.class);
            if (acked.contains(i)) {
                assertThat(resent.duplicate()).as("message %d was acked before the crash", i).isTrue();
                if (ackedSeqByMessage.get(i) != null) {
                    assertThat(resent.seq()).isEqualTo(ackedSeqByMessage.get(i));
                }
            }
            assertThat(resent.seq()).as("seq of message %d", i).isEqualTo(i);
        }

        List<ServerMessage.Message> atBob = bob.awaitMessages(messages, Duration.ofSeconds(60));
        assertThat(atBob).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, messages).boxed().toList());
        assertThat(atBob).extracting(ServerMessage.Message::clientMsgId).doesNotHaveDuplicates();
        for (ServerMessage.Message message : atBob) {
            assertThat(message.text()).isEqualTo("message " + message.seq());
        }
        bob.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
    }

    private LoginResult lastLogin;

    private TestClient signIn(Process server, String username) throws Exception {
        TestClient client = client(server);
        client.hello();
        lastLogin = client.requestOk(new ClientMessage.Login(client.nextId(), username, "pw-" + username),
                LoginResult.class);
        return client;
    }

    private final Map<Process, Integer> ports = new HashMap<>();

    private TestClient client(Process server) throws IOException {
        TestClient client = new TestClient(json, new InetSocketAddress("127.0.0.1", ports.get(server)));
        clients.add(client);
        return client;
    }

    private Path seededDatabase() throws Exception {
        Path db = dir.resolve("region.db");
        SqliteStore store = SqliteStore.open(db, OpenMode.CREATE_NEW, Clock.systemUTC());
        try {
            store.importDirectory(TestRegion.organizations(), TestRegion.resources(), List.of(
                    TestServer.user("alice", Set.of(Rights.INITIATE_IM), TestRegion.EMS.id(), TestRegion.STATION.id()),
                    TestServer.user("bob", Set.of(), TestRegion.EMS.id(), TestRegion.STATION.id())))
                    .get(10, TimeUnit.SECONDS);
            store.setImEnabled(true).get(10, TimeUnit.SECONDS);
        } finally {
            store.close();
        }
        return db;
    }

    /** {@code java -cp <test classpath> BeaconCommand serve --db DB --port 0 --port-file F}, waits for the port. */
    private Process startServer(Path db, String name) throws IOException {
        Path portFile = dir.resolve(name + ".port");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BeaconCommand.class.getName(), "serve", "--db", db.toString(), "--bind", "127.0.0.1",
                "--port", "0", "--port-file", portFile.toString(),
                "--send-rate", "100000", "--request-rate", "100000")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(portFile) || !process.isAlive());
        assertThat(process.isAlive()).as("server %s started (log: %s)", name, dir.resolve(name + ".log")).isTrue();
        ports.put(process, Integer.parseInt(Files.readString(portFile).trim()));
        return process;
    }
}
