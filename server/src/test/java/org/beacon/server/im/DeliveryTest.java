package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.server.im.ImSessionsTest.conference;
import static org.beacon.server.im.ImSessionsTest.ok;
import static org.beacon.server.im.ImSessionsTest.send;
import static org.beacon.server.im.ImSessionsTest.startPrivate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guaranteed delivery over real sockets: catch-up, drops and resumes, order under concurrency, the IM switch. */
class DeliveryTest {
    @TempDir
    Path dir;
    TestServer server;

    /** Far above a person's pace, so these tests measure delivery, not flood control (see FloodControlTest). */
    static final ImLimits GENEROUS = new ImLimits(100_000, 100_000, 2_000, 200);

    @BeforeEach
    void start() {
        server = TestServer.start(dir, config -> config.withImLimits(GENEROUS));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signedOutParticipant_getsAll50Messages_inOrder_once_whenSigningIn() throws Exception {
        TestClient alice = server.signedIn("alice");
        SessionInfo session = startPrivate(alice, "bob");
        for (int i = 1; i <= 50; i++) {
            send(alice, session, "m-" + i, "update " + i);
        }

        TestClient bob = server.signedIn("bob");
        assertThat(bob.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                .isEqualTo(session.sessionId());
        List<ServerMessage.Message> received = bob.awaitMessages(50);
        assertThat(received).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(received).extracting(ServerMessage.Message::text).first().isEqualTo("update 1");
        bob.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());

        ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 50));
        TestClient bobAgain = server.signedIn("bob");
        bobAgain.awaitEvent(ServerMessage.SessionOpened.class);
        bobAgain.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
    }

    @Test
    void partlyAckedParticipant_getsOnlyWhatFollowsTheCursor() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.signedIn("bob");
        SessionInfo session = startPrivate(alice, "bob");
        for (int i = 1; i <= 10; i++) {
            send(alice, session, "m-" + i, "update " + i);
        }
        bob.awaitMessages(10);
        ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 6));
        bob.close();

        TestClient bobAgain = server.signedIn("bob");
        assertThat(bobAgain.awaitMessages(4)).extracting(ServerMessage.Message::seq).containsExactly(7L, 8L, 9L, 10L);
    }

    @Test
    void sessionEndedBeforeSignIn_deliversNothingNew_butHistoryStays() throws Exception {
        TestClient alice = server.signedIn("alice");
        SessionInfo session = startPrivate(alice, "bob");
        send(alice, session, "m-1", "are you there?");
        ok(alice, new ClientMessage.End(alice.nextId(), session.sessionId()));

        TestClient bob = server.signedIn("bob");
        bob.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
        assertThat(bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(), null, 10),
                HistoryResult.class).messages()).extracting(ServerMessage.Message::text)
                .containsExactly("are you there?");
    }

    @Test
    void droppedConnection_resumes_withNoGapAndNoDuplicate() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.helloed();
        LoginResult bobLogin = server.login(bob, "bob");
        SessionInfo session = startPrivate(alice, "bob");
        for (int i = 1; i <= 20; i++) {
            send(alice, session, "m-" + i, "before " + i);
        }
        List<ServerMessage.Message> beforeDrop = bob.awaitMessages(20);
        ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 12));

        bob.abort();
        for (int i = 21; i <= 40; i++) {
            send(alice, session, "m-" + i, "while away " + i);
        }
        TestClient bobBack = server.helloed();
        bobBack.requestOk(new ClientMessage.Resume(bobBack.nextId(), bobLogin.resumeToken()), LoginResult.class);
        List<ServerMessage.Message> afterResume = bobBack.awaitMessages(28);
        for (int i = 41; i <= 50; i++) {
            send(alice, session, "m-" + i, "after " + i);
        }
        afterResume = concat(afterResume, bobBack.awaitMessages(10));

        assertThat(afterResume).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(13, 50).boxed().toList());
        assertThat(beforeDrop).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        bobBack.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
    }

    @Test
    void sendWhoseReplyWasLost_isResentAfterResume_storedOnce_withTheOriginalSeq() throws Exception {
        TestClient alice = server.helloed();
        LoginResult aliceLogin = server.login(alice, "alice");
        TestClient bob = server.signedIn("bob");
        SessionInfo session = startPrivate(alice, "bob");
        send(alice, session, "m-1", "first");

        alice.send(new ClientMessage.Send(alice.nextId(), session.sessionId(), "m-2", "second"));
        alice.abort();
        List<ServerMessage.Message> atBob = bob.awaitMessages(2);
        long storedSeq = atBob.get(1).seq();

        TestClient aliceBack = server.helloed();
        aliceBack.requestOk(new ClientMessage.Resume(aliceBack.nextId(), aliceLogin.resumeToken()), LoginResult.class);
        SendResult resent = aliceBack.requestOk(new ClientMessage.Send(aliceBack.nextId(), session.sessionId(),
                "m-2", "second"), SendResult.class);
        assertThat(resent.seq()).isEqualTo(storedSeq);
        assertThat(resent.duplicate()).isTrue();
        SendResult next = send(aliceBack, session, "m-3", "third");
        assertThat(next.seq()).isEqualTo(storedSeq + 1);

        assertThat(bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(), null, 50),
                HistoryResult.class).messages()).extracting(ServerMessage.Message::clientMsgId)
                .containsExactly("m-1", "m-2", "m-3");
        assertThat(bob.awaitMessages(1).get(0).clientMsgId()).isEqualTo("m-3");
        bob.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
    }

    @Test
    void sendersOtherConnections_getTheMessage_butTheSendingConnectionOnlyItsOk() throws Exception {
        TestClient aliceDesk = server.signedIn("alice");
        TestClient aliceKiosk = server.signedIn("alice");
        server.signedIn("bob");
        SessionInfo session = startPrivate(aliceDesk, "bob");
        SendResult sent = send(aliceDesk, session, "m-1", "from the desk");
        assertThat(aliceKiosk.awaitMessages(1).get(0).seq()).isEqualTo(sent.seq());
        aliceDesk.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
    }

    @Test
    void concurrentSenders_everyParticipantSeesTheSameOrder() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.signedIn("bob");
        TestClient carol = server.signedIn("carol");
        SessionInfo session = conference(alice, "bob", "carol");
        bob.awaitEvent(ServerMessage.SessionOpened.class);
        carol.awaitEvent(ServerMessage.SessionOpened.class);

        int perSender = 30;
        List<TestClient> senders = List.of(alice, bob, carol);
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<SendResult>>> results = new ArrayList<>();
            for (TestClient sender : senders) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<SendResult> acks = new ArrayList<>();
                    for (int i = 0; i < perSender; i++) {
                        acks.add(send(sender, session, "c-" + i, "msg " + i));
                    }
                    return acks;
                }));
            }
            go.countDown();
            for (Future<List<SendResult>> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ServerMessage.Message> history = new ArrayList<>();
        HistoryResult page = alice.requestOk(new ClientMessage.History(alice.nextId(), session.sessionId(), null,
                500), HistoryResult.class);
        history.addAll(page.messages());
        assertThat(history).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 3L * perSender).boxed().toList());
        // Each participant got everyone else's messages, in the global order.
        for (TestClient participant : senders) {
            String me = participant == alice ? "alice" : participant == bob ? "bob" : "carol";
            List<ServerMessage.Message> expected = history.stream().filter(m -> !m.sender().equals(me)).toList();
            assertThat(participant.awaitMessages(expected.size())).as("stream of %s", me)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void imSwitchedOffAndOn_refusesThenServesAgain_andCatchesUpMissedMessages() throws Exception {
        TestClient alice = server.signedIn("alice");
        SessionInfo session = startPrivate(alice, "bob");
        send(alice, session, "m-1", "before the switch");

        var cli = server.otherStore();
        cli.setImEnabled(false).get(10, TimeUnit.SECONDS);
        assertThat(alice.awaitEvent(ServerMessage.ImSwitched.class).enabled()).isFalse();
        alice.requestError(new ClientMessage.Send(alice.nextId(), session.sessionId(), "m-2", "blocked"),
                ErrorCode.FEATURE_DISABLED);
        TestClient bob = server.signedIn("bob");
        bob.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());

        cli.setImEnabled(true).get(10, TimeUnit.SECONDS);
        assertThat(bob.awaitEvent(ServerMessage.ImSwitched.class).enabled()).isTrue();
        assertThat(bob.awaitMessages(1).get(0).text()).isEqualTo("before the switch");
        send(alice, session, "m-3", "after the switch");
        assertThat(bob.awaitMessages(1).get(0).text()).isEqualTo("after the switch");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
