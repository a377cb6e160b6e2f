package org.beacon.protocol.reply;

import java.time.Instant;

/** Reply to {@code ping}: the server's clock. */
public record PingResult(Instant serverTime) {
}
