package org.beacon.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.beacon.client.net.Backoff;
import org.beacon.client.net.Connection;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.testing.FakeServer;
import org.beacon.client.testing.ManualScheduler;
import org.beacon.client.testing.Recorder;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionStatus;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.SessionsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ClientModel")
class ClientModelTest {
    /** Runs each notification at once and remembers that it ran inside the executor. */
    private static final class MarkingExecutor implements Executor {
        final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            runs.incrementAndGet();
            inside.set(true);
            try {
                task.run();
            } finally {
                inside.set(false);
            }
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final MarkingExecutor executor = new MarkingExecutor();
    private final Recorder<ModelEvent> events = new Recorder<>();
    private final AtomicInteger outsideExecutor = new AtomicInteger();
    private FakeServer server;
    private Connection connection;
    private ClientModel model;

    private void start(ClientModel.Options options) throws InterruptedException {
        server = FakeServer.start();
        connection = Connection.builder("127.0.0.1", server.port())
                .scheduler(scheduler)
                .clock(scheduler.clock())
                .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0, java.util.random.RandomGenerator.getDefault()))
                .build();
        model = new ClientModel(connection, executor, options);
        model.addListener(event -> {
            if (!executor.inside.get()) {
                outsideExecutor.incrementAndGet();
            }
            events.add(event);
        });
    }

    private void signIn() {
        model.signIn("gblue", "demo").join();
        server.awaitRequest(ClientMessage.Sessions.class, r -> true);
        connection.ping().join(); // the sessions reply came before: applied
    }

    private void push(String sessionId, long... seqs) {
        FakeServer.Peer peer = server.latestPeer();
        for (long seq : seqs) {
            peer.send(FakeServer.message(sessionId, seq, "ablack"));
        }
        connection.ping().join(); // replies follow the pushes: all applied
    }

    private List<Long> seqs(String sessionId) {
        return model.transcript(sessionId).messages().stream().map(ServerMessage.Message::seq).toList();
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    @Nested
    @DisplayName("delivery")
    class Delivery {
        @Test
        void messagePushedTwice_isHeldOnce() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();

            push("s1", 1, 2, 2, 1);

            assertThat(seqs("s1")).containsExactly(1L, 2L);
            assertThat(events.ofType(ModelEvent.MessageReceived.class)).hasSize(2);
        }

        @Test
        void outOfOrderPushes_endUpOrderedBySeq() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();

            push("s1", 3, 1, 2);

            assertThat(seqs("s1")).containsExactly(1L, 2L, 3L);
        }

        @Test
        void autoAck_manyMessages_fewAcksWithTheHighestSeq() throws InterruptedException {
            start(ClientModel.Options.headless());
            signIn();

            push("s1", LongStream.rangeClosed(1, 50).toArray());
            scheduler.advance(Duration.ofMillis(150));

            server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 50);
            assertThat(server.requestsOf(ClientMessage.Ack.class))
                    .extracting(ClientMessage.Ack::sessionId, ClientMessage.Ack::seq)
                    .containsExactly(tuple("s1", 50L));
        }

        @Test
        void autoAck_stopsAtAGap_untilTheMissingMessageArrives() throws InterruptedException {
            start(ClientModel.Options.headless());
            signIn();

            push("s1", 1, 2, 4);
            scheduler.advance(Duration.ofMillis(150));
            server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 2);
            push("s1", 3);
            scheduler.advance(Duration.ofMillis(150));

            server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 4);
            assertThat(server.requestsOf(ClientMessage.Ack.class)).extracting(ClientMessage.Ack::seq)
                    .containsExactly(2L, 4L);
        }

        @Test
        void markShown_lowersUnread_andAcksOnce() throws InterruptedException {
            start(ClientModel.Options.forViews());
            server.on(ClientMessage.Sessions.class, (peer, request) -> peer.ok(request, new SessionsResult(
                    List.of(new SessionStatus(FakeServer.session("s1", "gblue", "ablack"), 3, 5)))));
            signIn();
            assertThat(model.session("s1")).get().extracting(SessionSummary::unread).isEqualTo(2L);

            model.markShown("s1", 4);
            model.markShown("s1", 5);
            connection.ping().join();
            scheduler.advance(Duration.ofMillis(150));

            assertThat(model.session("s1")).get().extracting(SessionSummary::unread).isEqualTo(0L);
            server.awaitRequest(ClientMessage.Ack.class, ack -> ack.seq() == 5);
            assertThat(server.requestsOf(ClientMessage.Ack.class)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("sessions")
    class Sessions {
        @Test
        void afterSignIn_sessionsAreLoaded_withUnreadCounts() throws InterruptedException {
            start(ClientModel.Options.forViews());
            server.on(ClientMessage.Sessions.class, (peer, request) -> peer.ok(request, new SessionsResult(
                    List.of(new SessionStatus(FakeServer.session("s1", "gblue", "ablack"), 7, 10)))));

            signIn();

            ModelEvent.SessionOpened opened = events.await(ModelEvent.SessionOpened.class, e -> true);
            assertThat(opened.session().unread()).isEqualTo(3);
            assertThat(model.me().username()).isEqualTo("gblue");
            assertThat(model.zone()).hasToString("America/Chicago");
            assertThat(model.imEnabled()).isTrue();
        }

        @Test
        void sessionEvents_updateParticipantsAndEnd() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();
            FakeServer.Peer peer = server.latestPeer();

            peer.send(new ServerMessage.SessionOpened(FakeServer.session("s9", "gblue", "ablack")));
            peer.send(new ServerMessage.ParticipantJoined("s9", "cgray", "gblue", Instant.now()));
            peer.send(new ServerMessage.ParticipantLeft("s9", "ablack", Instant.now()));
            peer.send(new ServerMessage.SessionEnded("s9", "gblue", Instant.parse("2026-11-24T19:00:00Z")));
            peer.send(new ServerMessage.ImSwitched(false));
            peer.send(new ServerMessage.Presence("cgray", true));
            connection.ping().join();

            SessionSummary s9 = model.session("s9").orElseThrow();
            assertThat(s9.info().participants()).containsExactly("gblue", "cgray");
            assertThat(s9.info().active()).isFalse();
            assertThat(model.imEnabled()).isFalse();
            assertThat(model.online("cgray")).contains(true);
            assertThat(events.all()).extracting(e -> e.getClass().getSimpleName()).containsSubsequence(
                    "SessionOpened", "SessionUpdated", "SessionUpdated", "SessionEnded", "ImSwitched", "PresenceChanged");
        }

        @Test
        void participantLeftForMe_endsTheSessionForMe_andAReconnectReadsNoHistory() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();
            FakeServer.Peer peer = server.latestPeer();
            peer.send(new ServerMessage.SessionOpened(FakeServer.session("s9", "ablack", "gblue", "cgray")));
            Instant at = Instant.parse("2026-11-24T19:00:00Z");

            peer.send(new ServerMessage.ParticipantLeft("s9", "gblue", at));
            connection.ping().join();

            SessionSummary s9 = model.session("s9").orElseThrow();
            assertThat(s9.info().active()).isFalse();
            assertThat(s9.info().endedAt()).isEqualTo(at);
            assertThat(s9.info().participants()).containsExactly("ablack", "cgray");
            ModelEvent.SessionEnded ended = events.await(ModelEvent.SessionEnded.class, e -> true);
            assertThat(ended.endedBy()).isEqualTo("gblue");
            assertThat(ended.session().info().active()).isFalse();

            int beforeDrop = events.size();
            peer.kill();
            events.awaitFrom(beforeDrop, e -> e instanceof ModelEvent.ConnectionStateChanged changed
                    && changed.state().status() == ConnectionState.Status.RECONNECTING);
            scheduler.advance(Duration.ofMillis(500));
            events.awaitFrom(beforeDrop, e -> e instanceof ModelEvent.SignedIn signedIn && signedIn.resumed());
            server.awaitRequest(ClientMessage.Sessions.class, r -> server.requestsOf(ClientMessage.Sessions.class).size() == 2);
            connection.ping().join(); // the second sessions reply came before: applied
            assertThat(server.requestsOf(ClientMessage.History.class)).as("no history of a session I left").isEmpty();
            assertThat(events.ofType(ModelEvent.SessionEnded.class)).hasSize(1);
        }

        @Test
        void everyNotification_goesThroughTheExecutor() throws InterruptedException {
            start(ClientModel.Options.headless());
            signIn();
            push("s1", 1, 2);
            model.send("s1", "hi");
            events.await(ModelEvent.OutboxChanged.class, e -> e.message().status() == OutgoingMessage.Status.SENT);

            assertThat(events.size()).isGreaterThan(5);
            assertThat(outsideExecutor).hasValue(0);
            assertThat(executor.runs.get()).isPositive();
        }
    }

    @Nested
    @DisplayName("presence")
    class PresenceSubscriptions {
        @Test
        void unsubscribed_users_areForgotten_andNotSubscribedAgainAfterAReconnect() throws InterruptedException {
            start(ClientModel.Options.forViews());
            server.on(ClientMessage.SubscribePresence.class, (peer, request) -> peer.ok(request,
                    new org.beacon.protocol.reply.PresenceResult(request.usernames().stream()
                            .collect(java.util.stream.Collectors.toMap(u -> u, u -> true)))));
            signIn();
            model.subscribePresence(List.of("ablack", "cgray")).join();
            assertThat(model.online("ablack")).contains(true);

            model.unsubscribePresence(List.of("ablack")).join();

            assertThat(server.requestsOf(ClientMessage.UnsubscribePresence.class)).singleElement()
                    .satisfies(u -> assertThat(u.usernames()).containsExactly("ablack"));
            assertThat(model.online("ablack")).as("no longer known").isEmpty();
            assertThat(model.online("cgray")).contains(true);
            int beforeDrop = events.size();
            server.latestPeer().kill();
            events.awaitFrom(beforeDrop, e -> e instanceof ModelEvent.ConnectionStateChanged changed
                    && changed.state().status() == ConnectionState.Status.RECONNECTING);
            scheduler.advance(Duration.ofMillis(500));
            events.awaitFrom(beforeDrop, e -> e instanceof ModelEvent.SignedIn signedIn && signedIn.resumed());
            ClientMessage.SubscribePresence first = server.requestsOf(ClientMessage.SubscribePresence.class).get(0);
            ClientMessage.SubscribePresence again = server.awaitRequest(ClientMessage.SubscribePresence.class,
                    r -> r != first);
            assertThat(again.usernames()).containsExactly("cgray");
        }
    }

    @Nested
    @DisplayName("outbox in the transcript")
    class OutboxInTranscript {
        @Test
        void sendWhileReconnecting_showsPending_thenTheStoredMessage() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();
            server.latestPeer().kill();
            events.await(ModelEvent.ConnectionStateChanged.class,
                    e -> e.state().status() == ConnectionState.Status.RECONNECTING);

            OutgoingMessage typed = model.send("s1", "are you there?");

            events.await(ModelEvent.OutboxChanged.class, e -> e.message().status() == OutgoingMessage.Status.PENDING);
            assertThat(model.transcript("s1").pending()).extracting(OutgoingMessage::clientMsgId)
                    .containsExactly(typed.clientMsgId());
            scheduler.advance(Duration.ofMillis(500));
            ModelEvent.MessageReceived mine = events.await(ModelEvent.MessageReceived.class, ModelEvent.MessageReceived::mine);
            assertThat(mine.message().clientMsgId()).isEqualTo(typed.clientMsgId());
            assertThat(model.transcript("s1").pending()).isEmpty();
            assertThat(model.transcript("s1").messages()).extracting(ServerMessage.Message::text)
                    .containsExactly("are you there?");
        }

        @Test
        void ownMessagePushedBack_isNotShownTwice() throws InterruptedException {
            start(ClientModel.Options.forViews());
            signIn();
            OutgoingMessage typed = model.send("s1", "once");
            events.await(ModelEvent.OutboxChanged.class, e -> e.message().status() == OutgoingMessage.Status.SENT);

            server.latestPeer().send(new ServerMessage.Message("s1", 1, "gblue", "once", Instant.now(), typed.clientMsgId()));
            connection.ping().join();

            assertThat(model.transcript("s1").messages()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("long transcripts")
    class LongTranscripts {
        @Test
        void onlyARecentWindowIsKept_andOlderPagesLoadOnDemand() throws InterruptedException {
            start(new ClientModel.Options(false, 10));
            signIn();
            server.on(ClientMessage.History.class, (peer, request) -> peer.ok(request, new HistoryResult(
                    LongStream.range(request.beforeSeq() - request.limit(), request.beforeSeq())
                            .mapToObj(seq -> FakeServer.message("s1", seq, "ablack")).toList(), true)));

            push("s1", LongStream.rangeClosed(1, 25).toArray());
            assertThat(seqs("s1")).containsExactlyElementsOf(LongStream.rangeClosed(16, 25).boxed().toList());
            assertThat(model.transcript("s1").olderAvailable()).isTrue();
            push("s1", 5);
            assertThat(seqs("s1")).hasSize(10).doesNotContain(5L);

            List<ServerMessage.Message> page = model.loadOlder("s1", 5).join();

            assertThat(page).extracting(ServerMessage.Message::seq).containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(server.requestsOf(ClientMessage.History.class)).singleElement()
                    .satisfies(h -> assertThat(h.beforeSeq()).isEqualTo(16L));
            assertThat(seqs("s1")).containsExactlyElementsOf(LongStream.rangeClosed(11, 25).boxed().toList());
            model.trimToRecent("s1");
            assertThat(seqs("s1")).hasSize(10);
        }
    }
}
