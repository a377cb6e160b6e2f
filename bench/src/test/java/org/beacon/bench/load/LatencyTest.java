package org.beacon.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyTest {
    private final Latency latency = new Latency();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void total_sumsEveryThreadsSamplesInsideTheWindow() throws Exception {
        latency.window(1_000_000, 2_000_000);
        latency.record(1_500_000, 3_500_000); // 2 ms, in the window
        latency.record(2_500_000, 3_500_000); // intended after the window: interval only
        awaitOnOther(() -> latency.record(1_200_000, 11_200_000)); // 10 ms, in the window

        Histogram total = latency.total();

        assertThat(total.getTotalCount()).isEqualTo(2);
        assertThat(total.getMaxValue()).isBetween(9_990L, 10_010L);
        assertThat(total.getMinValue()).isBetween(1_990L, 2_010L);
    }

    @Test
    void takeInterval_returnsEveryThreadsSamplesSinceTheLastCall() throws Exception {
        latency.record(0, 1_000_000);
        awaitOnOther(() -> latency.record(0, 5_000_000));

        assertThat(latency.takeInterval().getTotalCount()).isEqualTo(2);
        assertThat(latency.takeInterval().getTotalCount()).isZero();

        awaitOnOther(() -> latency.record(0, 7_000_000));
        assertThat(latency.takeInterval().getMaxValue()).isBetween(6_990L, 7_010L);
    }

    @Test
    void resetTotal_forgetsTheMeasuredSamplesOfEveryThread() throws Exception {
        latency.window(Long.MIN_VALUE, Long.MAX_VALUE);
        latency.record(0, 1_000_000);
        awaitOnOther(() -> latency.record(0, 2_000_000));
        assertThat(latency.total().getTotalCount()).isEqualTo(2);

        latency.resetTotal();
        awaitOnOther(() -> latency.record(0, 3_000_000));

        assertThat(latency.total().getTotalCount()).isEqualTo(1);
    }

    private void awaitOnOther(Runnable step) throws Exception {
        Future<?> done = other.submit(step);
        done.get(10, TimeUnit.SECONDS);
    }
}
