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

    /** A connection signed in (e.g. to push what the user missed). Called on its event loop. */
    default void signedIn(Caller caller) {
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

    /** TEMPORARY until session delivery lands: answers every session request with {@code INTERNAL}. */
    static ImRequests unavailable() {
        return UnavailableImRequests.INSTANCE;
    }
}
