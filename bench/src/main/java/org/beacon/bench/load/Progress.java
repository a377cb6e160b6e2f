package org.beacon.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a line every period on its own daemon thread until closed. */
public final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();

    public Progress(PrintStream out, Duration period, Supplier<String> line) {
        timer.scheduleAtFixedRate(() -> {
            try {
                out.printf("[%5.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, line.get());
            } catch (RuntimeException e) {
                out.println("progress: " + e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
