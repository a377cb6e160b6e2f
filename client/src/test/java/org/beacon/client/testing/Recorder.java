package org.beacon.client.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A thread-safe list that tests wait on: {@link #await} blocks until an element matches or the
 * deadline passes (then fails with what was seen). No sleeping, no polling.
 */
public final class Recorder<T> {
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    private final List<T> items = new ArrayList<>();

    public synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    public synchronized List<T> all() {
        return List.copyOf(items);
    }

    public synchronized int size() {
        return items.size();
    }

    /** The first element (in arrival order) that matches, waiting up to {@link #DEADLINE}. */
    public T await(Predicate<? super T> match) {
        return awaitFrom(0, match);
    }

    /** The first element at index {@code from} or later that matches. */
    public synchronized T awaitFrom(int from, Predicate<? super T> match) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int checked = from;
        while (true) {
            for (; checked < items.size(); checked++) {
                if (match.test(items.get(checked))) {
                    return items.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("nothing matched within " + DEADLINE + "; seen: " + items);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Elements of a type, in arrival order. */
    public <U> List<U> ofType(Class<U> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until an element of the type matches. */
    public <U> U await(Class<U> type, Predicate<? super U> match) {
        return type.cast(await(item -> type.isInstance(item) && match.test(type.cast(item))));
    }
}
