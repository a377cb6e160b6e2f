package org.beacon.server.net;

import java.util.concurrent.CompletionStage;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;

/**
 * Serves the session requests of signed-in users: {@code start_private}, {@code start_conference},
 * {@code invite}, {@code send}, {@code ack}, {@code history}, {@code sessions}, {@code leave},
 * {@code end}. The connection handler has already checked that the caller is signed in and that
 * instant messaging is switched on; everything else (rights, membership) is checked here.
 *
 * <p>Called on the connection's event loop: never block; return a stage that completes when the
 * store has answered. A stage failing with a {@link org.beacon.protocol.ProtocolException} is sent as
 * that error; any other failure as {@code INTERNAL}.
 */
public interface ImRequests {

    /** Serves one session request and completes with its reply (ok or error) for {@code request.id()}. */
    CompletionStage<ServerMessage.Reply> handle(Caller caller, ClientMessage request);

    /** Loads what the service needs before the server accepts connections; the server waits for it. */
    default CompletionStage<Void> start() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Stops the service; called after the server stopped accepting and closed its connections. */
    default void close() {
    }

    /**
     * A connection is signing in: called on its event loop <em>before</em> it is registered as
     * signed in, so the service can hold live events for it until {@link #signedIn} has pushed
     * what the user missed.
     */
    default void signingIn(Caller caller) {
    }

    /**
     * A connection signed in and its {@code ok} was written (e.g. to push what the user missed).
     * Called on its event loop.
     */
    default void signedIn(Caller caller) {
    }

    /** The administrator switched instant messaging on or off; every connection was told. */
    default void imSwitched(boolean enabled) {
    }

    /** A signed-in connection closed. Called on its event loop. */
    default void closed(Caller caller) {
    }

    /** Whether a request is one of the session requests this interface serves. */
    static boolean isSessionRequest(ClientMessage request) {
        return request instanceof ClientMessage.StartPrivate
                || request instanceof ClientMessage.StartConference
                || request instanceof ClientMessage.Invite
                || request instanceof ClientMessage.Send
                || request instanceof ClientMessage.Ack
                || request instanceof ClientMessage.History
                || request instanceof ClientMessage.Sessions
                || request instanceof ClientMessage.Leave
                || request instanceof ClientMessage.End;
    }
}
