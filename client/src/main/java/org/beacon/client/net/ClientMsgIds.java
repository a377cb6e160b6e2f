package org.beacon.client.net;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Fresh {@code client_msg_id}s: UUIDs in the version 7 layout of RFC 9562, whose first 48 bits are
 * the Unix time in milliseconds and the remaining 74 (after version and variant) random.
 *
 * <p>Why time-ordered: the server recognises a resend by a unique index on ({@code client_msg_id},
 * sender, session). Ids that grow with time are added at that index's end, where the previous
 * ones are, instead of in a random page; that is about one 4-KiB page less for the server to write
 * per message (bench/README.md). Any id of 1 to 64 characters still works; this is only cheaper.
 * Thread-safe.
 */
final class ClientMsgIds {
    private final Clock clock;
    private final Random random;

    ClientMsgIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    ClientMsgIds(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    String next() {
        long timeAndVersion = (clock.millis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long variantAndRandom = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(timeAndVersion, variantAndRandom).toString();
    }
}
