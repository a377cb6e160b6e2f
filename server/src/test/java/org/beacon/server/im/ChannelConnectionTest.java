package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes leave in call order, whatever thread calls. The embedded channel's loop counts every
 * thread as its own, as a real loop does for its own thread, and queues what is executed on it.
 */
class ChannelConnectionTest {
    final EmbeddedChannel channel = new EmbeddedChannel();
    final ChannelConnection carol = new ChannelConnection("carol", channel);

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Test
    void send_onTheChannelsLoop_doesNotOvertakeAWriteAlreadyQueuedThere() {
        // As the store's completion thread pushes seq 10: queued on carol's loop.
        channel.eventLoop().execute(() -> channel.writeAndFlush("seq 10"));
        // Seq 11 pushed by a sequencer task that runs on that same loop.
        carol.send("seq 11");
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isEqualTo("seq 10");
        assertThat((Object) channel.readOutbound()).isEqualTo("seq 11");
    }

    @Test
    void sendAll_keepsCallOrder_andCompletesOnceWritten() {
        channel.eventLoop().execute(() -> channel.writeAndFlush("held"));
        CompletionStage<Void> written = carol.sendAll(List.of("page 1", "page 2"));
        assertThat(written.toCompletableFuture()).isNotDone();
        channel.runPendingTasks();

        assertThat(written.toCompletableFuture()).isCompleted();
        assertThat(List.<Object>of(channel.readOutbound(), channel.readOutbound(), channel.readOutbound()))
                .containsExactly("held", "page 1", "page 2");
    }
}
