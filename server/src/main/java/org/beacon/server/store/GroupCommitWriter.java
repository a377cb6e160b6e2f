package org.beacon.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes, with group commit.
 *
 * <p>It takes a queued write, drains whatever else is already queued (up to {@code maxBatch}),
 * and runs them all in one transaction. A write that fails (a duplicate, an unknown user) fails
 * alone: the batch is rolled back and run again with each write inside its own SAVEPOINT, the one
 * that fails is rolled back to it, and the rest commit together with one fsync. Only after COMMIT
 * returns are the futures completed, in the order the writes were submitted, on one completion
 * thread: what callers chain on a write (encoding events, fan-out to connections) runs there, in
 * commit order, while this thread goes on with the next batch. If BEGIN or COMMIT itself fails,
 * every write of the batch fails with that error: none of them is durable.
 *
 * <p>Under load, commits are spaced at least {@code commitSpacing} apart (start to start): after a
 * commit, the next batch gathers in the queue until that time has passed. Each commit costs a
 * WAL write and an fsync whatever it holds, so this bounds the fsyncs per second and makes
 * batches larger; a write that comes after a quiet spell is committed at once.
 *
 * <p>Between batches, and at least every {@code changePoll} when idle, it reads
 * {@code PRAGMA data_version} on its own connection. That number changes only when <em>another</em>
 * connection commits (another process, such as the admin CLI, or another store on the same
 * file), never for this writer's own commits, which is why it is read here and not on a separate
 * connection: a separate connection would see the server's own message traffic as changes too,
 * and could not tell an administrator's commit from it.
 *
 * <p>{@link TransactionHooks} hear of each transaction's start, its commit and any rollback, so that
 * state kept in memory beside the database (the {@link MessageAppender}'s) can follow it.
 */
final class GroupCommitWriter {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /**
     * A unit of work run inside the writer's transaction. It must touch nothing but the database:
     * when another write of its batch fails, it is rolled back and run a second time.
     */
    @FunctionalInterface
    interface Write<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Told about the writer's transactions, on the writer thread. {@code rolledBack} also covers a
     * single write undone to its savepoint while the rest of its batch goes on.
     */
    interface TransactionHooks {
        TransactionHooks NONE = new TransactionHooks() {
        };

        /** A transaction has begun (BEGIN IMMEDIATE ran); writes follow. */
        default void begun(Connection connection) throws SQLException {
        }

        /** The last statements of the transaction, before COMMIT; a failure rolls the batch back. */
        default void beforeCommit(Connection connection) throws SQLException {
        }

        default void committed() {
        }

        /** Some or all of the transaction's writes were undone. */
        default void rolledBack() {
        }

        /** Another program changed the database. */
        default void externalChange() {
        }

        /** Whether there is work to do in a transaction of its own once no write has come for a moment. */
        default boolean wantsQuietWork() {
            return false;
        }

        /** That work, run between BEGIN and COMMIT when the queue has stayed empty for a moment. */
        default void quiet(Connection connection) throws SQLException {
        }
    }

    private record Task<T>(String what, Write<T> write, CompletableFuture<T> future) {
        void complete(Object result) {
            @SuppressWarnings("unchecked") T value = (T) result;
            future.complete(value);
        }
    }

    private static final Task<Void> STOP = new Task<>("stop", c -> null, new CompletableFuture<>());

    private final Connection connection;
    private final String db;
    private final int maxBatch;
    private final long changePollNanos;
    private final long commitSpacingNanos;
    private final Runnable onExternalChange;
    private final TransactionHooks hooks;
    private final long quietNanos;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private volatile Thread completionThread;
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "beacon-store-completions");
        t.setDaemon(true);
        completionThread = t;
        return t;
    });
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writesCommitted = new AtomicLong();
    private boolean closed;
    /** Set by {@link #close()}: the writer stops waiting for the commit spacing. */
    private volatile boolean stopQueued;
    private long lastDataVersion;
    private long lastChangeCheck;
    private long lastCommitStart;

    GroupCommitWriter(Connection connection, String db, int maxBatch, Duration changePoll, Duration commitSpacing,
            Runnable onExternalChange) {
        this(connection, db, maxBatch, changePoll, commitSpacing, onExternalChange, TransactionHooks.NONE, changePoll);
    }

    /** @param quiet how long the queue stays empty before the hooks' quiet work runs */
    GroupCommitWriter(Connection connection, String db, int maxBatch, Duration changePoll, Duration commitSpacing,
            Runnable onExternalChange, TransactionHooks hooks, Duration quiet) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
        }
        this.connection = StatementCache.wrap(connection);
        this.db = db;
        this.maxBatch = maxBatch;
        this.changePollNanos = changePoll.toNanos();
        this.commitSpacingNanos = commitSpacing.toNanos();
        this.lastCommitStart = System.nanoTime() - commitSpacingNanos; // the first write does not wait
        this.onExternalChange = onExternalChange;
        this.hooks = hooks;
        this.quietNanos = quiet.toNanos();
        this.thread = new Thread(this::run, "beacon-store-writer");
        // Daemon: a forgotten close() must not keep a JVM alive. Nothing acknowledged is lost by
        // that, because a write's future completes only after its COMMIT; close() drains the queue
        // on an orderly shutdown.
        this.thread.setDaemon(true);
    }

    void start() throws SQLException {
        lastDataVersion = Schema.intPragma(connection, "data_version");
        lastChangeCheck = System.nanoTime();
        thread.start();
    }

    /** Queues a write; the future completes after the transaction holding it committed. */
    <T> CompletableFuture<T> submit(String what, Write<T> write) {
        CompletableFuture<T> future = new CompletableFuture<>();
        synchronized (submitLock) {
            if (closed) {
                future.completeExceptionally(new StoreException(StoreException.Reason.CLOSED, what + ": the store is closed"));
            } else {
                queue.add(new Task<>(what, write, future));
            }
        }
        return future;
    }

    long commits() {
        return commits.get();
    }

    long writesCommitted() {
        return writesCommitted.get();
    }

    /** Runs every write queued so far, then stops the thread and closes the connection. Idempotent. */
    void close() {
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
            stopQueued = true;
        }
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
                completions.shutdown(); // the writer did so too, unless it never ran
                if (Thread.currentThread() != completionThread) { // a close() from a callback cannot wait for itself
                    completions.awaitTermination(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        List<Task<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            Task<?> first;
            boolean quietWork = hooks.wantsQuietWork();
            try {
                first = queue.poll(quietWork ? quietNanos : changePollNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue; // only close() stops this thread, so that no queued write is dropped
            }
            if (first == null && quietWork) {
                runQuietWork();
            } else if (first != null) {
                batch.add(first);
                waitForSpacing(lastCommitStart + commitSpacingNanos);
                queue.drainTo(batch, maxBatch - batch.size());
                if (batch.get(batch.size() - 1) == STOP) { // STOP is always the last task ever queued
                    batch.remove(batch.size() - 1);
                    stopping = true;
                }
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
                batch.clear();
            }
            checkExternalChange(stopping);
        }
        completions.shutdown(); // the completions already handed over still run
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the write connection to {} failed: {}", db, e.getMessage());
        }
    }

    /**
     * Sleeps until {@code commitSpacing} has passed since the previous commit began; the writes
     * that come meanwhile wait in the queue and are drained together afterwards. Sleeping once
     * instead of taking each write as it comes spares the writer and the submitting thread a
     * wake-up per write. A {@link #close()} ends the wait.
     */
    private void waitForSpacing(long due) {
        long wait;
        while (!stopQueued && (wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            Thread.interrupted(); // only close() stops this thread, so that no queued write is dropped
        }
    }

    private void runBatch(List<Task<?>> batch) {
        lastCommitStart = System.nanoTime();
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        int succeeded;
        try {
            exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            failAll(batch, e);
            return;
        }
        try {
            hooks.begun(connection);
            if (runTogether(batch, results)) {
                succeeded = batch.size();
            } else {
                rollBackQuietly();
                hooks.rolledBack();
                exec("BEGIN IMMEDIATE");
                hooks.begun(connection);
                succeeded = runEachAlone(batch, results, failures);
            }
            hooks.beforeCommit(connection);
            exec("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                Schema.exec(connection, "ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            hooks.rolledBack();
            failAll(batch, e);
            return;
        }
        hooks.committed();
        commits.incrementAndGet();
        writesCommitted.addAndGet(succeeded);
        List<Task<?>> committed = List.copyOf(batch);
        completions.execute(() -> {
            for (int i = 0; i < committed.size(); i++) {
                if (failures[i] == null) {
                    committed.get(i).complete(results[i]);
                } else {
                    committed.get(i).future().completeExceptionally(failures[i]);
                }
            }
        });
    }

    /** The hooks' quiet work in a transaction of its own; a failure is logged, and rolled back. */
    private void runQuietWork() {
        try {
            exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            log.warn("Could not begin the quiet-time work on {}: {}", db, e.getMessage());
            return;
        }
        try {
            hooks.quiet(connection);
            exec("COMMIT");
            hooks.committed();
        } catch (SQLException | RuntimeException e) {
            rollBackQuietly();
            hooks.rolledBack();
            log.warn("The quiet-time work on {} failed: {}", db, e.getMessage());
        }
    }

    /**
     * The usual case: runs every write of the batch in the open transaction, one after the other.
     * Returns {@code false} at the first write that fails; the caller then rolls the lot back and
     * runs {@link #runEachAlone}. Writes touch only the database, so running them again after the
     * rollback gives the same results; a savepoint around each (two more statements per write)
     * is paid only by a batch that needs it.
     */
    private boolean runTogether(List<Task<?>> batch, Object[] results) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                results[i] = batch.get(i).write().apply(connection);
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs each write inside its own savepoint, so that one that fails is undone and fails alone.
     * Returns how many succeeded.
     */
    private int runEachAlone(List<Task<?>> batch, Object[] results, Throwable[] failures) throws SQLException {
        int succeeded = 0;
        for (int i = 0; i < batch.size(); i++) {
            Task<?> task = batch.get(i);
            exec("SAVEPOINT w");
            try {
                results[i] = task.write().apply(connection);
                exec("RELEASE w");
                succeeded++;
            } catch (SQLException e) {
                undo();
                failures[i] = SqlErrors.translate(task.what(), db, e);
            } catch (RuntimeException e) {
                undo();
                failures[i] = e;
            }
        }
        return succeeded;
    }

    /**
     * Rolls back the open transaction. A failure is not reported here: SQLite may already have
     * rolled back on its own (after an I/O error, say), and if it is still open the next BEGIN fails
     * and the batch with it.
     */
    private void rollBackQuietly() {
        try {
            Schema.exec(connection, "ROLLBACK");
        } catch (SQLException e) {
            log.debug("Rolling back a batch on {} before running it write by write: {}", db, e.getMessage());
        }
    }

    /** Runs fixed SQL through the statement cache (BEGIN, SAVEPOINT, RELEASE, COMMIT: several per batch). */
    private void exec(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private void undo() throws SQLException {
        Schema.exec(connection, "ROLLBACK TO w");
        Schema.exec(connection, "RELEASE w");
        hooks.rolledBack();
    }

    private void failAll(List<Task<?>> batch, Exception e) {
        List<Task<?>> failed = List.copyOf(batch);
        completions.execute(() -> {
            for (Task<?> task : failed) {
                StoreException failure = e instanceof SQLException sql
                        ? SqlErrors.translate(task.what(), db, sql)
                        : new StoreException(StoreException.Reason.IO, task.what() + ": " + e.getMessage(), e);
                task.future().completeExceptionally(failure);
            }
        });
        log.warn("A write transaction on {} failed; {} writes were not stored: {}", db, batch.size(), e.getMessage());
    }

    private void checkExternalChange(boolean stopping) {
        long now = System.nanoTime();
        if (stopping || now - lastChangeCheck < changePollNanos) {
            return;
        }
        lastChangeCheck = now;
        try {
            long version = Schema.intPragma(connection, "data_version");
            if (version != lastDataVersion) {
                lastDataVersion = version;
                hooks.externalChange();
                onExternalChange.run();
            }
        } catch (SQLException e) {
            log.warn("Could not check {} for changes by other programs: {}", db, e.getMessage());
        }
    }
}
