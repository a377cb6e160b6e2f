package org.beacon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MachineCpuTest {

    @Test
    void parse_takesIdleAndIowait_andCountsTheCpus() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu cpu = MachineCpu.parse(List.of(
                "cpu  3714530 7 1412076 4276381 384614 11 345225 13 0 0",
                "cpu0 1841934 0 666538 2261286 130119 0 168499 0 0 0",
                "cpu1 1872596 0 745538 2015095 254495 0 176726 0 0 0"), 42);

        assertThat(cpu).isEqualTo(new MachineCpu(42, 2, 4276381L + 384614));
    }

    @Test
    void busy_isTheWindowTimesTheCpusLessIdle() {
        MachineCpu before = new MachineCpu(1_000_000_000L, 2, 5_000);
        MachineCpu after = new MachineCpu(11_000_000_000L, 2, 5_150); // 10 s later, 1.5 CPU-seconds idle

        assertThat(after.idleSecondsSince(before)).isCloseTo(1.5, within(1e-9));
        assertThat(after.busySecondsSince(before)).isCloseTo(18.5, within(1e-9));
    }

    @Test
    void parse_rejectsWhatIsNotTheCpuLines() {
        assertThatThrownBy(() -> MachineCpu.parse(List.of("cpu0 1 2 3 4 5 6 7 8"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregate");
        assertThatThrownBy(() -> MachineCpu.parse(List.of("cpu  1 2 3", "cpu0 1 2 3"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
        assertThatThrownBy(() -> MachineCpu.parse(List.of("cpu  1 2 3 4 5 6 7 8"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no cpuN");
        assertThatThrownBy(() -> MachineCpu.parse(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void now_readsThisMachinesCpusAndIdleTime() {
        MachineCpu first = MachineCpu.now().orElseThrow();
        MachineCpu second = MachineCpu.now().orElseThrow();

        assertThat(first.cpus()).isPositive().isEqualTo(second.cpus());
        assertThat(first.idleTicks()).isPositive();
        assertThat(second.idleSecondsSince(first)).isNotNegative();
        assertThat(second.atNanos()).isGreaterThanOrEqualTo(first.atNanos());
    }
}
