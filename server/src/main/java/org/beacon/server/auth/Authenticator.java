package org.beacon.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs users in with a password or a resume token, and out. Password hashes are checked on the
 * {@code hashing} executor (slow on purpose), never on the caller's thread; resume tokens are looked
 * up in the store by digest. Every future completes on one of those threads, never on the caller's.
 *
 * <p>A wrong password, an unknown user and a user without a password all give {@link Outcome.Failed}
 * after the same amount of work. The {@link LoginThrottle} decides first whether to check at all.
 */
public final class Authenticator {

    /** How a sign-in attempt ended. */
    public sealed interface Outcome {
        /** Signed in; the token was stored (by digest) and is valid until {@code expiresAt}. */
        record SignedIn(User user, String token, String tokenDigest) implements Outcome {
            @Override
            public String toString() {
                return "SignedIn[" + user.username() + "]";
            }
        }

        /** Wrong username or password, or a token that is unknown or expired. */
        record Failed() implements Outcome {
        }

        /** Not checked: too many recent failures, or too many sign-ins waiting. Retry later. */
        record Limited(Duration retryAfter) implements Outcome {
        }
    }

    /** When every hashing thread is busy and the queue is full: come back in a moment. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final PasswordHasher hasher;
    private final Executor hashing;
    private final LoginThrottle throttle;
    private final ResumeTokens tokens;
    private final Store store;
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final Duration tokenLifetime;

    public Authenticator(PasswordHasher hasher, Executor hashing, LoginThrottle throttle, ResumeTokens tokens,
            Store store, Supplier<Directory> directory, Clock clock, Duration tokenLifetime) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.hashing = Objects.requireNonNull(hashing, "hashing");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    }

    /** Checks a password; on success issues and stores a new resume token. */
    public CompletableFuture<Outcome> login(String username, String password, String address) {
        Optional<Duration> wait = throttle.tryBegin(username, address);
        if (wait.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome.Limited(wait.get()));
        }
        CompletableFuture<Optional<User>> checked;
        try {
            checked = CompletableFuture.supplyAsync(() -> verify(username, password), hashing);
        } catch (RejectedExecutionException e) {
            throttle.cancelled(username, address);
            return CompletableFuture.completedFuture(new Outcome.Limited(BUSY_RETRY));
        }
        return checked.thenCompose(user -> {
            if (user.isEmpty()) {
                throttle.failed(username, address);
                return CompletableFuture.<Outcome>completedFuture(new Outcome.Failed());
            }
            throttle.succeeded(username, address);
            ResumeTokens.Issued issued = tokens.issue();
            return store.saveResumeToken(issued.digest(), user.get().username(), expiry())
                    .thenApply(v -> (Outcome) new Outcome.SignedIn(user.get(), issued.token(), issued.digest()));
        }).whenComplete((outcome, failure) -> {
            if (failure != null && checked.isCompletedExceptionally()) {
                throttle.cancelled(username, address);
            }
        });
    }

    /**
     * Signs in again with a token from an earlier login, and renews its expiry without waiting for
     * that write (see {@link #renew}).
     */
    public CompletableFuture<Outcome> resume(String token, String address) {
        if (!ResumeTokens.plausible(token)) {
            return CompletableFuture.completedFuture(new Outcome.Failed());
        }
        Optional<Duration> wait = throttle.tryBegin(null, address);
        if (wait.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome.Limited(wait.get()));
        }
        String digest = ResumeTokens.digest(token);
        CompletableFuture<Optional<String>> found = store.findResumeToken(digest, clock.instant());
        return found.thenCompose(username -> {
            Optional<User> user = username.flatMap(name -> directory.get().user(name));
            if (user.isEmpty()) {
                throttle.failed(null, address);
                return CompletableFuture.<Outcome>completedFuture(new Outcome.Failed());
            }
            throttle.succeeded(null, address);
            renew(digest, user.get().username());
            return CompletableFuture.<Outcome>completedFuture(new Outcome.SignedIn(user.get(), token, digest));
        }).whenComplete((outcome, failure) -> {
            if (failure != null && found.isCompletedExceptionally()) {
                throttle.cancelled(null, address);
            }
        });
    }

    /** Revokes a token (sign-out). */
    public CompletableFuture<Void> logout(String tokenDigest) {
        return store.deleteResumeToken(tokenDigest);
    }

    private Optional<User> verify(String username, String password) {
        char[] chars = password.toCharArray();
        try {
            Optional<User> user = directory.get().user(username);
            if (user.isEmpty() || user.get().passwordHash().isEmpty()) {
                hasher.verifyAgainstDummy(chars);
                return Optional.empty();
            }
            return hasher.verify(chars, user.get().passwordHash()) ? user : Optional.empty();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Moves a valid token's expiry on. The resume does not wait for the commit: the token is stored
     * and valid already, so a slow commit (the disk stalling, the writer busy) must not hold up a desk
     * coming back, and after a switch restart ten thousand come back at once. Should the server stop
     * before the write is durable, the token keeps its earlier expiry, still in the future, and the
     * desk's next resume renews it.
     */
    private void renew(String digest, String username) {
        store.renewResumeToken(digest, expiry()).whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("Could not renew a resume token of {}: {}", username, failure.toString());
            }
        });
    }

    private Instant expiry() {
        return clock.instant().plus(tokenLifetime);
    }
}
