package org.beacon.server.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input closes at most the offending connection; a bystander keeps working. */
class BadInputTest {
    private static final int MAX_FRAME = 4_096;

    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start() {
        server = TestServer.start(dir, c -> c.withMaxFrame(MAX_FRAME));
    }

    private static void assertStillWorks(TestClient bystander) throws Exception {
        assertThat(bystander.requestOk(new ClientMessage.Directory(bystander.nextId()), DirectoryResult.class)
                .users()).isNotEmpty();
    }

    @Test
    void malformedJson_failsBadFrame_closesOnlyThatConnection() throws Exception {
        start();
        TestClient bystander = server.signedIn("alice");
        TestClient bad = server.signedIn("bob");
        bad.writeFrame("{\"type\":\"ping\",\"id\":".getBytes(UTF_8));
        ServerMessage.Error error = bad.awaitError();
        assertThat(error.code()).isEqualTo(ErrorCode.BAD_FRAME);
        bad.awaitClosed();
        assertStillWorks(bystander);
    }

    @Test
    void unknownType_failsBadFrame_andCloses() throws Exception {
        start();
        TestClient bystander = server.signedIn("alice");
        TestClient bad = server.helloed();
        bad.writeFrame("{\"type\":\"format_disk\",\"id\":3}".getBytes(UTF_8));
        assertThat(bad.awaitError().code()).isEqualTo(ErrorCode.BAD_FRAME);
        bad.awaitClosed();
        assertStillWorks(bystander);
    }

    @Test
    void frameOverMaximum_failsTooLarge_assoonAsTheLengthIsSent() throws Exception {
        start();
        TestClient bystander = server.signedIn("alice");
        TestClient bad = server.signedIn("bob");
        bad.writeRaw(ByteBuffer.allocate(4).putInt(MAX_FRAME + 1).array());
        ServerMessage.Error error = bad.awaitError();
        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(error.message()).contains(String.valueOf(MAX_FRAME));
        bad.awaitClosed();
        assertStillWorks(bystander);
    }

    @Test
    void frameAtMaximum_isAccepted() throws Exception {
        start();
        TestClient client = server.signedIn("alice");
        String prefix = "{\"type\":\"ping\",\"id\":42,\"pad\":\"";
        String body = prefix + "x".repeat(MAX_FRAME - prefix.length() - 2) + "\"}";
        assertThat(body.getBytes(UTF_8)).hasSize(MAX_FRAME);
        client.writeFrame(body.getBytes(UTF_8));
        assertThat(client.awaitReply(42L)).isInstanceOf(ServerMessage.Ok.class);
    }

    @Test
    void badRequest_repliesWithItsId_andKeepsTheConnection() throws Exception {
        start();
        TestClient client = server.helloed();
        client.writeFrame("{\"type\":\"login\",\"id\":77,\"username\":\"alice\"}".getBytes(UTF_8));
        ServerMessage.Reply reply = client.awaitReply(77L);
        assertThat(reply).isInstanceOf(ServerMessage.Error.class);
        assertThat(((ServerMessage.Error) reply).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        server.login(client, "alice");
        assertStillWorks(client);
    }

    @Test
    void silentConnection_isClosedWithIdleTimeout() throws Exception {
        server = TestServer.start(dir, c -> c.withIdleTimeout(Duration.ofMillis(300)));
        TestClient silent = server.helloed();
        assertThat(silent.awaitError().code()).isEqualTo(ErrorCode.IDLE_TIMEOUT);
        silent.awaitClosed();
    }

    @Test
    void pingingConnection_staysOpenPastTheIdleTimeout() throws Exception {
        server = TestServer.start(dir, c -> c.withIdleTimeout(Duration.ofMillis(500)));
        TestClient client = server.signedIn("alice");
        long end = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        while (System.nanoTime() < end) {
            client.requestOk(new ClientMessage.Ping(client.nextId()), PingResult.class);
            Thread.sleep(100); // pacing the heartbeat, not synchronisation
        }
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void requestFlood_isRateLimited_connectionStaysOpen() throws Exception {
        server = TestServer.start(dir, c -> c.withRequestRate(1, 4));
        TestClient client = server.connect();
        for (int i = 0; i < 3; i++) {
            client.requestError(new ClientMessage.Directory((long) i), ErrorCode.AUTH_REQUIRED);
        }
        client.request(new ClientMessage.Ping(10L));
        ServerMessage.Error limited = client.requestError(new ClientMessage.Ping(11L), ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfterMs()).isBetween(1L, 1_000L);
        assertThat(client.isClosed()).isFalse();
    }
}
