package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The hand-over from a connection's stored backlog to its live stream. */
class CatchUpTest {
    private final RecordingConnection connection = new RecordingConnection();
    private final CatchUp catchUp = new CatchUp();

    @Test
    void liveMessagesHeldDuringCatchUp_areReleasedAfterTheBacklog_withoutThoseAlreadySent() {
        assertThat(catchUp.hold("s1", 5, "live-5")).isTrue();
        assertThat(catchUp.hold("s1", 6, "live-6")).isTrue();
        connection.send("backlog-1..5");
        catchUp.sent("s1", 5);

        catchUp.finish(connection);

        assertThat(connection.frames).containsExactly("backlog-1..5", "live-6");
    }

    @Test
    void eventsHeldDuringCatchUp_keepTheirPlaceAmongHeldMessages() {
        catchUp.hold("s1", 3, "live-3");
        catchUp.hold(null, Long.MAX_VALUE, "session_ended");
        catchUp.sent("s1", 2);

        catchUp.finish(connection);

        assertThat(connection.frames).containsExactly("live-3", "session_ended");
    }

    @Test
    void afterFinish_nothingIsHeld() {
        catchUp.finish(connection);
        assertThat(catchUp.hold("s1", 1, "live-1")).isFalse();
        assertThat(connection.frames).isEmpty();
    }

    @Test
    void sessionsAreTrackedSeparately() {
        catchUp.hold("s1", 2, "s1-2");
        catchUp.hold("s2", 2, "s2-2");
        catchUp.sent("s1", 2);

        catchUp.finish(connection);

        assertThat(connection.frames).containsExactly("s2-2");
    }

    private static final class RecordingConnection implements ImConnection {
        final List<Object> frames = new ArrayList<>();

        @Override
        public String username() {
            return "bob";
        }

        @Override
        public void send(Object frame) {
            frames.add(frame);
        }

        @Override
        public CompletionStage<Void> sendAll(List<?> all) {
            frames.addAll(all);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
