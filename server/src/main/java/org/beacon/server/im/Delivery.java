package org.beacon.server.im;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.EncodedFrame;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes events to participants' connections: live messages after they are stored, and on
 * sign-in the backlog of each active session after the participant's cursor (catch-up). An event
 * is serialized once and the same bytes go to every recipient.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    /** Messages read and written per catch-up page; the next page waits until this one is on the wire. */
    static final int CATCH_UP_PAGE = 500;

    private final OnlineUsers online;
    private final Store store;
    private final ProtocolJson json;
    private final ConcurrentHashMap<ImConnection, CatchUp> catchUps = new ConcurrentHashMap<>();

    Delivery(OnlineUsers online, Store store, ProtocolJson json) {
        this.online = Objects.requireNonNull(online, "online");
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
    }

    EncodedFrame encode(ServerMessage.Event event) {
        return new EncodedFrame(json.write(event));
    }

    /**
     * Sends a non-message event to every connection of these users. A connection catching up holds
     * it behind its backlog, so that (say) {@code session_ended} never overtakes the session's
     * last messages.
     */
    void toUsers(Iterable<String> usernames, ServerMessage.Event event) {
        EncodedFrame frame = null;
        for (String username : usernames) {
            for (ImConnection connection : online.connectionsOf(username)) {
                if (frame == null) {
                    frame = encode(event);
                }
                CatchUp catchUp = catchUps.get(connection);
                if (catchUp == null || !catchUp.hold(null, Long.MAX_VALUE, frame)) {
                    connection.send(frame);
                }
            }
        }
    }

    /**
     * Sends a stored message to every connection of the present participants except the one it
     * came from (which has its {@code ok}). Connections catching up hold it until their backlog is out.
     */
    void message(ServerMessage.Message message, Iterable<String> participants, ImConnection origin) {
        EncodedFrame frame = null;
        for (String username : participants) {
            for (ImConnection connection : online.connectionsOf(username)) {
                if (connection.equals(origin)) {
                    continue;
                }
                if (frame == null) {
                    frame = encode(message);
                }
                CatchUp catchUp = catchUps.get(connection);
                if (catchUp == null || !catchUp.hold(message.sessionId(), message.seq(), frame)) {
                    connection.send(frame);
                }
            }
        }
    }

    /**
     * Marks a connection as catching up. Must be called before the connection becomes visible in
     * {@link OnlineUsers}, so no live message can reach it ahead of its backlog.
     */
    void beginCatchUp(ImConnection connection) {
        catchUps.put(connection, new CatchUp());
    }

    /** A session to replay on a connection: its info event, then every message in {@code (cursor, upToSeq]}. */
    record Backlog(ServerMessage.SessionOpened opened, long cursor, long upToSeq) {
    }

    /**
     * Writes each session's {@code session_opened} and stored messages after the cursor, page by
     * page, then releases the held live messages. Completes when done (or the connection closed).
     */
    CompletableFuture<Void> catchUp(ImConnection connection, List<Backlog> backlogs) {
        CatchUp catchUp = catchUps.computeIfAbsent(connection, c -> new CatchUp());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Backlog backlog : backlogs) {
            chain = chain.thenCompose(ignored -> {
                connection.send(encode(backlog.opened()));
                return replay(connection, catchUp, backlog.opened().session().sessionId(), backlog.cursor(),
                        backlog.upToSeq());
            });
        }
        return chain.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("catch-up for {} failed", connection.username(), failure);
            }
            catchUps.remove(connection);
            catchUp.finish(connection);
        });
    }

    private CompletableFuture<Void> replay(ImConnection connection, CatchUp catchUp, String sessionId, long after,
            long upTo) {
        if (after >= upTo || !connection.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return store.messagesAfter(sessionId, after, CATCH_UP_PAGE).thenCompose(page -> {
            // Stored messages above upTo may not have had their live fan-out yet; that brings them.
            List<Object> frames = new ArrayList<>(page.size());
            long last = after;
            for (ServerMessage.Message message : page) {
                if (message.seq() > upTo) {
                    break;
                }
                frames.add(encode(message));
                last = message.seq();
            }
            if (frames.isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            catchUp.sent(sessionId, last);
            long next = last;
            CompletionStage<Void> written = connection.sendAll(frames);
            return written.toCompletableFuture().thenCompose(w -> page.size() < CATCH_UP_PAGE || next >= upTo
                    ? CompletableFuture.<Void>completedFuture(null)
                    : replay(connection, catchUp, sessionId, next, upTo));
        });
    }

    /** Forgets a closed connection. */
    void closed(ImConnection connection) {
        catchUps.remove(connection);
    }
}
