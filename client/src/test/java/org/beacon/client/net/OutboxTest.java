package org.beacon.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.beacon.client.net.ConnectionState.Status;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Outbox")
class OutboxTest {
    private ConnectionFixture f;
    private ClientTransport transport;

    @BeforeEach
    void start() throws InterruptedException {
        f = new ConnectionFixture();
    }

    @AfterEach
    void stop() {
        f.close();
        if (transport != null) {
            transport.close();
        }
    }

    private OutgoingMessage awaitOutcome(OutgoingMessage submitted, OutgoingMessage.Status status) {
        return f.outbox.await(m -> m.clientMsgId().equals(submitted.clientMsgId()) && m.status() == status);
    }

    @Test
    void submit_whileSignedIn_isSentAndLeavesWithItsSeq() {
        f.signIn();

        OutgoingMessage typed = f.connection.outbox().submit("s1", "hello");

        assertThat(typed.status()).isEqualTo(OutgoingMessage.Status.PENDING);
        OutgoingMessage sent = awaitOutcome(typed, OutgoingMessage.Status.SENT);
        assertThat(sent.seq()).isEqualTo(1L);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).singleElement()
                .satisfies(send -> assertThat(send.clientMsgId()).isEqualTo(typed.clientMsgId()));
        assertThat(f.connection.outbox().pending()).isEmpty();
    }

    @Test
    void submit_whileDisconnected_isPendingThenDeliveredAfterTheResume() {
        f.signIn();
        int mark = f.states.size();
        f.server.latestPeer().kill();
        f.awaitStatusAfter(mark, Status.RECONNECTING);

        OutgoingMessage typed = f.connection.outbox().submit("s1", "while offline");

        f.outbox.await(m -> m.status() == OutgoingMessage.Status.PENDING);
        assertThat(f.connection.outbox().pending()).containsExactly(typed);
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).isEmpty();
        f.scheduler.advance(Duration.ofMillis(500));
        OutgoingMessage sent = awaitOutcome(typed, OutgoingMessage.Status.SENT);
        assertThat(sent.seq()).isEqualTo(1L);
        assertThat(f.server.requests().all().stream().map(r -> r.message().getClass().getSimpleName()))
                .containsSubsequence("Resume", "Send");
    }

    @Test
    void sendWhoseReplyWasLost_isResentWithTheSameClientMsgId_andStoredOnce() {
        f.signIn();
        int mark = f.states.size();
        AtomicInteger sends = new AtomicInteger();
        f.server.on(ClientMessage.Send.class, (peer, send) -> {
            f.server.store(send);           // stored, but the reply is lost with the connection
            if (sends.incrementAndGet() == 1) {
                peer.kill();
            } else {
                peer.ok(send, f.server.store(send));
            }
        });

        OutgoingMessage typed = f.connection.outbox().submit("s1", "lost reply");
        f.awaitStatusAfter(mark, Status.RECONNECTING);
        f.scheduler.advance(Duration.ofMillis(500));

        OutgoingMessage sent = awaitOutcome(typed, OutgoingMessage.Status.SENT);
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).hasSize(2)
                .allSatisfy(send -> assertThat(send.clientMsgId()).isEqualTo(typed.clientMsgId()));
        assertThat(sent.seq()).isEqualTo(1L);
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class,
            names = {"SESSION_ENDED", "NOT_FOUND", "FORBIDDEN", "TOO_LARGE", "BAD_REQUEST", "FEATURE_DISABLED"})
    void permanentError_marksTheMessageFailed_withoutRetry(ErrorCode code) {
        f.signIn();
        f.server.on(ClientMessage.Send.class, (peer, send) -> {
            if (send.sessionId().equals("ended")) {
                peer.error(send, code, "no way");
            } else {
                peer.ok(send, f.server.store(send));
            }
        });

        OutgoingMessage doomed = f.connection.outbox().submit("ended", "too late");
        OutgoingMessage next = f.connection.outbox().submit("ended", "after it");

        OutgoingMessage failed = awaitOutcome(doomed, OutgoingMessage.Status.FAILED);
        assertThat(failed.failure()).isEqualTo(code);
        assertThat(failed.failureMessage()).isEqualTo("no way");
        awaitOutcome(next, OutgoingMessage.Status.FAILED);
        f.scheduler.advance(Duration.ofMinutes(1));
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).hasSize(2);
        assertThat(f.connection.outbox().pending()).isEmpty();
    }

    @Test
    void rateLimited_retriesAfterTheServersDelay() {
        f.signIn();
        AtomicInteger sends = new AtomicInteger();
        f.server.on(ClientMessage.Send.class, (peer, send) -> {
            if (sends.incrementAndGet() == 1) {
                peer.send(new ServerMessage.Error(send.id(), ErrorCode.RATE_LIMITED, "slow down", 3_000L));
            } else {
                peer.ok(send, f.server.store(send));
            }
        });

        OutgoingMessage typed = f.connection.outbox().submit("s1", "hurry");
        f.server.awaitRequest(ClientMessage.Send.class, send -> true);
        f.connection.ping().join(); // its reply follows the error: the retry timer is set
        f.scheduler.advance(Duration.ofMillis(2_999));
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).hasSize(1);
        f.scheduler.advance(Duration.ofMillis(1));

        assertThat(awaitOutcome(typed, OutgoingMessage.Status.SENT).seq()).isEqualTo(1L);
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).hasSize(2);
    }

    @Test
    void messagesOfOneSession_areSentInTheOrderTyped_oneAtATime() {
        f.signIn();

        OutgoingMessage first = f.connection.outbox().submit("s1", "one");
        OutgoingMessage second = f.connection.outbox().submit("s1", "two");
        OutgoingMessage third = f.connection.outbox().submit("s1", "three");

        assertThat(awaitOutcome(third, OutgoingMessage.Status.SENT).seq()).isEqualTo(3L);
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).extracting(ClientMessage.Send::clientMsgId)
                .containsExactly(first.clientMsgId(), second.clientMsgId(), third.clientMsgId());
    }

    @Test
    void submit_textWithSpaceAround_isTrimmedAsTheServerStoresIt() {
        f.signIn();

        OutgoingMessage submitted = f.connection.outbox().submit("s1", "  On scene \n");

        assertThat(submitted.text()).isEqualTo("On scene");
        assertThat(awaitOutcome(submitted, OutgoingMessage.Status.SENT).text()).isEqualTo("On scene");
        assertThat(f.server.requestsOf(ClientMessage.Send.class)).extracting(ClientMessage.Send::text)
                .containsExactly("On scene");
    }

    @Test
    void ackUpTo_manyCalls_sendOneAckWithTheHighestSeqPerSession() {
        f.signIn();

        for (long seq = 1; seq <= 100; seq++) {
            f.connection.ackUpTo("s1", seq);
            f.connection.ackUpTo("s2", seq / 2);
        }
        f.connection.ackUpTo("s1", 40);
        f.connection.ping().join(); // every ackUpTo above has reached the event loop
        assertThat(f.server.requestsOf(ClientMessage.Ack.class)).isEmpty();
        f.scheduler.advance(Duration.ofMillis(150));

        f.server.awaitRequest(ClientMessage.Ack.class, ack -> ack.sessionId().equals("s2"));
        f.server.awaitRequest(ClientMessage.Ack.class, ack -> ack.sessionId().equals("s1"));
        assertThat(f.server.requestsOf(ClientMessage.Ack.class))
                .extracting(ClientMessage.Ack::sessionId, ClientMessage.Ack::seq)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s1", 100L),
                        org.assertj.core.groups.Tuple.tuple("s2", 50L));
    }

    /** Counts the socket writes of each channel: one per flush that has something to send. */
    public static final class WriteCountingChannel extends NioSocketChannel {
        static final AtomicInteger WRITES = new AtomicInteger();

        @Override
        protected void doWrite(ChannelOutboundBuffer in) throws Exception {
            if (!in.isEmpty()) {
                WRITES.incrementAndGet();
            }
            super.doWrite(in);
        }
    }

    @Test
    void acksOfOneRound_leaveInOneSocketWrite() throws InterruptedException {
        f.close();
        transport = ClientTransport.create(1, NioIoHandler.newFactory(), WriteCountingChannel.class);
        f = new ConnectionFixture(builder -> builder.transport(transport));
        f.signIn();
        List<String> sessions = List.of("s1", "s2", "s3", "s4");
        sessions.forEach(session -> f.connection.ackUpTo(session, 9));
        f.connection.ping().join(); // every ackUpTo above has reached the event loop
        int writesBefore = WriteCountingChannel.WRITES.get();

        f.scheduler.advance(Duration.ofMillis(150));

        sessions.forEach(session -> f.server.awaitRequest(ClientMessage.Ack.class, ack -> ack.sessionId().equals(session)));
        assertThat(WriteCountingChannel.WRITES.get() - writesBefore).isEqualTo(1);
    }

    @Test
    void ackLostWithTheConnection_isSentAgainAfterTheResume() {
        f.signIn();
        int mark = f.states.size();
        f.server.on(ClientMessage.Ack.class, (peer, ack) -> peer.kill());
        f.connection.ackUpTo("s1", 7);
        f.connection.ping().join();
        f.scheduler.advance(Duration.ofMillis(150));
        f.awaitStatusAfter(mark, Status.RECONNECTING);
        f.server.on(ClientMessage.Ack.class, (peer, ack) -> peer.ok(ack, null));

        f.scheduler.advance(Duration.ofMillis(500));

        f.awaitStatusAfter(mark, Status.SIGNED_IN);
        f.server.requests().await(r -> r.message() instanceof ClientMessage.Ack
                && r.peer() == f.server.latestPeer() && ((ClientMessage.Ack) r.message()).seq() == 7);
    }

    @Test
    void ackRefusedWhileImIsOff_isSentAgainWhenImIsSwitchedOn() {
        f.signIn();
        f.server.on(ClientMessage.Ack.class, (peer, ack) -> peer.error(ack, ErrorCode.FEATURE_DISABLED, "IM is off"));
        f.connection.ackUpTo("s1", 7);
        f.connection.ping().join();
        f.scheduler.advance(Duration.ofMillis(150));
        f.server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 7);
        f.connection.ping().join(); // the refusal has been read
        f.server.on(ClientMessage.Ack.class, (peer, ack) -> peer.ok(ack, null));
        int mark = f.server.requests().size();

        f.server.latestPeer().send(new ServerMessage.ImSwitched(true));

        f.server.requests().awaitFrom(mark, r -> r.message() instanceof ClientMessage.Ack);
        assertThat(f.server.requestsOf(ClientMessage.Ack.class)).extracting(ClientMessage.Ack::seq)
                .containsExactly(7L, 7L);
    }

    @Test
    void ackFailedForATransientReason_isRetriedAfterTheRetryDelay() {
        f.signIn();
        AtomicInteger answered = new AtomicInteger();
        f.server.on(ClientMessage.Ack.class, (peer, ack) -> {
            if (answered.getAndIncrement() == 0) {
                peer.error(ack, ErrorCode.INTERNAL, "try again");
            } else {
                peer.ok(ack, null);
            }
        });
        f.connection.ackUpTo("s1", 7);
        f.connection.ping().join();
        f.scheduler.advance(Duration.ofMillis(150));
        f.server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 7);
        f.connection.ping().join(); // the failure has been read
        int mark = f.server.requests().size();

        f.scheduler.advance(Duration.ofSeconds(2));

        f.server.requests().awaitFrom(mark, r -> r.message() instanceof ClientMessage.Ack);
        assertThat(f.server.requestsOf(ClientMessage.Ack.class)).extracting(ClientMessage.Ack::seq)
                .containsExactly(7L, 7L);
    }
}
