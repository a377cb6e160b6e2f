package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ItRegion.CAROL;
import static org.beacon.client.it.ModelClient.get;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.beacon.client.net.Connection;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.net.RequestFailedException;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.SendResult;
import org.beacon.server.im.ImLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Flood: a sender over the per-user rate is limited, loses nothing, and slows nobody else")
class FloodTest extends LiveServerTestBase {
    /** 10 messages a second, bursts of 5: a flood of 30 takes about 2.5 s to get through. */
    private static final ImLimits SLOW = new ImLimits(10, 5, 2_000, 200);

    private ModelClient alice;
    private ModelClient bob;
    private ModelClient carol;
    private String session;

    @Override
    protected ImLimits limits() {
        return SLOW;
    }

    @BeforeEach
    void signInAndStartConference() throws Exception {
        alice = signedIn(ALICE);
        bob = signedIn(BOB);
        carol = signedIn(CAROL);
        session = get(alice.connection().startConference(List.of(BOB, CAROL), "Flood", null)).session().sessionId();
        carol.awaitSession(session);
    }

    @Test
    void rawFlood_overTheRate_getsRateLimitedWithRetryAfter_andNothingBeyondIsStored() throws Exception {
        Connection connection = alice.connection();
        List<CompletableFuture<SendResult>> sends = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> connection.send(session, "flood-" + i, "flood " + i)).toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(ModelClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);

        List<SendResult> stored = new ArrayList<>();
        List<RequestFailedException> refused = new ArrayList<>();
        for (CompletableFuture<SendResult> send : sends) {
            try {
                stored.add(send.join());
            } catch (CompletionException e) {
                refused.add((RequestFailedException) e.getCause());
            }
        }
        assertThat(refused).as("refused sends").isNotEmpty().allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryAfterMs()).isPositive();
        });
        assertThat(stored.size()).as("stored sends").isBetween(5, 19);
        List<ServerMessage.Message> history = get(bob.connection().history(session, null, 100)).messages();
        assertThat(history).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
    }

    @Test
    void floodThroughTheOutbox_losesNothing_andAnotherUsersMessagesFlowMeanwhile() throws Exception {
        int flood = 30;
        for (int i = 1; i <= flood; i++) {
            alice.model().send(session, "alice " + i);
        }
        for (int i = 1; i <= 5; i++) {
            carol.model().send(session, "carol " + i);
        }
        carol.awaitOutboxEmpty();
        await().atMost(ModelClient.WAIT).until(() -> bob.received(session).stream()
                .filter(m -> m.sender().equals(CAROL)).count() == 5);
        int aliceStillPending = alice.connection().outbox().pending().size();

        assertThat(carol.outgoing(session, OutgoingMessage.Status.SENT)).hasSize(5)
                .allSatisfy(m -> assertThat(m.attempts()).as("carol was never limited").isEqualTo(1));
        assertThat(aliceStillPending).as("alice's flood still waiting when bob has all of carol's").isPositive();

        alice.awaitOutboxEmpty();
        List<ServerMessage.Message> atBob = bob.awaitReceived(session, flood + 5);
        assertThat(atBob).filteredOn(m -> m.sender().equals(ALICE)).extracting(ServerMessage.Message::text)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, flood).mapToObj(i -> "alice " + i).toList());
        assertThat(atBob).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, flood + 5).boxed().toList());
        assertThat(alice.outgoing(session, OutgoingMessage.Status.SENT)).hasSize(flood)
                .anySatisfy(m -> assertThat(m.attempts()).as("retried after RATE_LIMITED").isGreaterThan(1));
        assertThat(alice.outgoing(session, OutgoingMessage.Status.FAILED)).isEmpty();
    }
}
