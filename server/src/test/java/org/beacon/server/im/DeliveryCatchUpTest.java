package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.server.testing.TestRegion.aSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.EncodedFrame;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up against a real store when messages are stored beyond the committed seq the backlog was
 * taken at (their live fan-out has not run yet): the backlog stops at that seq, so the later live
 * fan-out is the only copy.
 */
class DeliveryCatchUpTest {
    @TempDir
    Path folder;
    private SqliteStore store;
    private final ProtocolJson json = new ProtocolJson();
    private final RecordingConnection bob = new RecordingConnection("bob");
    private Delivery delivery;

    @BeforeEach
    void open() throws Exception {
        store = TestRegion.storeWith(folder.resolve("d.db"), aSession("s1", "alice", List.of("alice", "bob")));
        for (int seq = 1; seq <= 5; seq++) {
            store.insertMessage(message(seq)).get(10, TimeUnit.SECONDS);
        }
        delivery = new Delivery(new OnlineUsers() {
            @Override
            public Collection<? extends ImConnection> connectionsOf(String username) {
                return username.equals("bob") ? List.of(bob) : List.of();
            }

            @Override
            public Collection<? extends ImConnection> all() {
                return List.of(bob);
            }
        }, store, json);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void catchUp_withMessagesStoredBeyondTheCommittedSeq_sendsThemOnlyLive() throws Exception {
        delivery.beginCatchUp(bob);
        ServerMessage.SessionOpened opened = new ServerMessage.SessionOpened(
                LiveSession.of(aSession("s1", "alice", List.of("alice", "bob"))).info());

        delivery.catchUp(bob, List.of(new Delivery.Backlog(opened, 1, 3))).get(10, TimeUnit.SECONDS);
        delivery.message(message(4), List.of("alice", "bob"), null);
        delivery.message(message(5), List.of("alice", "bob"), null);

        assertThat(bob.seqs()).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void catchUp_withLiveMessagesArrivingDuringIt_sendsEachOnceInOrder() throws Exception {
        delivery.beginCatchUp(bob);
        delivery.message(message(3), List.of("alice", "bob"), null); // fanned out before the backlog was read
        delivery.message(message(4), List.of("alice", "bob"), null);
        ServerMessage.SessionOpened opened = new ServerMessage.SessionOpened(
                LiveSession.of(aSession("s1", "alice", List.of("alice", "bob"))).info());

        delivery.catchUp(bob, List.of(new Delivery.Backlog(opened, 0, 4))).get(10, TimeUnit.SECONDS);
        delivery.message(message(5), List.of("alice", "bob"), null);

        assertThat(bob.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private static ServerMessage.Message message(long seq) {
        return new ServerMessage.Message("s1", seq, "alice", "text " + seq, Instant.parse("2026-11-24T18:00:00Z")
                .plusSeconds(seq), "c-" + seq);
    }

    private final class RecordingConnection implements ImConnection {
        private final String username;
        private final List<Object> frames = new ArrayList<>();

        RecordingConnection(String username) {
            this.username = username;
        }

        List<Long> seqs() {
            List<Long> seqs = new ArrayList<>();
            synchronized (frames) {
                for (Object frame : frames) {
                    if (json.readServer(((EncodedFrame) frame).json()) instanceof ServerMessage.Message m) {
                        seqs.add(m.seq());
                    }
                }
            }
            return seqs;
        }

        @Override
        public String username() {
            return username;
        }

        @Override
        public void send(Object frame) {
            synchronized (frames) {
                frames.add(frame);
            }
        }

        @Override
        public CompletionStage<Void> sendAll(List<?> all) {
            synchronized (frames) {
                frames.addAll(all);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
