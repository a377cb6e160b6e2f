package org.beacon.server.im;

import static org.beacon.protocol.ErrorCode.BAD_REQUEST;
import static org.beacon.protocol.ErrorCode.FORBIDDEN;
import static org.beacon.protocol.ErrorCode.INTERNAL;
import static org.beacon.protocol.ErrorCode.NOT_FOUND;
import static org.beacon.protocol.ErrorCode.RATE_LIMITED;
import static org.beacon.protocol.ErrorCode.SESSION_ENDED;
import static org.beacon.protocol.ErrorCode.TOO_LARGE;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ProtocolException;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.model.Rights;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;
import org.beacon.protocol.model.SessionStatus;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.protocol.reply.SessionResult;
import org.beacon.protocol.reply.SessionsResult;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.store.SessionRecord;
import org.beacon.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IM sessions and guaranteed delivery.
 *
 * <p><b>How order and durability are kept.</b> The {@link Sequencer} owns every active session's
 * state ({@link SessionBook}): its tasks run one at a time, in order, on the threads that submit
 * them (the connections' event loops, the store's completion thread). They check membership and
 * rights, stamp {@code sent_at} (never earlier than the session's previous message) and hand the
 * append to the {@link Store}, whose single writer applies writes in the same order and, inside
 * the transaction, recognises a resend by its {@code client_msg_id} or else assigns the next
 * {@code seq}. Only when a write is durable does its future complete (in order, on the store's
 * completion thread); then the sender gets its {@code ok} and the participants their
 * {@code message}. A resend is answered with the original seq and uses none, so seqs have no gaps.
 *
 * <p>Every method returns at once; failures complete the future with a {@link ProtocolException}
 * (possibly wrapped in a {@link CompletionException}) whose code is the reply's.
 */
public final class ImService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImService.class);
    static final int DEFAULT_HISTORY_LIMIT = 50;

    private final Store store;
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final ImLimits limits;
    private final Delivery delivery;
    private final SendRateLimiter rateLimiter;
    private final SessionBook book = new SessionBook();
    private final Sequencer sequencer = new Sequencer();
    private final CursorWrites cursorWrites;

    public ImService(Store store, OnlineUsers online, Supplier<Directory> directory, ProtocolJson json, Clock clock,
            ImLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.delivery = new Delivery(online, store, json);
        this.rateLimiter = new SendRateLimiter(limits.sendsPerSecond(), limits.sendBurst(), clock);
        this.cursorWrites = new CursorWrites(store, sequencer);
    }

    /** Loads the active sessions; call once and wait before serving requests. */
    public CompletableFuture<Void> start() {
        return store.loadActiveSessions().thenAcceptAsync(records -> {
            records.forEach(r -> book.add(LiveSession.of(r)));
            log.info("IM service ready: {} active sessions", records.size());
        }, sequencer);
    }

    // ---- starting sessions ---------------------------------------------------------------------

    public CompletableFuture<SessionResult> startPrivate(String me, String with) {
        return onSequencer(() -> {
            requireInitiator(me);
            if (me.equals(with)) {
                throw new ProtocolException(BAD_REQUEST, "You cannot start a chat with yourself.");
            }
            requireKnown(List.of(with));
            Optional<LiveSession> existing = book.privateChat(me, with);
            if (existing.isPresent()) {
                return rejoin(existing.get(), me, List.of(me, with));
            }
            return create(SessionKind.PRIVATE, me, List.of(me, with), null, null);
        });
    }

    public CompletableFuture<SessionResult> startConference(String me, List<String> participants, String title,
            String resourceId) {
        return onSequencer(() -> {
            requireInitiator(me);
            Set<String> everyone = new LinkedHashSet<>();
            everyone.add(me);
            everyone.addAll(participants);
            if (everyone.size() < 2) {
                throw new ProtocolException(BAD_REQUEST, "Choose at least one participant.");
            }
            if (everyone.size() > limits.maxParticipants()) {
                throw new ProtocolException(BAD_REQUEST,
                        "A conference takes at most " + limits.maxParticipants() + " participants.");
            }
            requireKnown(everyone);
            if (resourceId != null && directory.get().resource(resourceId).isEmpty()) {
                throw new ProtocolException(NOT_FOUND, "No resource \"" + resourceId + "\".");
            }
            return create(SessionKind.CONFERENCE, me, List.copyOf(everyone), cleanTitle(title), resourceId);
        });
    }

    public CompletableFuture<SessionResult> invite(String me, String sessionId, List<String> usernames) {
        return onSequencer(() -> withPresent(me, sessionId, session -> {
            if (session.kind != SessionKind.CONFERENCE) {
                throw new ProtocolException(BAD_REQUEST,
                        "A private chat cannot take more participants; start a conference instead.");
            }
            if (!session.initiator.equals(me)) {
                throw new ProtocolException(FORBIDDEN, "Only the initiator can invite participants.");
            }
            if (usernames.isEmpty()) {
                throw new ProtocolException(BAD_REQUEST, "Choose at least one user to invite.");
            }
            requireKnown(usernames);
            List<String> newcomers = new ArrayList<>();
            for (String username : new LinkedHashSet<>(usernames)) {
                if (!session.isPresent(username)) {
                    newcomers.add(username);
                }
            }
            if (session.present().size() + newcomers.size() > limits.maxParticipants()) {
                throw new ProtocolException(BAD_REQUEST,
                        "A conference takes at most " + limits.maxParticipants() + " participants.");
            }
            return join(session, me, newcomers);
        }));
    }

    // ---- messages --------------------------------------------------------------------------------

    /** Stores a message and, once it is durable, pushes it to the participants' other connections. */
    public CompletableFuture<SendResult> send(ImConnection origin, String sessionId, String clientMsgId, String text) {
        String me = origin.username();
        try {
            checkClientMsgId(clientMsgId);
            String body = checkText(text);
            long waitMs = rateLimiter.tryAcquire(me);
            if (waitMs > 0) {
                throw new ProtocolException(RATE_LIMITED, null,
                        "You are sending too fast; wait a moment and send again.", waitMs);
            }
            return onSequencer(() -> withPresent(me, sessionId, session -> append(origin, session, clientMsgId, body)));
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Raises my cursor in a session to {@code seq} (clamped to the latest stored message). */
    public CompletableFuture<Void> ack(String me, String sessionId, long seq) {
        if (seq < 0) {
            return CompletableFuture.failedFuture(new ProtocolException(BAD_REQUEST, "seq must not be negative."));
        }
        return onSequencer(() -> {
            Optional<LiveSession> live = book.get(sessionId);
            if (live.isPresent() && live.get().wasEverIn(me)) {
                LiveSession session = live.get();
                long target = Math.min(seq, session.committedSeq());
                if (target <= session.cursor(me)) {
                    return CompletableFuture.completedFuture(null);
                }
                session.advanceCursor(me, target);
                return cursorWrites.advance(sessionId, me, target);
            }
            return requireMemberOfStored(me, sessionId).thenApply(record -> null);
        });
    }

    /** A page of the transcript, oldest first, for any session I am or was in (ended ones too). */
    public CompletableFuture<HistoryResult> history(String me, String sessionId, Long beforeSeq, Integer limit) {
        int pageSize = limit == null ? DEFAULT_HISTORY_LIMIT : limit;
        if (pageSize < 1 || pageSize > Protocol.MAX_HISTORY_LIMIT) {
            return CompletableFuture.failedFuture(new ProtocolException(BAD_REQUEST,
                    "limit must be between 1 and " + Protocol.MAX_HISTORY_LIMIT + "."));
        }
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return onSequencer(() -> {
            Optional<LiveSession> live = book.get(sessionId);
            CompletableFuture<?> member = live.isPresent() && live.get().wasEverIn(me)
                    ? CompletableFuture.completedFuture(null)
                    : requireMemberOfStored(me, sessionId);
            return member.thenCompose(ok -> store.messagesBefore(sessionId, before, pageSize + 1))
                    .thenApply(page -> page.size() > pageSize
                            ? new HistoryResult(page.subList(1, page.size()), true)
                            : new HistoryResult(page, false));
        });
    }

    /** My active sessions with my cursor and the latest stored seq in each. */
    public CompletableFuture<SessionsResult> sessions(String me) {
        return onSequencer(() -> {
            List<SessionStatus> out = new ArrayList<>();
            for (LiveSession session : book.sessionsOf(me)) {
                out.add(new SessionStatus(session.info(), session.cursor(me), session.committedSeq()));
            }
            return CompletableFuture.completedFuture(new SessionsResult(out));
        });
    }

    // ---- leaving and ending ----------------------------------------------------------------------

    public CompletableFuture<Void> leave(String me, String sessionId) {
        return onSequencer(() -> withPresent(me, sessionId, session -> {
            Instant at = now();
            List<String> before = session.present();
            session.leave(me);
            book.left(session, me);
            if (session.present().isEmpty()) {
                book.remove(session);
                return store.markLeft(sessionId, me, at)
                        .thenCompose(v -> store.markEnded(sessionId, me, at))
                        .thenAccept(v -> delivery.toUsers(before,
                                new ServerMessage.SessionEnded(sessionId, me, at)));
            }
            return store.markLeft(sessionId, me, at).thenAccept(v ->
                    delivery.toUsers(before, new ServerMessage.ParticipantLeft(sessionId, me, at)));
        }));
    }

    /** Ends a session for everyone (initiator only); the record and transcript are kept. */
    public CompletableFuture<Void> end(String me, String sessionId) {
        return onSequencer(() -> withPresent(me, sessionId, session -> {
            if (!session.initiator.equals(me)) {
                throw new ProtocolException(FORBIDDEN, "Only the initiator can end this session; you can leave it.");
            }
            Instant at = now();
            List<String> participants = session.present();
            book.remove(session);
            return store.markEnded(sessionId, me, at).thenAccept(v ->
                    delivery.toUsers(participants, new ServerMessage.SessionEnded(sessionId, me, at)));
        }));
    }

    // ---- connections -----------------------------------------------------------------------------

    /**
     * A connection signed in. Call before it becomes visible in {@link OnlineUsers}: live messages
     * are held for it until {@link #catchUp} has written its backlog.
     */
    public void signingIn(ImConnection connection) {
        delivery.beginCatchUp(connection);
    }

    /**
     * Writes, for each active session the user is in, {@code session_opened} and every message
     * after their cursor, then releases the live stream. Call once the connection is visible.
     */
    public CompletableFuture<Void> catchUp(ImConnection connection) {
        return onSequencer(() -> {
            List<Delivery.Backlog> backlogs = new ArrayList<>();
            for (LiveSession session : book.sessionsOf(connection.username())) {
                // The backlog ends at the committed seq read here. A message at or below it has had
                // its live fan-out already (same lock as in append): before this connection was
                // visible, so the backlog carries it, or held behind the catch-up, which drops it
                // as sent. One above it is fanned out later, live, and the backlog stops short of it.
                long upTo;
                synchronized (session) {
                    upTo = session.committedSeq();
                }
                backlogs.add(new Delivery.Backlog(new ServerMessage.SessionOpened(session.info()),
                        session.cursor(connection.username()), upTo));
            }
            return delivery.catchUp(connection, backlogs);
        });
    }

    /** Ends a connection's catch-up without a backlog (IM is switched off; see {@code imSwitched}). */
    public void skipCatchUp(ImConnection connection) {
        delivery.catchUp(connection, List.of());
    }

    /** A connection closed or signed out. */
    public void signedOut(ImConnection connection) {
        delivery.closed(connection);
    }

    @Override
    public void close() {
        sequencer.close();
    }

    // ---- on the sequencer ------------------------------------------------------------------------

    private CompletableFuture<SessionResult> create(SessionKind kind, String initiator, List<String> participants,
            String title, String resourceId) {
        Instant at = now();
        String sessionId = UUID.randomUUID().toString();
        List<SessionRecord.ParticipantRecord> records = new ArrayList<>();
        for (String username : participants) {
            records.add(new SessionRecord.ParticipantRecord(username, at, null, 0));
        }
        SessionRecord record = new SessionRecord(sessionId, kind, title, initiator, resourceId, at, null, null,
                records, 0);
        LiveSession session = LiveSession.of(record);
        book.add(session);
        SessionInfo info = session.info();
        return store.insertSession(record).handle((v, failure) -> {
            if (failure != null) {
                sequencer.execute(() -> book.remove(session));
                throw new CompletionException(unwrap(failure));
            }
            delivery.toUsers(participants, new ServerMessage.SessionOpened(info));
            return new SessionResult(info);
        });
    }

    /** Puts users back into an existing session (a private chat restarted after one side left). */
    private CompletableFuture<SessionResult> rejoin(LiveSession session, String me, List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String username : wanted) {
            if (!session.isPresent(username)) {
                missing.add(username);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(new SessionResult(session.info()));
        }
        return join(session, me, missing);
    }

    private CompletableFuture<SessionResult> join(LiveSession session, String invitedBy, List<String> newcomers) {
        if (newcomers.isEmpty()) {
            return CompletableFuture.completedFuture(new SessionResult(session.info()));
        }
        Instant at = now();
        List<String> already = session.present();
        for (String username : newcomers) {
            session.join(username);
            book.joined(session, username);
        }
        SessionInfo info = session.info();
        // The store starts a newcomer's cursor at the latest seq when the write is applied: they
        // read what came before with history and get live messages from then on.
        CompletableFuture<Void> stored = store.addParticipants(session.sessionId, newcomers, at).thenRun(() -> {
            long latest = session.committedSeq();
            sequencer.execute(() -> newcomers.forEach(u -> session.advanceCursor(u, latest)));
        });
        return stored.thenApply(v -> {
            for (String username : newcomers) {
                delivery.toUsers(already, new ServerMessage.ParticipantJoined(session.sessionId, username, invitedBy, at));
            }
            delivery.toUsers(newcomers, new ServerMessage.SessionOpened(info));
            return new SessionResult(info);
        });
    }

    private CompletableFuture<SendResult> append(ImConnection origin, LiveSession session, String clientMsgId,
            String text) {
        List<String> recipients = session.present();
        return store.appendMessage(session.sessionId, origin.username(), clientMsgId, text, session.stamp(now()))
                .handle((appended, failure) -> {
                    if (failure != null) {
                        log.error("storing a message in session {} failed", session.sessionId, unwrap(failure));
                        throw new ProtocolException(INTERNAL, "The message could not be stored; send it again.");
                    }
                    ServerMessage.Message message = appended.message();
                    if (!appended.duplicate()) {
                        // Atomic with catchUp's read of committedSeq: whoever sees this seq as
                        // committed knows its live fan-out is done (see catchUp).
                        synchronized (session) {
                            session.committed(message.seq());
                            delivery.message(message, recipients, origin);
                        }
                    }
                    return new SendResult(message.seq(), message.sentAt(), appended.duplicate());
                });
    }

    private interface SessionAction<T> {
        CompletableFuture<T> apply(LiveSession session);
    }

    /** Runs the action if I am in the active session; else the answer that does not leak existence. */
    private <T> CompletableFuture<T> withPresent(String me, String sessionId, SessionAction<T> action) {
        Optional<LiveSession> live = book.get(sessionId);
        if (live.isPresent() && live.get().isPresent(me)) {
            return action.apply(live.get());
        }
        if (live.isPresent() && live.get().wasEverIn(me)) {
            throw new ProtocolException(FORBIDDEN, "You left this session.");
        }
        return requireMemberOfStored(me, sessionId).thenApply(record -> {
            throw new ProtocolException(SESSION_ENDED, "This session has ended.");
        });
    }

    /** The stored session if I was ever in it; else NOT_FOUND, as if it did not exist. */
    private CompletableFuture<SessionRecord> requireMemberOfStored(String me, String sessionId) {
        return store.loadSession(sessionId).thenApply(found -> found
                .filter(r -> r.participants().stream().anyMatch(p -> p.username().equals(me)))
                .orElseThrow(() -> new ProtocolException(NOT_FOUND, "No such session.")));
    }

    private void requireInitiator(String me) {
        Optional<User> user = directory.get().user(me);
        if (user.isEmpty() || !user.get().has(Rights.INITIATE_IM)) {
            throw new ProtocolException(FORBIDDEN, "You do not have the right to start IM sessions.");
        }
    }

    private void requireKnown(Iterable<String> usernames) {
        Directory dir = directory.get();
        List<String> unknown = new ArrayList<>();
        for (String username : usernames) {
            if (dir.user(username).isEmpty()) {
                unknown.add(username);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProtocolException(NOT_FOUND, (unknown.size() == 1 ? "No user " : "No users ")
                    + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList()) + ".");
        }
    }

    private String cleanTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String clean = title.strip();
        if (clean.length() > limits.maxTitleChars()) {
            throw new ProtocolException(BAD_REQUEST, "The title is longer than " + limits.maxTitleChars() + " characters.");
        }
        return clean;
    }

    private static void checkClientMsgId(String clientMsgId) {
        if (clientMsgId.isEmpty() || clientMsgId.length() > Protocol.MAX_CLIENT_MSG_ID_CHARS) {
            throw new ProtocolException(BAD_REQUEST,
                    "client_msg_id must be 1 to " + Protocol.MAX_CLIENT_MSG_ID_CHARS + " characters.");
        }
    }

    private static String checkText(String text) {
        String body = text.strip();
        if (body.isEmpty()) {
            throw new ProtocolException(BAD_REQUEST, "The message is empty.");
        }
        if (body.length() > Protocol.MAX_TEXT_CHARS) {
            throw new ProtocolException(TOO_LARGE, "The message has " + body.length()
                    + " characters; the limit is " + Protocol.MAX_TEXT_CHARS + ".");
        }
        return body;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> CompletableFuture<T> onSequencer(Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(work, sequencer).thenCompose(f -> f);
    }

    /** The cause inside CompletionException/ExecutionException wrappers. */
    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
