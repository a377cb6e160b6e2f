package org.beacon.server.im;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.beacon.server.store.CursorAdvance;
import org.beacon.server.store.Store;

/**
 * Coalesces cursor advances (clients' acks) into one store write at a time.
 *
 * <p>Receivers ack about as often as messages arrive, so a write per ack would double the store's
 * work. Instead, while one batch of cursors is being written, the acks that come in are gathered
 * (the highest seq per participant and session wins); when that write commits, the next batch
 * goes. An ack's future completes when the write holding it has committed, so an {@code ok} to an
 * ack still means the cursor is durable. With no write in flight an ack is written at once.
 *
 * <p>Confined to the {@link Sequencer}: {@code sequencer} runs the next write as one of its tasks;
 * an ack's future completes on the store's completion thread.
 */
final class CursorWrites {
    private record Key(String sessionId, String username) {
    }

    private final Store store;
    private final Executor sequencer;
    private Map<Key, Long> pending = new LinkedHashMap<>();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean writing;

    CursorWrites(Store store, Executor sequencer) {
        this.store = Objects.requireNonNull(store, "store");
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
    }

    /** Queues a cursor advance; completes when it is durable. */
    CompletableFuture<Void> advance(String sessionId, String username, long seq) {
        pending.merge(new Key(sessionId, username), seq, Math::max);
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(done);
        if (!writing) {
            writeNext();
        }
        return done;
    }

    private void writeNext() {
        if (pending.isEmpty()) {
            writing = false;
            return;
        }
        writing = true;
        List<CursorAdvance> advances = new ArrayList<>(pending.size());
        pending.forEach((key, seq) -> advances.add(new CursorAdvance(key.sessionId(), key.username(), seq)));
        List<CompletableFuture<Void>> batch = waiting;
        pending = new LinkedHashMap<>();
        waiting = new ArrayList<>();
        store.advanceCursors(advances).whenComplete((ignored, failure) -> {
            for (CompletableFuture<Void> done : batch) {
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure);
                }
            }
            try {
                sequencer.execute(this::writeNext);
            } catch (RejectedExecutionException e) {
                // Shutting down: the connections are closed. Acks not yet written are lost, which
                // only means those messages are delivered again after a restart (clients drop
                // what they already have by session and seq).
            }
        });
    }
}
