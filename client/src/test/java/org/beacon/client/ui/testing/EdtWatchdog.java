package org.beacon.client.ui.testing;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures how long the event dispatch thread stays busy without coming back for its next event:
 * a busy stretch runs from the moment {@code getNextEvent()} returns to the next call of it. That
 * is exactly what a user feels as a freeze (nothing repaints, nothing reacts), and, unlike timing
 * a posted no-op, it does not add up several short events that merely waited in the queue. A modal
 * dialog's loop asks for events inside a dispatch, so an open confirmation is not a stall. The
 * test robot's own waits for the X server ({@code Robot.waitForIdle}) are not counted.
 *
 * <p>Installed once per JVM (the EDT is one per JVM) by pushing a timing queue; a monitor thread
 * captures the EDT's stack when a stretch passes 150 ms, so a failure names what the EDT was doing.
 */
public final class EdtWatchdog {
    public static final long LIMIT_MS = Long.getLong("beacon.edt.limitMs", 200);
    private static final long CAPTURE_AFTER_NANOS = 150_000_000L;
    private static EdtWatchdog installed;

    private final AtomicLong worstMs = new AtomicLong();
    private final AtomicReference<String> worstAt = new AtomicReference<>("");
    /** When the current busy stretch began; 0 while the EDT waits for an event. */
    private volatile long busySince;
    private volatile String capturedStack;

    private EdtWatchdog() {
    }

    /** The JVM's watchdog, installed on first use. */
    public static synchronized EdtWatchdog get() {
        if (installed == null) {
            installed = new EdtWatchdog();
            Toolkit.getDefaultToolkit().getSystemEventQueue().push(installed.new TimingQueue());
            Thread monitor = new Thread(installed::monitor, "edt-watchdog");
            monitor.setDaemon(true);
            monitor.start();
        }
        return installed;
    }

    private final class TimingQueue extends EventQueue {
        @Override
        public AWTEvent getNextEvent() throws InterruptedException {
            stretchEnded();
            try {
                return super.getNextEvent();
            } finally {
                capturedStack = null;
                harnessSync = false;
                busySince = System.nanoTime();
            }
        }

        @Override
        protected void dispatchEvent(AWTEvent event) {
            if (event.getClass().getName().startsWith("sun.awt.SunToolkit$")) {
                // java.awt.Robot.waitForIdle() posts this to wait for the X server: test harness, not app work.
                harnessSync = true;
            }
            super.dispatchEvent(event);
        }
    }

    /** Set while the EDT runs the test robot's own sync with the display server. */
    private volatile boolean harnessSync;

    private void stretchEnded() {
        long since = busySince;
        busySince = 0;
        if (since == 0 || harnessSync) {
            return;
        }
        long ms = (System.nanoTime() - since) / 1_000_000;
        if (ms > worstMs.get()) {
            worstMs.set(ms);
            String stack = capturedStack;
            worstAt.set(java.time.LocalTime.now() + (stack == null ? "" : "; EDT was in:\n" + stack));
        }
    }

    private void monitor() {
        while (true) {
            long since = busySince;
            if (since != 0 && capturedStack == null && System.nanoTime() - since > CAPTURE_AFTER_NANOS) {
                capturedStack = edtStack();
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
