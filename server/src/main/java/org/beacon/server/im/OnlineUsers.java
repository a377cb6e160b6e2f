package org.beacon.server.im;

import java.util.Collection;

/** The signed-in connections of each user, kept by the network layer. Thread-safe. */
public interface OnlineUsers {

    /** The user's signed-in connections now; empty when the user is offline. */
    Collection<? extends ImConnection> connectionsOf(String username);

    /** Every signed-in connection now. */
    Collection<? extends ImConnection> all();
}
