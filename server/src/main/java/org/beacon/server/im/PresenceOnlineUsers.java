package org.beacon.server.im;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.beacon.server.presence.SignedInConnections;

/** {@link OnlineUsers} over the network layer's registry of signed-in channels. */
final class PresenceOnlineUsers implements OnlineUsers {
    private final SignedInConnections connections;

    PresenceOnlineUsers(SignedInConnections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public List<ImConnection> connectionsOf(String username) {
        var channels = connections.channelsOf(username);
        if (channels.isEmpty()) {
            return List.of();
        }
        List<ImConnection> out = new ArrayList<>(channels.size());
        for (var channel : channels) {
            out.add(new ChannelConnection(username, channel));
        }
        return out;
    }

    @Override
    public List<ImConnection> all() {
        List<ImConnection> out = new ArrayList<>();
        connections.forEachSignedIn((username, channel) -> out.add(new ChannelConnection(username, channel)));
        return out;
    }
}
