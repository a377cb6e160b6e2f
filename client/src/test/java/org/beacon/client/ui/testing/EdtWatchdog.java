package org.beacon.client.ui.testing;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures how long the event dispatch thread takes to run a no-op posted every 20 ms; the worst
 * wait since the last {@link #reset()} is what a user would have felt as a freeze.
 */
public final class EdtWatchdog {
    public static final long LIMIT_MS = Long.getLong("beacon.edt.limitMs", 200);
    private static final EdtWatchdog INSTANCE = new EdtWatchdog();

    private final AtomicLong worstMs = new AtomicLong();
    private final AtomicReference<String> worstAt = new AtomicReference<>("");
    private volatile boolean started;

    public static EdtWatchdog get() {
        INSTANCE.start();
        return INSTANCE;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread thread = new Thread(this::run, "edt-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (true) {
            long start = System.nanoTime();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            EventQueue.invokeLater(ran::countDown);
            String stack = null;
            try {
                if (!ran.await(150, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    stack = edtStack();
                    ran.await();
                }
            } catch (InterruptedException e) {
                return;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms > worstMs.get()) {
                worstMs.set(ms);
                worstAt.set(java.time.LocalTime.now() + (stack == null ? "" : "; EDT was in:\n" + stack));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String edtStack() {
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getName().startsWith("AWT-EventQueue")) {
                StringBuilder out = new StringBuilder();
                StackTraceElement[] frames = entry.getValue();
                for (int i = 0; i < Math.min(25, frames.length); i++) {
                    out.append("    at ").append(frames[i]).append('\n');
                }
                return out.toString();
            }
        }
        return "(no EDT)";
    }

    /** Forgets earlier stalls (window construction and class loading before the part measured). */
    public void reset() {
        worstMs.set(0);
    }

    public long worstMs() {
        return worstMs.get();
    }

    public String describe() {
        return "worst EDT stall " + worstMs.get() + " ms (at " + worstAt.get() + "), limit " + LIMIT_MS + " ms";
    }
}
