package org.beacon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.swing.JButton;
import javax.swing.JList;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JButtonFixture;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.im.MessageRow;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

/** A message from one desk reaches another: message pane, banner at the bottom, doorbell, time zones. */
class MessagingTest extends GuiTestSupport {
    @SuppressWarnings("deprecation")
    private static final int SHIFT = java.awt.event.InputEvent.SHIFT_MASK;
    private final RecordingDoorbell gblueBell = new RecordingDoorbell();
    private final RecordingDoorbell ablackBell = new RecordingDoorbell();

    @Test
    void message_reachesOtherDesk_withBannerAtBottom_doorbell_andEachViewersTime() {
        FrameFixture gblue = openDesk("gblue", gblueBell);
        FrameFixture ablack = openDesk("ablack", ablackBell);

        // gblue starts a private chat from the EOC's resource page.
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        FrameFixture chat = new FrameFixture(robot, gblueChat);
        chat.textBox(Names.MESSAGE_INPUT).enterText("Medic 12 inbound, ETA 6 min\n");

        // ablack's banner slides in at the bottom of the main window, doorbell asked to ring.
        waitUntil("banner on ablack's desk", () -> desk(1).mainWindow().banner().isShowing()
                && desk(1).mainWindow().banner().settled()
                && desk(1).mainWindow().banner().waiting() == 1);
        assertThat(ablackBell.rings()).isEqualTo(1);
        assertThat(gblueBell.rings()).isZero();
        Point bannerAt = GuiActionRunner.execute(() -> {
            var banner = desk(1).mainWindow().banner();
            return javax.swing.SwingUtilities.convertPoint(banner, 0, banner.getHeight(), desk(1).mainWindow().getContentPane());
        });
        int contentHeight = GuiActionRunner.execute(() -> desk(1).mainWindow().getContentPane().getHeight());
        int statusHeight = GuiActionRunner.execute(() -> desk(1).mainWindow().status().getHeight());
        assertThat(bannerAt.y).as("banner sits right above the status line at the bottom")
                .isBetween(contentHeight - statusHeight - 4, contentHeight);

        ServerMessage.Message sent = onlyMessage(desk(0).model().transcript(gblueChat.sessionId()).messages());
        String chicago = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("America/Chicago")).format(sent.sentAt());
        String newYork = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("America/New_York")).format(sent.sentAt());
        assertThat(chicago).isNotEqualTo(newYork);

        activate(ablack.target());
        JButtonFixture entry = ablack.button(new GenericTypeMatcher<>(JButton.class) {
            @Override
            protected boolean isMatching(JButton button) {
                return button.getName() != null && button.getName().startsWith(Names.BANNER_OPEN) && button.isShowing();
            }
        });
        assertThat(entry.text()).contains(newYork).contains("gblue").contains("Medic 12 inbound");

        // gblue sees its own line in Chicago time.
        waitUntil("gblue's line stored", () -> rows(gblueChat).stream().anyMatch(r -> r.kind() == MessageRow.Kind.MESSAGE));
        assertThat(rows(gblueChat).get(0).toString()).isEqualTo(chicago + " gblue Medic 12 inbound, ETA 6 min");

        // Clicking the banner opens ablack's window on the session, in New York time; the banner goes.
        entry.click();
        waitUntil("ablack's window", () -> desk(1).imWindows().window(gblueChat.sessionId()).map(w -> w.isShowing()).orElse(false));
        ImWindow ablackChat = desk(1).imWindows().window(gblueChat.sessionId()).orElseThrow();
        waitUntil("message in ablack's pane", () -> !rows(ablackChat).isEmpty());
        assertThat(rows(ablackChat).get(0).toString()).isEqualTo(newYork + " gblue Medic 12 inbound, ETA 6 min");
        waitUntil("banner gone once seen", () -> !desk(1).mainWindow().banner().isVisible());
        // Seen: ablack's cursor reaches the server (unread drops to 0).
        waitUntil("ablack's unread is 0", () -> desk(1).model().session(gblueChat.sessionId()).orElseThrow().unread() == 0);
        assertThat(Instant.now()).isAfter(sent.sentAt());
    }

    @Test
    void manyMessages_ringAtMostOncePerSecond_andCountUpInTheBanner() {
        FrameFixture gblue = openDesk("gblue", gblueBell);
        openDesk("ablack", ablackBell);
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        FrameFixture chat = new FrameFixture(robot, gblueChat);
        for (int i = 1; i <= 5; i++) {
            chat.textBox(Names.MESSAGE_INPUT).enterText("update " + i + "\n");
        }
        waitUntil("five waiting", () -> desk(1).mainWindow().banner().waiting() == 5);
        assertThat(ablackBell.rings()).isBetween(1, 2);
        ablackBell.rings();
        assertThat(GuiActionRunner.execute(() -> desk(1).mainWindow().banner().getAccessibleContext().getAccessibleName()))
                .isEqualTo("5 new messages");
    }

    @Test
    void muteToggle_silencesTheDoorbell_bannerStillShows_andUnmutingRingsAgain() {
        FrameFixture gblue = openDesk("gblue", gblueBell);
        FrameFixture ablack = openDesk("ablack", ablackBell);
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        activate(ablack.target());
        ablack.toggleButton(Names.MUTE).click();
        ablack.toggleButton(Names.MUTE).requireSelected().requireText("Doorbell muted");

        activate(gblueChat);
        new FrameFixture(robot, gblueChat).textBox(Names.MESSAGE_INPUT).enterText("while muted\n");
        waitUntil("banner while muted", () -> desk(1).mainWindow().banner().waiting() == 1);
        assertThat(ablackBell.rings()).as("rings while muted").isZero();

        activate(ablack.target());
        ablack.toggleButton(Names.MUTE).click();
        ablack.toggleButton(Names.MUTE).requireNotSelected().requireText("Doorbell on");
        activate(gblueChat);
        new FrameFixture(robot, gblueChat).textBox(Names.MESSAGE_INPUT).enterText("after unmuting\n");
        waitUntil("second banner entry", () -> desk(1).mainWindow().banner().waiting() == 2);
        assertThat(ablackBell.rings()).as("rings after unmuting").isEqualTo(1);
    }

    @Test
    void pendingMark_thenStored() {
        FrameFixture gblue = openDesk("gblue", gblueBell);
        ImWindow chat = startChatFromResource(gblue, "Casey Gray");
        new FrameFixture(robot, chat).textBox(Names.MESSAGE_INPUT).enterText("line one");
        new FrameFixture(robot, chat).textBox(Names.MESSAGE_INPUT).pressAndReleaseKey(
                org.assertj.swing.core.KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_ENTER).modifiers(SHIFT));
        new FrameFixture(robot, chat).textBox(Names.MESSAGE_INPUT).enterText("line two\n");
        waitUntil("stored as two rows", () -> rows(chat).size() == 2 && rows(chat).get(0).kind() == MessageRow.Kind.MESSAGE);
        assertThat(rows(chat).get(0).text()).isEqualTo("line one");
        assertThat(rows(chat).get(1).kind()).isEqualTo(MessageRow.Kind.CONTINUATION);
        assertThat(rows(chat).get(1).text()).isEqualTo("line two");
    }

    private static ServerMessage.Message onlyMessage(List<ServerMessage.Message> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

}
