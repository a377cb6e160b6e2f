package org.beacon.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTrackerTest {
    private static final String SESSION = "s-1";

    private final DeliveryTracker tracker = new DeliveryTracker("run1");

    @BeforeEach
    void keepArrivalTimes() {
        tracker.recordArrivalTimes();
    }

    @Test
    void withoutArrivalTimes_deliveriesAreStillCountedButNoSpreadIsKept() {
        DeliveryTracker untimed = new DeliveryTracker("run2");
        sendToOneAndDeliverTwice(untimed);

        assertThat(List.of(untimed.deliveredUnique(), untimed.duplicates(), untimed.lost()))
                .containsExactly(1L, 1L, 0L);
        assertThat(untimed.spread().getTotalCount()).isZero();
    }

    @Test
    void spread_isFirstToLastRecipientOfEachMessageInTheWindow() {
        tracker.register(SESSION, 0, 1, 2);
        tracker.window(1_000_000, 5_000_000);
        send(1, 2_000_000, 2_500_000, 9_500_000); // in the window: spread 7 ms
        send(2, 6_000_000, 6_100_000, 6_200_000); // intended after the window: not counted

        assertThat(tracker.spread().getTotalCount()).isEqualTo(1);
        assertThat(tracker.spread().getMaxValue()).isBetween(6_990L, 7_010L); // microseconds
        assertThat(tracker.lost()).isZero();
    }

    @Test
    void writeTimeline_writesEachMessageInTheWindowWithItsTimesAndRecipients(@TempDir Path folder) throws Exception {
        tracker.register(SESSION, 0, 1, 2);
        tracker.window(1_000_000, 5_000_000);
        send(1, 2_000_000, 2_500_000, 9_500_000);
        tracker.acked(SESSION, 2, 0);
        deliver(1, 2, 3_000_000, 3_250_000); // one of two recipients so far
        send(3, 6_000_000, 6_100_000, 6_200_000); // outside the window

        Path file = folder.resolve("timeline.csv");
        tracker.writeTimeline(file);

        assertThat(Files.readAllLines(file)).containsExactly(
                "session_id,seq,intended_ms,first_ms,last_ms,recipients,received",
                "s-1,1,2.000,2.500,9.500,2,2",
                "s-1,2,3.000,3.250,3.250,2,1");
    }

    @Test
    void deliveries_countOncePerParticipant_andNeverToAStranger() {
        tracker.register(SESSION, 7, 3, 11);
        tracker.acked(SESSION, 1, 7);
        ServerMessage.Message message = new ServerMessage.Message(SESSION, 1, "u7", "text", Instant.EPOCH,
                tracker.clientMsgId(1_000, 1));

        assertThat(tracker.delivered(11, message, 1_000, 2_000)).isTrue();
        assertThat(tracker.delivered(11, message, 1_000, 2_500)).isFalse(); // again: a duplicate
        assertThat(tracker.delivered(5, message, 1_000, 2_600)).isFalse(); // not in the session
        assertThat(tracker.lost()).isEqualTo(1); // participant 3 is still missing it
        assertThat(tracker.delivered(3, message, 1_000, 3_000)).isTrue();

        assertThat(tracker.deliveredUnique()).isEqualTo(2);
        assertThat(tracker.duplicates()).isEqualTo(1);
        assertThat(tracker.foreign()).isEqualTo(1);
        assertThat(tracker.lost()).isZero();
        assertThat(tracker.spread().getMaxValue()).isBetween(0L, 2L); // 1 µs from first to last
    }

    @Test
    void spread_mergesTheArrivalsRecordedOnDifferentThreads() throws Exception {
        tracker.register(SESSION, 0, 1, 2, 3);
        tracker.window(1_000_000, 5_000_000);
        tracker.acked(SESSION, 1, 0);
        deliver(2, 1, 2_000_000, 4_000_000); // the middle arrival, on this thread
        onAnotherThread(() -> deliver(1, 1, 2_000_000, 3_000_000)); // the first
        onAnotherThread(() -> deliver(3, 1, 2_000_000, 12_000_000)); // the last

        assertThat(tracker.spread().getTotalCount()).isEqualTo(1);
        assertThat(tracker.spread().getMaxValue()).isBetween(8_990L, 9_010L); // 3 ms to 12 ms
        assertThat(tracker.lost()).isZero();
        assertThat(tracker.deliveredUnique()).isEqualTo(3);
    }

    private static void onAnotherThread(Runnable step) throws Exception {
        FutureTask<Void> task = new FutureTask<>(step, null);
        Thread thread = new Thread(task);
        thread.start();
        task.get(10, TimeUnit.SECONDS);
    }

    /** User 0 sends message {@code seq}; users 1 and 2 get it at {@code first} and {@code last}. */
    private void send(long seq, long intended, long first, long last) {
        tracker.acked(SESSION, seq, 0);
        deliver(1, seq, intended, first);
        deliver(2, seq, intended, last);
    }

    private void deliver(int receiver, long seq, long intended, long at) {
        ServerMessage.Message message = new ServerMessage.Message(SESSION, seq, "u0", "text",
                Instant.EPOCH, tracker.clientMsgId(intended, seq));
        assertThat(tracker.delivered(receiver, message, tracker.intendedNanos(message.clientMsgId()), at)).isTrue();
    }

    @Test
    void aSecondDeliveryOfTheSameMessageIsADuplicate() {
        sendToOneAndDeliverTwice(tracker);

        assertThat(tracker.duplicates()).isEqualTo(1);
        assertThat(List.of(tracker.lost(), tracker.pending())).containsExactly(0L, 0L);
    }

    /** User 0 sends seq 1 to user 1, who gets it twice: first a delivery, then a repeat. */
    private static void sendToOneAndDeliverTwice(DeliveryTracker books) {
        books.register(SESSION, 0, 1);
        books.acked(SESSION, 1, 0);
        ServerMessage.Message message = new ServerMessage.Message(SESSION, 1, "u0", "text", Instant.EPOCH,
                books.clientMsgId(10, 1));

        assertThat(books.delivered(1, message, 10, 20)).isTrue();
        assertThat(books.delivered(1, message, 10, 30)).isFalse();
    }
}
