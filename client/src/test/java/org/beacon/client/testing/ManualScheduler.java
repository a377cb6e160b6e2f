package org.beacon.client.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.beacon.client.net.Scheduler;

/**
 * A scheduler and clock that only move when the test says so: {@link #advance} moves the time and
 * runs, on the calling thread, every task that came due, in order of due time.
 */
public final class ManualScheduler implements Scheduler {

    private final class Task implements Cancellable {
        final Instant due;
        final Runnable body;
        final long order;
        boolean cancelled;

        Task(Instant due, Runnable body, long order) {
            this.due = due;
            this.body = body;
            this.order = order;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                cancelled = true;
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-24T18:00:00Z");
    private long counter;

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(now.plus(delay), task, counter++);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Moves time forward and runs the tasks that came due (outside the lock). */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(task -> !task.cancelled && !task.due.isAfter(target))
                        .min(Comparator.<Task, Instant>comparing(task -> task.due).thenComparingLong(task -> task.order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    tasks.removeIf(task -> task.cancelled);
                    return;
                }
                tasks.remove(next);
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.body.run();
        }
    }

    /** Delays of the tasks still waiting, from now. */
    public synchronized List<Duration> waitingDelays() {
        return tasks.stream().filter(task -> !task.cancelled)
                .map(task -> Duration.between(now, task.due)).sorted().toList();
    }

    public synchronized Instant now() {
        return now;
    }

    /** A clock that reads this scheduler's time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
