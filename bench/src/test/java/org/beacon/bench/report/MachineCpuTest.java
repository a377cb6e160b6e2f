package org.beacon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MachineCpuTest {

    @Test
    void parse_addsBusyAndIdleFields() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu cpu = MachineCpu.parse("cpu  3714530 7 1412076 4276381 384614 11 345225 13 0 0");

        assertThat(cpu.busyTicks()).isEqualTo(3714530L + 7 + 1412076 + 11 + 345225 + 13);
        assertThat(cpu.idleTicks()).isEqualTo(4276381L + 384614);
    }

    @Test
    void secondsSince_areTickDifferencesAtOneHundredASecond() {
        MachineCpu before = new MachineCpu(1_000, 5_000);
        MachineCpu after = new MachineCpu(1_250, 5_150);

        assertThat(after.busySecondsSince(before)).isCloseTo(2.5, within(1e-9));
        assertThat(after.idleSecondsSince(before)).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void parse_rejectsAPerCpuLineOrATruncatedOne() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregate");
        assertThatThrownBy(() -> MachineCpu.parse("cpu  1 2 3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
        assertThatThrownBy(() -> MachineCpu.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void now_readsThisMachinesCountersWhichNeverGoBack() {
        MachineCpu first = MachineCpu.now().orElseThrow();
        MachineCpu second = MachineCpu.now().orElseThrow();

        assertThat(first.busyTicks()).isPositive();
        assertThat(first.idleTicks()).isPositive();
        assertThat(second.busySecondsSince(first)).isNotNegative();
        assertThat(second.idleSecondsSince(first)).isNotNegative();
    }
}
