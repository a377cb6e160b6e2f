package org.beacon.server;

import java.time.Clock;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.presence.SignedInConnections;
import org.beacon.server.region.RegionState;
import org.beacon.server.store.Store;

/**
 * What the server hands to the session services it builds (see {@link BeaconServer}'s constructor):
 * the store, the region snapshot, the registry of signed-in connections to push events through,
 * the wire mapping and the clock.
 */
public record ServerServices(Store store, RegionState region, SignedInConnections connections, ProtocolJson json,
        Clock clock) {
}
