package org.beacon.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing. Failed sign-ins are counted per username and per remote address
 * within a sliding {@link Settings#window()}; once a key reaches its threshold, it is blocked for
 * {@code baseDelay × 2^(failures − threshold)}, capped at {@code maxDelay}. A blocked attempt is
 * answered {@code RATE_LIMITED} without checking the password, and does not count as a failure
 * (so an attacker cannot keep a victim locked out for longer than {@code maxDelay} at a time).
 * A success clears the account's count; the address count stays until the window passes.
 *
 * <p>Unknown usernames are counted exactly like known ones: otherwise the answer would tell them
 * apart. The table is bounded: past {@link Settings#maxEntries()} expired entries are swept and, if
 * that is not enough, the oldest are dropped.
 *
 * <p>Thread-safe (synchronized; sign-ins are rare compared with messages).
 */
public final class LoginThrottle {

    /**
     * @param accountFailures failures for one username before it is slowed down
     * @param addressFailures failures from one remote address before it is slowed down
     * @param window          failures older than this (counted from the latest) are forgotten
     * @param baseDelay       first block
     * @param maxDelay        longest block
     * @param maxEntries      most keys remembered
     */
    public record Settings(int accountFailures, int addressFailures, Duration window, Duration baseDelay,
            Duration maxDelay, int maxEntries) {
        public Settings {
            if (accountFailures < 1 || addressFailures < 1 || maxEntries < 2) {
                throw new IllegalArgumentException("thresholds must be positive: " + accountFailures + ", "
                        + addressFailures + ", " + maxEntries);
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
            }
        }

        /** 5 failures per account, 20 per address, in 15 minutes; blocks of 1 s doubling up to 5 minutes. */
        public static Settings defaults() {
            return new Settings(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(5), 100_000);
        }
    }

    private static final class Entry {
        int failures;
        int inFlight;
        Instant lastFailure;
        Instant blockedUntil = Instant.MIN;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks to check a password now. Empty means go ahead: the attempt is then in flight and must be
     * ended with exactly one of {@link #failed}, {@link #succeeded} or {@link #cancelled}. Otherwise
     * the answer is how long to wait. Attempts in flight count towards the threshold, so that many
     * guesses sent at once cannot all pass before the first failure is counted.
     *
     * <p>Either key may be {@code null}: a resume is only counted per address.
     */
    public synchronized Optional<Duration> tryBegin(String username, String address) {
        Instant now = clock.instant();
        String[] keys = keys(username, address);
        Duration wait = Duration.ZERO;
        for (int i = 0; i < keys.length; i++) {
            Entry entry = live(keys[i], now);
            if (entry == null) {
                continue;
            }
            Duration left = entry.blockedUntil.isAfter(now) ? Duration.between(now, entry.blockedUntil)
                    : entry.inFlight > 0 && entry.failures + entry.inFlight >= threshold(i) ? settings.baseDelay()
                    : Duration.ZERO;
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        if (entries.size() >= settings.maxEntries()) {
            makeRoom(now);
        }
        for (String key : keys) {
            if (key != null) {
                entries.computeIfAbsent(key, k -> new Entry()).inFlight++;
            }
        }
        return Optional.empty();
    }

    /** The attempt begun with these keys failed: counted against both. */
    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        String[] keys = keys(username, address);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                continue;
            }
            Entry entry = entries.computeIfAbsent(keys[i], k -> new Entry());
            entry.inFlight = Math.max(0, entry.inFlight - 1);
            entry.failures++;
            entry.lastFailure = now;
            if (entry.failures >= threshold(i)) {
                entry.blockedUntil = now.plus(delay(entry.failures - threshold(i)));
            }
        }
    }

    /** The attempt succeeded: the account's failures are forgotten; the address keeps its count. */
    public synchronized void succeeded(String username, String address) {
        String[] keys = keys(username, address);
        end(keys[1]);
        Entry account = keys[0] == null ? null : entries.get(keys[0]);
        if (account != null) {
            account.failures = 0;
            account.blockedUntil = Instant.MIN;
            end(keys[0]);
        }
    }

    /** The attempt could not be judged (e.g. the server failed): not counted either way. */
    public synchronized void cancelled(String username, String address) {
        for (String key : keys(username, address)) {
            end(key);
        }
    }

    /** Keys remembered now (for tests and stats). */
    public synchronized int size() {
        return entries.size();
    }

    private Entry end(String key) {
        Entry entry = key == null ? null : entries.get(key);
        if (entry != null) {
            entry.inFlight = Math.max(0, entry.inFlight - 1);
            if (entry.inFlight == 0 && entry.failures == 0) {
                entries.remove(key);
            }
        }
        return entry;
    }

    private int threshold(int keyIndex) {
        return keyIndex == 0 ? settings.accountFailures() : settings.addressFailures();
    }

    private Duration delay(int over) {
        Duration delay = settings.baseDelay();
        for (int i = 0; i < over && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** The entry for key unless its window has passed (then it is dropped). */
    private Entry live(String key, Instant now) {
        if (key == null) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry != null && expired(entry, now)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.inFlight == 0 && !entry.blockedUntil.isAfter(now)
                && (entry.lastFailure == null || entry.lastFailure.plus(settings.window()).isBefore(now));
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> expired(e, now));
        if (entries.size() >= settings.maxEntries()) {
            Instant cutoff = entries.values().stream().filter(e -> e.lastFailure != null).map(e -> e.lastFailure)
                    .sorted().skip(entries.size() / 2).findFirst().orElse(now);
            entries.values().removeIf(e -> e.inFlight == 0 && e.lastFailure != null && e.lastFailure.isBefore(cutoff));
        }
    }

    private static String[] keys(String username, String address) {
        return new String[] {
            username == null ? null : accountKey(username),
            address == null ? null : "a:" + address,
        };
    }

    private static String accountKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }
}
