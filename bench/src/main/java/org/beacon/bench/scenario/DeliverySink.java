package org.beacon.bench.scenario;

import java.util.concurrent.atomic.LongAccumulator;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.MessageSink;
import org.beacon.protocol.ServerMessage;

/**
 * What a receiving client does with a {@code message}: tell the tracker, record send→deliver
 * latency from the intended time in its client message id (or from a fixed instant, for the
 * offline scenario), and ack it as a real client would (coalesced, highest seq per session).
 */
final class DeliverySink implements MessageSink {
    private final BenchRun run;
    /** Stripes once the receiving loops' updates collide (an {@code AtomicLong} would retry instead). */
    private final LongAccumulator lastDelivery = new LongAccumulator(Math::max, 0);
    private volatile long fixedIntended = Long.MIN_VALUE;

    DeliverySink(BenchRun run) {
        this.run = run;
    }

    /** Measure every delivery from this instant instead of the message's intended time. */
    void measureFrom(long nanos) {
        fixedIntended = nanos;
    }

    long lastDeliveryNanos() {
        return lastDelivery.get();
    }

    @Override
    public void onMessage(BenchClient receiver, ServerMessage.Message message, long nowNanos) {
        long sent = run.tracker().intendedNanos(message.clientMsgId());
        if (run.tracker().delivered(receiver.index(), message, sent, nowNanos)) {
            long intended = fixedIntended != Long.MIN_VALUE ? fixedIntended : sent;
            if (intended != Long.MIN_VALUE) {
                run.deliver().record(intended, nowNanos);
            }
            lastDelivery.accumulate(nowNanos);
        }
        receiver.connection().ackUpTo(message.sessionId(), message.seq());
    }
}
