package org.beacon.server.im;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order they were submitted, on the threads that submit them:
 * the IM service's single owner of session state without a thread of its own.
 *
 * <p>A thread that submits a task while no other is running tasks runs it at once, and then every
 * task submitted meanwhile (by it or by others) until the queue is empty; a thread that submits
 * while another is running only queues its task, for that one to run. So tasks never overlap,
 * each sees what the ones before it did (the hand-over is through {@code running}), and a task
 * that submits another finds it run after itself, as on a single-thread executor.
 *
 * <p>Why not a thread: a message's way through the server was I/O loop, sequencer thread, store
 * writer, completion thread, I/O loop. The sequencer's own work per message is a few
 * microseconds; waking its thread and switching to it cost more than that, on every message, and
 * on two cores shared with everything else each hand-off can wait for a core (bench/README.md).
 *
 * <p>Tasks must not block: they run on Netty event loops and on the store's completion thread.
 */
final class Sequencer implements Executor {
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Runs the task now, or after the ones before it.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the IM service is closed");
        }
        tasks.add(task);
        // Looks again after letting go: a task queued by another thread just before that found
        // this one running and left it to run.
        while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                runQueued();
            } finally {
                running.set(false);
            }
        }
    }

    /** Refuses new tasks; those already queued still run. */
    void close() {
        closed = true;
    }

    private void runQueued() {
        Runnable next;
        while ((next = tasks.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("An IM task failed", e);
            }
        }
    }
}
