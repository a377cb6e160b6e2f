package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortListenersTest {
    // Rows as /proc/net/tcp6 prints them: two listeners on port 7400 (0x1CE8), a connection on it,
    // a listener on another port.
    private static final List<String> TABLE = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 00000000000000000000000000000000:1CE8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41501 1 0000000000000000 100 0 0 10 0",
            "   1: 00000000000000000000000000000000:1CE8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41502 1 0000000000000000 100 0 0 10 0",
            "   2: 0000000000000000FFFF00000100007F:1CE8 0000000000000000FFFF00000100007F:D2A4 01 00000000:00000000 00:00000000 00000000     0        0 41600 1 0000000000000000 20 4 30 10 -1",
            "   3: 00000000000000000000000000000000:1CE9 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41700 1 0000000000000000 100 0 0 10 0");

    @Test
    void parse_theListenersOfThePortOnly() {
        assertThat(PortListeners.parse(7400, TABLE)).containsExactlyInAnyOrder(41501L, 41502L);
        assertThat(PortListeners.parse(7401, TABLE)).containsExactly(41700L);
        assertThat(PortListeners.parse(7402, TABLE)).isEmpty();
    }

    @Test
    void parse_skipsLinesThatAreNoRows() {
        assertThat(PortListeners.parse(7400, List.of("", "garbage", "  0: nonsense:zz x 0A a b c d e f"))).isEmpty();
    }
}
