package org.beacon.server.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.beacon.protocol.ServerMessage;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;

/**
 * Durable state of one region: directory, settings, sessions, messages and delivery cursors.
 *
 * <p><b>Threads.</b> Every method returns at once; the work runs on the store's own threads and the
 * future completes there. Callers on a Netty event loop must never {@code join()} a future.
 *
 * <p><b>Order and durability.</b> Writes are applied in the order the methods were called, by one
 * writer, and committed in groups (many writes per transaction, one fsync). A write's future
 * completes only after the transaction holding it is durable, and futures complete in call order,
 * on one completion thread (not the writer, which goes on writing); a dependent action attached
 * with {@code thenAccept} (not {@code ...Async}) therefore runs in write order too. A write that
 * violates a rule (duplicate, unknown user) fails alone with a {@link StoreException}; the rest of
 * its group commits.
 *
 * <p>Kept small on purpose: a PostgreSQL implementation for a cluster is an addition, not a rewrite.
 */
public interface Store extends AutoCloseable {

    // ---- directory and region settings ------------------------------------------------------

    CompletableFuture<Directory> loadDirectory();

    CompletableFuture<RegionSettings> loadSettings();

    /**
     * Registers a listener called (on a store thread) soon after another process, such as the
     * admin CLI, commits a change to the database. The server reloads directory and settings then.
     */
    void onExternalChange(Runnable listener);

    /** Inserts or updates organizations, resources and users in one transaction. */
    CompletableFuture<Void> importDirectory(List<Organization> organizations, List<Resource> resources, List<User> users);

    /** Adds a new user; fails with {@link StoreException.Reason#DUPLICATE} if the username exists. */
    CompletableFuture<Void> addUser(User user);

    /**
     * Replaces a user's password hash and forgets the user's resume tokens (a reset password must
     * not leave an old session resumable); {@link StoreException.Reason#NOT_FOUND} for an unknown user.
     */
    CompletableFuture<Void> setPasswordHash(String username, String passwordHash);

    CompletableFuture<Void> grant(String username, String right);

    CompletableFuture<Void> revoke(String username, String right);

    CompletableFuture<Void> setImEnabled(boolean enabled);

    /**
     * Renames the region. A default so that existing implementations (test doubles) keep
     * compiling; a real store overrides it.
     */
    default CompletableFuture<Void> setRegionName(String regionName) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("setRegionName"));
    }

    /** Writes a consistent copy of the database to {@code target} (which must not exist) while serving. */
    CompletableFuture<Void> backup(Path target);

    CompletableFuture<StoreStats> stats();

    // ---- resume tokens ------------------------------------------------------------------------

    /**
     * Remembers a resume token by its SHA-256 digest (the token itself is never stored), so a
     * client can resume after a server restart. Replaces any row with the same digest.
     */
    CompletableFuture<Void> saveResumeToken(String tokenDigest, String username, Instant expiresAt);

    /**
     * Moves a stored token's expiry on to {@code expiresAt} (never back). A token that is no longer
     * stored (revoked meanwhile by a logout or a password reset) stays gone.
     */
    CompletableFuture<Void> renewResumeToken(String tokenDigest, Instant expiresAt);

    /** The username for a token digest that has not expired at {@code now}. */
    CompletableFuture<Optional<String>> findResumeToken(String tokenDigest, Instant now);

    /** Forgets a token (logout). Deleting an unknown digest is not an error. */
    CompletableFuture<Void> deleteResumeToken(String tokenDigest);

    // ---- sessions, messages, cursors ---------------------------------------------------------

    /** Stores a new session with its initial participants (cursor 0). */
    CompletableFuture<Void> insertSession(SessionRecord session);

    /**
     * Adds users to a session. A newcomer's cursor starts at the session's latest seq at the time
     * of the write (they read earlier messages with history); one who had left is back with their
     * cursor raised to at least that.
     */
    CompletableFuture<Void> addParticipants(String sessionId, List<String> usernames, Instant at);

    CompletableFuture<Void> markLeft(String sessionId, String username, Instant at);

    CompletableFuture<Void> markEnded(String sessionId, String endedBy, Instant at);

    /**
     * Appends a message to a session. If this sender already stored a message with this
     * {@code clientMsgId} in the session, nothing is written and that message is returned as a
     * duplicate; otherwise it gets the session's next seq (latest + 1) and is stored. Both are
     * decided by the writer inside the transaction, so a resend never uses up a seq: seqs have no
     * gaps. {@code sentAt} must be whole milliseconds.
     */
    CompletableFuture<AppendedMessage> appendMessage(String sessionId, String sender, String clientMsgId, String text,
            Instant sentAt);

    /**
     * Stores a message whose {@code seq} and {@code sent_at} the caller has already assigned
     * (imports, tests and seeding; the server appends with {@link #appendMessage}).
     * {@link StoreException.Reason#DUPLICATE} if (session, seq) or (session, sender, client_msg_id) exists.
     */
    CompletableFuture<Void> insertMessage(ServerMessage.Message message);

    /** Raises a participant's cursor to {@code seq}; never lowers it. */
    CompletableFuture<Void> advanceCursor(String sessionId, String username, long seq);

    /**
     * Raises several cursors in one write. A cursor of someone who is not a participant is skipped
     * (the caller checked membership; one stale entry must not fail the others).
     */
    CompletableFuture<Void> advanceCursors(List<CursorAdvance> advances);

    /** Every active session with its participants (current and past), their cursors and its latest seq. */
    CompletableFuture<List<SessionRecord>> loadActiveSessions();

    /** One session, active or ended. */
    CompletableFuture<Optional<SessionRecord>> loadSession(String sessionId);

    /** The stored message with this client id from this sender, if any (resend detection). */
    CompletableFuture<Optional<ServerMessage.Message>> findMessage(String sessionId, String sender, String clientMsgId);

    /** Up to {@code limit} messages with seq greater than {@code afterSeq}, ascending. */
    CompletableFuture<List<ServerMessage.Message>> messagesAfter(String sessionId, long afterSeq, int limit);

    /** Up to {@code limit} messages with seq less than {@code beforeSeq}, ascending (the newest such page). */
    CompletableFuture<List<ServerMessage.Message>> messagesBefore(String sessionId, long beforeSeq, int limit);

    /** Completes pending writes, then closes. Idempotent. */
    @Override
    void close();
}
