package org.beacon.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few read-only connections, each used by one thread at a time. In WAL mode a reader sees the
 * last committed state and never waits for the writer's open transaction, so reads are not held
 * up by a large batch. Each read runs in its own read transaction: the queries of one read see one
 * snapshot.
 */
final class ReadPool {
    private static final Logger log = LoggerFactory.getLogger(ReadPool.class);

    /** A unit of reading work. */
    @FunctionalInterface
    interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> connections;
    private final ExecutorService executor;
    private final String db;

    ReadPool(List<Connection> connections, String db) {
        // Each keeps its prepared statements: a reconnect storm looks up thousands of tokens a second.
        this.connections = new ArrayBlockingQueue<>(connections.size(), false,
                connections.stream().map(StatementCache::wrap).toList());
        this.db = db;
        AtomicInteger n = new AtomicInteger();
        // As many threads as connections, so a task never waits for a connection.
        this.executor = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "beacon-store-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code read} in a read transaction (one consistent snapshot). */
    <T> CompletableFuture<T> submit(String what, Read<T> read) {
        return submit(what, true, read);
    }

    /**
     * Runs {@code read} outside an explicit transaction: for a read of one statement, which SQLite
     * runs in a read transaction of its own (one snapshot all the same, without the two extra
     * statements and file-lock calls of BEGIN and COMMIT), and for statements that refuse one
     * ({@code VACUUM INTO}).
     */
    <T> CompletableFuture<T> submitWithoutTransaction(String what, Read<T> read) {
        return submit(what, false, read);
    }

    private <T> CompletableFuture<T> submit(String what, boolean transaction, Read<T> read) {
        // Completed directly (not via supplyAsync) so that a failure is the StoreException itself,
        // as for writes, and not a CompletionException around it.
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(run(what, transaction, read));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new StoreException(StoreException.Reason.CLOSED, what + ": the store is closed"));
        }
        return future;
    }

    private <T> T run(String what, boolean transaction, Read<T> read) {
        Connection connection = connections.poll();
        if (connection == null) {
            throw new IllegalStateException("no free read connection"); // cannot happen: threads == connections
        }
        try {
            if (!transaction) {
                return read.apply(connection);
            }
            Schema.exec(connection, "BEGIN");
            try {
                return read.apply(connection);
            } finally {
                Schema.exec(connection, "COMMIT");
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, db, e);
        } finally {
            connections.add(connection);
        }
    }

    /** Lets running reads finish, then closes the connections. */
    void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Reads on {} still running after 30 s; closing anyway", db);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                log.warn("Closing a read connection to {} failed: {}", db, e.getMessage());
            }
        }
    }
}
