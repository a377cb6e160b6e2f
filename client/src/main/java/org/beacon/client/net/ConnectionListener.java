package org.beacon.client.net;

import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.LoginResult;

/**
 * Told what happens on a {@link Connection}. Called on the connection's event loop: return quickly,
 * never block, never touch Swing (hand over to the model, which hops threads once).
 */
public interface ConnectionListener {

    /** The state changed (each change once, in order). */
    default void onStateChanged(ConnectionState state) {
    }

    /**
     * Signed in by password ({@code resumed == false}) or resumed after a drop with the token.
     * Called before the {@code SIGNED_IN} state change and before any event of the new connection.
     */
    default void onSignedIn(LoginResult result, boolean resumed) {
    }

    /** A pushed event, in the order received. */
    default void onEvent(ServerMessage.Event event) {
    }
}
