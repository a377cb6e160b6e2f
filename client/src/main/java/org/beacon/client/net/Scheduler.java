package org.beacon.client.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. Injected so that tests can drive reconnect backoff, request
 * timeouts, rate-limit retries and ack flushes without real waiting. The task may run on any
 * thread; the connection hops onto its event loop itself.
 */
public interface Scheduler {

    /** A scheduled task that has not run yet can be cancelled. */
    interface Cancellable {
        /** Does nothing once the task has run or was cancelled. */
        void cancel();
    }

    Cancellable schedule(Runnable task, Duration delay);

    /** Schedules on an executor, e.g. a Netty event loop (the default of a connection). */
    static Scheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (task, delay) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
