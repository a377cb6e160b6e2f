package org.beacon.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMsgIdsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T03:45:12.345Z");

    @Test
    void anId_isAVersion7Uuid_carryingTheClocksMilliseconds() {
        String id = new ClientMsgIds(Clock.fixed(T0, ZoneOffset.UTC)).next();

        UUID uuid = UUID.fromString(id);
        assertThat(id).hasSize(36).isEqualTo(uuid.toString());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void idsOfALaterMillisecond_sortAfter_asText() {
        List<String> ids = new ArrayList<>();
        for (int ms = 0; ms < 2_000; ms += 7) {
            ids.add(new ClientMsgIds(Clock.fixed(T0.plusMillis(ms), ZoneOffset.UTC), new Random(ms)).next());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void idsOfTheSameMillisecond_areStillUnique() {
        ClientMsgIds ids = new ClientMsgIds(Clock.fixed(T0, ZoneOffset.UTC));
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
    }
}
