package org.beacon.server.net;

import io.netty.channel.Channel;
import java.util.Objects;

/**
 * The signed-in user behind a request, and the connection it came on (to push events to it).
 *
 * @param username who is signed in
 * @param channel  the connection; writing to it is thread-safe
 */
public record Caller(String username, Channel channel) {
    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
    }
}
