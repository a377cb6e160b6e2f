package org.beacon.protocol.reply;

import java.util.Map;

/** Reply to {@code subscribe_presence}: whether each (known) user is online now. Unknown names are left out. */
public record PresenceResult(Map<String, Boolean> online) {
    public PresenceResult {
        online = Map.copyOf(online);
    }
}
