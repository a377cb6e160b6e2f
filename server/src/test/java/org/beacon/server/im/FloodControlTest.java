package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.server.im.ImSessionsTest.conference;
import static org.beacon.server.im.ImSessionsTest.send;
import static org.beacon.server.im.ImSessionsTest.startPrivate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user send rate with the production limits: a flood is refused and harms nobody else. */
class FloodControlTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void flood_isRateLimited_whileAnotherUsersMessagesFlowNormally() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.signedIn("bob");
        TestClient carol = server.signedIn("carol");
        SessionInfo flooded = conference(alice, "bob");
        SessionInfo calm = startPrivate(alice, "carol");

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long id = bob.nextId();
            ids.add(id);
            bob.send(new ClientMessage.Send(id, flooded.sessionId(), "f-" + i, "flood " + i));
        }
        int accepted = 0;
        int limited = 0;
        for (Long id : ids) {
            ServerMessage.Reply reply = bob.awaitReply(id);
            if (reply instanceof ServerMessage.Error error) {
                assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(error.retryAfterMs()).isPositive();
                limited++;
            } else {
                accepted++;
            }
        }
        assertThat(limited).isPositive();
        assertThat(accepted).isLessThan(200).isGreaterThanOrEqualTo(ImLimits.defaults().sendBurst());
        assertThat(alice.requestOk(new ClientMessage.History(alice.nextId(), flooded.sessionId(), null, 500),
                HistoryResult.class).messages()).hasSize(accepted);

        SendResult fine = send(carol, calm, "c-1", "normal traffic");
        assertThat(fine.seq()).isEqualTo(1);
        assertThat(alice.awaitMessages(accepted + 1, Duration.ofSeconds(10)))
                .filteredOn(m -> m.sessionId().equals(calm.sessionId()))
                .extracting(ServerMessage.Message::text).containsExactly("normal traffic");
    }

}
