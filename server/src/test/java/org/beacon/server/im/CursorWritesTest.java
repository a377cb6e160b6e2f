package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.server.testing.TestRegion.aSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.beacon.server.store.SessionRecord;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.store.StoreException;
import org.beacon.server.testing.TestRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorWritesTest {
    @TempDir
    Path folder;
    private SqliteStore store;
    private final ExecutorService sequencer = Executors.newSingleThreadExecutor();
    private CursorWrites cursorWrites;

    @BeforeEach
    void open() throws Exception {
        store = TestRegion.storeWith(folder.resolve("c.db"), aSession("s1", "alice", List.of("alice", "bob")),
                aSession("s2", "alice", List.of("alice", "bob", "carol")));
        cursorWrites = new CursorWrites(store, sequencer);
    }

    @AfterEach
    void close() {
        sequencer.shutdownNow();
        store.close();
    }

    @Test
    void advance_whileAWriteIsInFlight_gathersTheRestIntoOneMoreWrite() throws Exception {
        long writesBefore = store.stats().get(10, TimeUnit.SECONDS).writesCommitted();
        // All on the sequencer in one task: the first advance starts a write; its completion also runs
        // on the sequencer, so it cannot come before the other 99 are queued.
        List<CompletableFuture<Void>> acks = sequencer.submit(() -> {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int seq = 1; seq <= 50; seq++) {
                futures.add(cursorWrites.advance("s1", "bob", seq));
                futures.add(cursorWrites.advance("s2", "carol", 100 - seq));
            }
            return futures;
        }).get(10, TimeUnit.SECONDS);

        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(store.stats().get(10, TimeUnit.SECONDS).writesCommitted() - writesBefore).isEqualTo(2);
        assertThat(cursor("s1", "bob")).isEqualTo(50);
        assertThat(cursor("s2", "carol")).isEqualTo(99);
    }

    @Test
    void advance_whenTheStoreFails_failsTheAck() throws Exception {
        store.close();

        CompletableFuture<Void> ack = sequencer.submit(() -> cursorWrites.advance("s1", "bob", 1)).get(10, TimeUnit.SECONDS);

        assertThat(ack).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StoreException.class);
    }

    private long cursor(String sessionId, String username) throws Exception {
        SessionRecord record = store.loadSession(sessionId).get(10, TimeUnit.SECONDS).orElseThrow();
        return record.participants().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow()
                .cursor();
    }
}
