package org.beacon.client.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.beacon.client.net.Connection;
import org.beacon.client.net.ConnectionListener;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionStatus;
import org.beacon.protocol.model.UserProfile;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.PresenceResult;
import org.beacon.protocol.reply.SessionsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's state, fed by a {@link Connection}: me, whether IM is on, presence, my sessions,
 * and per session a transcript deduplicated and ordered by seq with my pending messages.
 *
 * <p>Delivery: a message whose seq is already held is dropped; a view says what it showed with
 * {@link #markShown}, which advances the server's cursor through coalesced acks (or, with
 * {@link Options#autoAck()}, every message is acked once the seqs before it are all here).
 * After each sign-in or resume the model asks for {@code sessions} to learn cursors and unread
 * counts, and marks sessions that ended meanwhile as ended.
 *
 * <p>Threads: state changes under this object's lock on the connection's event loop; listeners
 * hear of them through the executor given (the one thread hop); getters return snapshots.
 */
public final class ClientModel {
    private static final Logger log = LoggerFactory.getLogger(ClientModel.class);

    /** Told of every change, on the model's executor. */
    public interface Listener {
        void onModelEvent(ModelEvent event);
    }

    /**
     * @param autoAck    ack every message as soon as it is held (headless: load generator, tests);
     *                   views leave it off and call {@link #markShown}
     * @param windowSize messages kept in memory per session (older ones are loaded on demand)
     */
    public record Options(boolean autoAck, int windowSize) {
        public Options {
            if (windowSize < 1) {
                throw new IllegalArgumentException("windowSize < 1: " + windowSize);
            }
        }

        public static Options forViews() {
            return new Options(false, 2_000);
        }

        public static Options headless() {
            return new Options(true, 200);
        }
    }

    private static final class SessionState {
        SessionInfo info;
        long latestSeq;
        long shownSeq;
        final Transcript transcript;

        SessionState(int windowSize) {
            transcript = new Transcript(windowSize);
        }

        SessionSummary summary() {
            return info == null ? null : new SessionSummary(info, latestSeq, shownSeq);
        }
    }

    private final Connection connection;
    private final Executor executor;
    private final Options options;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private UserProfile me;
    private boolean imEnabled;
    private final Map<String, Boolean> presence = new HashMap<>();
    private final Set<String> presenceSubscribed = new HashSet<>();
    private boolean resubscribe;
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();

    public ClientModel(Connection connection, Executor executor, Options options) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.options = Objects.requireNonNull(options, "options");
        connection.addListener(new ConnectionListener() {
            @Override
            public void onStateChanged(ConnectionState state) {
                fire(List.of(new ModelEvent.ConnectionStateChanged(state)));
                if (state.isSignedIn()) {
                    afterSignIn();
                }
            }

            @Override
            public void onSignedIn(LoginResult result, boolean resumed) {
                signedIn(result, resumed);
            }

            @Override
            public void onEvent(ServerMessage.Event event) {
                apply(event);
            }
        });
        connection.outbox().addListener(this::outboxChanged);
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public Connection connection() {
        return connection;
    }

    // ---------------------------------------------------------------- reading

    /** My profile, or {@code null} before the first sign-in. */
    public synchronized UserProfile me() {
        return me;
    }

    /** My time zone for time stamps: the profile's, else the system's. */
    public synchronized ZoneId zone() {
        if (me != null && me.timeZone() != null) {
            try {
                return ZoneId.of(me.timeZone());
            } catch (java.time.DateTimeException e) {
                log.warn("unknown time zone {} in profile; using the system's", me.timeZone());
            }
        }
        return ZoneId.systemDefault();
    }

    public synchronized boolean imEnabled() {
        return imEnabled;
    }

    /** Whether the user is online, if known (subscribed). */
    public synchronized Optional<Boolean> online(String username) {
        return Optional.ofNullable(presence.get(username));
    }

    public synchronized Map<String, Boolean> presence() {
        return Map.copyOf(presence);
    }

    /**
     * My sessions whose details are known, in the order first seen: active and ended (a session I
     * left counts as ended here).
     */
    public synchronized List<SessionSummary> sessions() {
        List<SessionSummary> all = new ArrayList<>();
        for (SessionState state : sessions.values()) {
            SessionSummary summary = state.summary();
            if (summary != null) {
                all.add(summary);
            }
        }
        return all;
    }

    public synchronized Optional<SessionSummary> session(String sessionId) {
        SessionState state = sessions.get(sessionId);
        return Optional.ofNullable(state == null ? null : state.summary());
    }

    /** The session's messages in memory and my pending ones. */
    public synchronized TranscriptView transcript(String sessionId) {
        SessionState state = sessions.get(sessionId);
        return state == null ? new TranscriptView(List.of(), List.of(), false) : state.transcript.view();
    }

    // ---------------------------------------------------------------- acting

    /** Signs in with the password (see {@link Connection#login}). */
    public CompletableFuture<LoginResult> signIn(String username, String password) {
        return connection.login(username, password);
    }

    /**
     * Queues a message: it shows as pending at once (an {@code OutboxChanged} event) and is sent,
     * and resent after drops, until the server stores it.
     */
    public OutgoingMessage send(String sessionId, String text) {
        return connection.outbox().submit(sessionId, text);
    }

    /** A view showed the session up to {@code seq}: unread drops, and the server's cursor follows (coalesced). */
    public void markShown(String sessionId, long seq) {
        List<ModelEvent> events = new ArrayList<>();
        synchronized (this) {
            SessionState state = sessions.get(sessionId);
            if (state == null || seq <= state.shownSeq) {
                return;
            }
            state.shownSeq = seq;
            state.latestSeq = Math.max(state.latestSeq, seq);
            addUpdated(events, state);
        }
        connection.ackUpTo(sessionId, seq);
        fire(events);
    }

    /**
     * Loads up to {@code limit} messages before the oldest held into the transcript (they stay
     * until {@link #trimToRecent}). Completes with the page, oldest first.
     */
    public CompletableFuture<List<ServerMessage.Message>> loadOlder(String sessionId, int limit) {
        Long before;
        synchronized (this) {
            before = state(sessionId).transcript.lowestSeq();
        }
        return connection.history(sessionId, before, limit).thenApply(page -> {
            int added;
            synchronized (this) {
                added = state(sessionId).transcript.addOlder(page.messages(), page.hasMore());
            }
            fire(List.of(new ModelEvent.OlderMessagesLoaded(sessionId, added)));
            return page.messages();
        });
    }

    /** Drops older pages from memory, back to the recent window. */
    public synchronized void trimToRecent(String sessionId) {
        SessionState state = sessions.get(sessionId);
        if (state != null) {
            state.transcript.trim();
        }
    }

    /** Starts following these users' presence (kept across reconnects). */
    public CompletableFuture<PresenceResult> subscribePresence(List<String> usernames) {
        synchronized (this) {
            presenceSubscribed.addAll(usernames);
        }
        return connection.subscribePresence(usernames).thenApply(result -> {
            applyPresence(result);
            return result;
        });
    }

    /**
     * Stops following these users' presence: they are not subscribed again after a reconnect, and
     * {@link #online} no longer claims to know about them (a stale "online" would be shown green).
     */
    public CompletableFuture<Void> unsubscribePresence(List<String> usernames) {
        synchronized (this) {
            presenceSubscribed.removeAll(usernames);
            presence.keySet().removeAll(usernames);
        }
        return connection.unsubscribePresence(usernames);
    }

    /** Removes a failed message from its transcript once the user has seen why. */
    public void discardFailed(OutgoingMessage failed) {
        synchronized (this) {
            SessionState state = sessions.get(failed.sessionId());
            if (state != null) {
                state.transcript.removePending(failed.clientMsgId());
            }
        }
    }

    // ---------------------------------------------------------------- updates (event loop)

    private void signedIn(LoginResult result, boolean resumed) {
        synchronized (this) {
            me = result.user();
            imEnabled = result.imEnabled();
            resubscribe = resumed;
        }
        fire(List.of(new ModelEvent.SignedIn(result.user(), result.imEnabled(), resumed)));
    }

    /** Signed in (requests now go through): learn cursors and unread counts, follow presence again. */
    private void afterSignIn() {
        List<String> subscribed;
        synchronized (this) {
            subscribed = resubscribe ? List.copyOf(presenceSubscribed) : List.of();
            resubscribe = false;
        }
        connection.sessions().whenComplete((reply, error) -> {
            if (error == null) {
                applySessions(reply);
            } else {
                log.warn("sessions after sign-in failed: {}", error.toString());
            }
        });
        if (!subscribed.isEmpty()) {
            connection.subscribePresence(subscribed).thenAccept(this::applyPresence);
        }
    }

    private void apply(ServerMessage.Event event) {
        List<ModelEvent> events = new ArrayList<>();
        long ack = 0;
        String ackSession = null;
        synchronized (this) {
            if (event instanceof ServerMessage.Message message) {
                SessionState state = state(message.sessionId());
                boolean mine = me != null && me.username().equals(message.sender());
                if (state.transcript.add(message)) {
                    state.latestSeq = Math.max(state.latestSeq, message.seq());
                    events.add(new ModelEvent.MessageReceived(message.sessionId(), message, mine));
                    ack = autoShown(state, mine);
                    ackSession = message.sessionId();
                    addUpdated(events, state);
                }
            } else if (event instanceof ServerMessage.SessionOpened opened) {
                SessionState state = state(opened.session().sessionId());
                boolean known = state.info != null;
                state.info = opened.session();
                events.add(known ? new ModelEvent.SessionUpdated(state.summary())
                        : new ModelEvent.SessionOpened(state.summary()));
            } else if (event instanceof ServerMessage.ParticipantJoined joined) {
                updateParticipants(events, joined.sessionId(), joined.username(), true);
            } else if (event instanceof ServerMessage.ParticipantLeft left) {
                if (isMine(left.username())) {
                    leftByMe(events, left);
                } else {
                    updateParticipants(events, left.sessionId(), left.username(), false);
                }
            } else if (event instanceof ServerMessage.SessionEnded ended) {
                SessionState state = state(ended.sessionId());
                if (state.info != null && state.info.active()) {
                    state.info = withActive(state.info, false, ended.endedAt());
                    events.add(new ModelEvent.SessionEnded(state.summary(), ended.endedBy()));
                }
            } else if (event instanceof ServerMessage.Presence change) {
                if (!Objects.equals(presence.put(change.username(), change.online()), change.online())) {
                    events.add(new ModelEvent.PresenceChanged(change.username(), change.online()));
                }
            } else if (event instanceof ServerMessage.ImSwitched switched) {
                if (imEnabled != switched.enabled()) {
                    imEnabled = switched.enabled();
                    events.add(new ModelEvent.ImSwitched(switched.enabled()));
                }
            } else {
                throw new IllegalStateException("unknown event " + event);
            }
        }
        if (ack > 0) {
            connection.ackUpTo(ackSession, ack);
        }
        fire(events);
    }

    private void outboxChanged(OutgoingMessage message) {
        List<ModelEvent> events = new ArrayList<>();
        long ack = 0;
        synchronized (this) {
            SessionState state = state(message.sessionId());
            if (message.status() == OutgoingMessage.Status.SENT) {
                state.transcript.removePending(message.clientMsgId());
                ServerMessage.Message stored = new ServerMessage.Message(message.sessionId(), message.seq(),
                        me == null ? "" : me.username(), message.text(), message.sentAt(), message.clientMsgId());
                if (state.transcript.add(stored)) {
                    state.latestSeq = Math.max(state.latestSeq, stored.seq());
                    events.add(new ModelEvent.MessageReceived(message.sessionId(), stored, true));
                    ack = autoShown(state, true);
                }
            } else {
                state.transcript.putPending(message);
            }
            events.add(new ModelEvent.OutboxChanged(message));
        }
        if (ack > 0) {
            connection.ackUpTo(message.sessionId(), ack);
        }
        fire(events);
    }

    private void applySessions(SessionsResult reply) {
        List<ModelEvent> events = new ArrayList<>();
        Map<String, Long> acks = new LinkedHashMap<>();
        Map<String, Long> endedMeanwhile = new LinkedHashMap<>();
        synchronized (this) {
            Set<String> active = new HashSet<>();
            for (SessionStatus status : reply.sessions()) {
                String id = status.session().sessionId();
                active.add(id);
                SessionState state = state(id);
                boolean known = state.info != null;
                state.info = status.session();
                state.latestSeq = Math.max(state.latestSeq, status.latestSeq());
                state.shownSeq = Math.max(state.shownSeq, status.cursor());
                events.add(known ? new ModelEvent.SessionUpdated(state.summary())
                        : new ModelEvent.SessionOpened(state.summary()));
                long ack = autoShown(state, false);
                if (ack > 0) {
                    acks.put(id, ack);
                }
            }
            for (Map.Entry<String, SessionState> entry : sessions.entrySet()) {
                SessionState state = entry.getValue();
                if (!active.contains(entry.getKey()) && state.info != null && state.info.active()) {
                    state.info = withActive(state.info, false, null);
                    events.add(new ModelEvent.SessionEnded(state.summary(), null));
                    endedMeanwhile.put(entry.getKey(), state.latestSeq);
                }
            }
        }
        acks.forEach(connection::ackUpTo);
        fire(events);
        endedMeanwhile.forEach((sessionId, held) -> fetchMissed(sessionId, held, null, new ArrayList<>()));
    }

    /**
     * A session that ended while the connection was down: the server's catch-up covers active
     * sessions only, so what was said between the drop and the end is read with {@code history}
     * (pages backwards down to {@code held}) and added as if pushed, oldest first.
     */
    private void fetchMissed(String sessionId, long held, Long before, List<ServerMessage.Message> newerPages) {
        connection.history(sessionId, before, Protocol.MAX_HISTORY_LIMIT).whenComplete((page, error) -> {
            if (error != null) {
                log.warn("reading the end of ended session {} failed: {}", sessionId, error.toString());
                return;
            }
            List<ServerMessage.Message> missed = new ArrayList<>();
            for (ServerMessage.Message message : page.messages()) {
                if (message.seq() > held) {
                    missed.add(message);
                }
            }
            missed.addAll(newerPages);
            boolean reachedHeld = missed.size() < page.messages().size();
            if (page.hasMore() && !reachedHeld && !page.messages().isEmpty()) {
                fetchMissed(sessionId, held, page.messages().get(0).seq(), missed);
                return;
            }
            missed.forEach(this::apply);
        });
    }

    private void applyPresence(PresenceResult result) {
        List<ModelEvent> events = new ArrayList<>();
        synchronized (this) {
            result.online().forEach((username, online) -> {
                if (!presenceSubscribed.contains(username)) {
                    return; // unsubscribed while the reply was on its way
                }
                if (!Objects.equals(presence.put(username, online), online)) {
                    events.add(new ModelEvent.PresenceChanged(username, online));
                }
            });
        }
        fire(events);
    }

    /**
     * Advances what counts as shown when messages are contiguous after it: with auto-ack every
     * message, else only my own (I saw them as I typed them). Returns the seq to ack, or 0.
     * A gap (a seq not yet here) stops it, so an ack never covers a message not received.
     */
    private long autoShown(SessionState state, boolean mine) {
        if (!options.autoAck() && !mine) {
            return 0;
        }
        long shown = state.shownSeq;
        while (state.transcript.holds(shown + 1)
                && (options.autoAck() || isMine(state.transcript.sender(shown + 1)))) {
            shown++;
        }
        if (shown == state.shownSeq) {
            return 0;
        }
        state.shownSeq = shown;
        return shown;
    }

    private boolean isMine(String sender) {
        return me != null && me.username().equals(sender);
    }

    private void updateParticipants(List<ModelEvent> events, String sessionId, String username, boolean joined) {
        SessionState state = state(sessionId);
        if (state.info == null) {
            return;
        }
        List<String> participants = new ArrayList<>(state.info.participants());
        boolean changed = joined ? !participants.contains(username) && participants.add(username)
                : participants.remove(username);
        if (changed) {
            SessionInfo info = state.info;
            state.info = new SessionInfo(info.sessionId(), info.kind(), info.title(), info.initiator(), participants,
                    info.startedAt(), info.active(), info.resourceId(), info.endedAt());
            events.add(new ModelEvent.SessionUpdated(state.summary()));
        }
    }

    /**
     * I left (here or at another desk of mine): the session goes on for the others but is no
     * longer mine, so for this client it has ended. Views hear {@code SessionEnded} with me as
     * {@code endedBy}; the sessions list drops it, and a reconnect does not read its history.
     */
    private void leftByMe(List<ModelEvent> events, ServerMessage.ParticipantLeft left) {
        SessionState state = state(left.sessionId());
        if (state.info == null || !state.info.active()) {
            return;
        }
        List<String> participants = new ArrayList<>(state.info.participants());
        participants.remove(left.username());
        SessionInfo info = state.info;
        state.info = new SessionInfo(info.sessionId(), info.kind(), info.title(), info.initiator(), participants,
                info.startedAt(), false, info.resourceId(), left.at());
        events.add(new ModelEvent.SessionEnded(state.summary(), left.username()));
    }

    private static SessionInfo withActive(SessionInfo info, boolean active, java.time.Instant endedAt) {
        return new SessionInfo(info.sessionId(), info.kind(), info.title(), info.initiator(), info.participants(),
                info.startedAt(), active, info.resourceId(), endedAt);
    }

    private void addUpdated(List<ModelEvent> events, SessionState state) {
        SessionSummary summary = state.summary();
        if (summary != null) {
            events.add(new ModelEvent.SessionUpdated(summary));
        }
    }

    /** The session's state, created on first sight (a message may arrive before its details). */
    private SessionState state(String sessionId) {
        return sessions.computeIfAbsent(sessionId, id -> new SessionState(options.windowSize()));
    }

    /** The one thread hop: listeners hear of the events, in order, on the executor. */
    private void fire(List<ModelEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        List<ModelEvent> batch = List.copyOf(events);
        executor.execute(() -> {
            for (ModelEvent event : batch) {
                for (Listener listener : listeners) {
                    try {
                        listener.onModelEvent(event);
                    } catch (RuntimeException e) {
                        log.error("model listener failed on {}", event, e);
                    }
                }
            }
        });
    }
}
