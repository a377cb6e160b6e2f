package org.beacon.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.beacon.client.net.ConnectionLostException;
import org.beacon.client.net.RequestFailedException;
import org.beacon.client.net.RequestTimeoutException;

/**
 * Failures by code: the server's error codes ({@code RATE_LIMITED}, {@code INTERNAL}, ...) and the
 * generator's own ({@code TIMEOUT}, {@code CONNECTION_LOST}, {@code RECONNECT}, {@code CLIENT}).
 */
public final class Errors {
    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();

    public void count(String code) {
        byCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Counts a failed request's cause under its code. */
    public void count(Throwable failure) {
        count(codeOf(failure));
    }

    public long total() {
        return byCode.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byCode.forEach((code, n) -> copy.put(code, n.sum()));
        return copy;
    }

    public static String codeOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof RequestFailedException)
                && !(cause instanceof RequestTimeoutException) && !(cause instanceof ConnectionLostException)) {
            cause = cause.getCause();
        }
        if (cause instanceof RequestFailedException failed) {
            return failed.code().name();
        }
        if (cause instanceof RequestTimeoutException) {
            return "TIMEOUT";
        }
        if (cause instanceof ConnectionLostException) {
            return "CONNECTION_LOST";
        }
        return "CLIENT";
    }
}
