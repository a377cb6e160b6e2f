package org.beacon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.beacon.client.net.Backoff;
import org.beacon.client.net.Connection;
import org.beacon.client.testing.TcpProxy;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.im.MessageRow;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A desk whose connection is cut (through a {@link TcpProxy}, as a pulled cable would) says so with
 * a countdown, keeps what is typed meanwhile as pending, and delivers it once reconnected.
 */
class ReconnectTest extends GuiTestSupport {
    private static final String TEXT = "Unit 7 on scene, need a second ambulance";
    private TcpProxy proxy;

    @AfterEach
    void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void cutConnection_showsCountdown_keepsTypedMessagePending_thenDeliversItAfterReconnect() throws IOException {
        proxy = TcpProxy.to(server.port());
        // Three seconds between attempts, no jitter: long enough to watch the countdown go down.
        Connection viaProxy = Connection.builder(server.host(), proxy.port())
                .backoff(new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(3), 0, RandomGenerator.getDefault()))
                .build();
        FrameFixture gblue = openDesk(signIn("gblue", viaProxy), new RecordingDoorbell());
        openDesk("ablack", new RecordingDoorbell());
        ImWindow chat = startChatFromResource(gblue, "Avery Black");
        String sessionId = chat.sessionId();
        waitUntil("ablack knows the session", () -> desk(1).model().session(sessionId).isPresent());

        proxy.refuseNew(true);
        proxy.cut();

        waitUntil("status: reconnecting", () -> seconds() > 0);
        int[] last = {seconds()};
        waitUntil("countdown goes down", () -> {
            int now = seconds();
            boolean down = now > 0 && now < last[0];
            last[0] = now;
            return down;
        });
        new FrameFixture(robot, chat).textBox(Names.MESSAGE_INPUT).enterText(TEXT + "\n");
        waitUntil("typed message pending", () -> rows(chat).stream()
                .anyMatch(r -> r.kind() == MessageRow.Kind.PENDING && r.text().equals(TEXT)));
        assertThat(status()).contains("Reconnecting");
        assertThat(desk(1).model().transcript(sessionId).messages()).as("nothing reached ablack yet").isEmpty();

        proxy.refuseNew(false);

        waitUntil("connected again", () -> status().contains("Connected"));
        waitUntil("stored, no longer pending", () -> rows(chat).stream()
                .noneMatch(r -> r.kind() == MessageRow.Kind.PENDING)
                && rows(chat).stream().anyMatch(r -> r.kind() == MessageRow.Kind.MESSAGE && r.text().equals(TEXT)));
        waitUntil("delivered to ablack", () -> desk(1).model().transcript(sessionId).messages().stream()
                .map(ServerMessage.Message::text).anyMatch(TEXT::equals));
        waitUntil("ablack's banner", () -> desk(1).mainWindow().banner().waiting() == 1);
        assertThat(desk(1).model().transcript(sessionId).messages()).as("exactly once").hasSize(1);
    }

    /** The seconds of "Reconnecting in N s" in the status line, or 0 if it says something else. */
    private int seconds() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Reconnecting in (\\d+) s").matcher(status());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String status() {
        return GuiActionRunner.execute(() -> desk(0).mainWindow().status().text());
    }
}
