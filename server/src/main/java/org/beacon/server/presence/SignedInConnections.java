package org.beacon.server.presence;

import io.netty.channel.Channel;
import java.util.List;
import org.beacon.protocol.ServerMessage;

/**
 * Who is signed in on which connections, and a way to push events to them. Delivery of session
 * events uses this to reach every connection of a participant. All methods are thread-safe and
 * never block; sending only queues the frame on the channel's event loop.
 */
public interface SignedInConnections {

    /** The user's signed-in connections now; empty when the user is offline. */
    List<Channel> channelsOf(String username);

    /** Whether the user has at least one signed-in connection. */
    boolean isOnline(String username);

    /** Sends an event to every signed-in connection of the user; returns how many got it. */
    int sendTo(String username, ServerMessage.Event event);

    /** Sends an event to every signed-in connection; returns how many got it. */
    int sendToAll(ServerMessage.Event event);

    /** Calls {@code action} with each signed-in connection and its user (a snapshot per user). */
    void forEachSignedIn(java.util.function.BiConsumer<String, Channel> action);

    /** Signed-in connections in total. */
    int connectionCount();
}
