package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptQueueCapTest {
    @TempDir
    Path dir;

    @Test
    void read_theKernelsNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("somaxconn"), "4096\n");

        assertThat(AcceptQueueCap.read(file)).hasValue(4096);
    }

    @Test
    void read_thisHostsWholeNumber() {
        assumeTrue(Files.isReadable(AcceptQueueCap.LINUX_SOMAXCONN), "not Linux");

        // Linux has never defaulted below 128; procfs files report size 0, and a reader that
        // trusted it got the first digit only.
        OptionalInt cap = AcceptQueueCap.read(AcceptQueueCap.LINUX_SOMAXCONN);
        assertThat(cap).isPresent();
        assertThat(cap.getAsInt()).isGreaterThanOrEqualTo(128);
    }

    @Test
    void read_nothingWhereTheHostHasNoSuchFileOrNoNumber() throws Exception {
        Path garbled = Files.writeString(dir.resolve("garbled"), "lots\n");

        assertThat(AcceptQueueCap.read(dir.resolve("absent"))).isEmpty();
        assertThat(AcceptQueueCap.read(garbled)).isEmpty();
    }

    @Test
    void shortfall_namesTheCapTheAskAndTheFix() {
        assertThat(AcceptQueueCap.shortfall(16_384, OptionalInt.of(4096))).hasValueSatisfying(line -> assertThat(line)
                .contains("at most 4096", "16384 asked", "sysctl -w net.core.somaxconn=16384"));
    }

    @Test
    void shortfall_noneWhenTheCapIsLargeEnoughOrUnknown() {
        assertThat(AcceptQueueCap.shortfall(16_384, OptionalInt.of(16_384))).isEmpty();
        assertThat(AcceptQueueCap.shortfall(16_384, OptionalInt.of(65_535))).isEmpty();
        assertThat(AcceptQueueCap.shortfall(16_384, OptionalInt.empty())).isEmpty();
    }
}
