package org.beacon.server.net;

import io.netty.channel.group.ChannelGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.auth.Authenticator;
import org.beacon.server.presence.PresenceService;
import org.beacon.server.region.RegionState;
import org.beacon.server.store.Store;

/**
 * What every connection shares: limits, the services requests are turned into calls on, and the
 * group of open connections. Built once per server by {@code BeaconServer}.
 *
 * @param serverName        name and version told in {@code hello}, e.g. {@code beacon-server/0.1.0}
 * @param maxFrame          largest frame body accepted
 * @param heartbeatSeconds  told in {@code hello}
 * @param idleTimeout       a connection silent this long is closed
 * @param requestsPerSecond per-connection sustained request rate
 * @param requestBurst      per-connection burst
 * @param connections       every open connection (channels remove themselves when closed)
 * @param transport         the event loops' I/O ({@code io_uring}, {@code epoll} or {@code nio}), told in
 *                          {@code stats}
 */
public record NetServices(
        String serverName,
        int maxFrame,
        int heartbeatSeconds,
        Duration idleTimeout,
        int requestsPerSecond,
        int requestBurst,
        Clock clock,
        ProtocolJson json,
        RegionState region,
        Authenticator auth,
        PresenceService presence,
        ImRequests im,
        Store store,
        ChannelGroup connections,
        String transport) {

    public NetServices {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(im, "im");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(transport, "transport");
    }
}
