package org.beacon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.SessionSummary;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.im.MessageRow;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.beacon.protocol.model.SessionKind;
import org.junit.jupiter.api.Test;

/** Starting and ending sessions from the UI: private chat from a resource, the wizard, the red x. */
class SessionsTest extends GuiTestSupport {

    @Test
    void privateChat_fromResourcePage_opensWindowForBoth() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        ClientModel ablack = signIn("ablack");
        ImWindow window = startChatFromResource(gblue, "Avery Black");
        SessionSummary session = desk(0).model().session(window.sessionId()).orElseThrow();
        assertThat(session.info().kind()).isEqualTo(SessionKind.PRIVATE);
        assertThat(session.info().participants()).containsExactlyInAnyOrder("gblue", "ablack");
        assertThat(GuiActionRunner.execute(window::getTitle)).startsWith("Chat with ablack");
        waitUntil("ablack knows the session", () -> ablack.session(window.sessionId()).isPresent());
    }

    @Test
    void conference_viaWizard_withThreeUsers() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        ClientModel ablack = signIn("ablack");
        ClientModel cgray = signIn("cgray");
        activate(gblue.target());
        gblue.toggleButton(Names.NAV_IM).click();
        showingButton(gblue, Names.IM_CONFERENCE).click();
        DialogFixture wizard = WindowFinder.findDialog(Names.WIZARD).using(robot);
        waitUntil("directory loaded", () -> wizard.list(Names.WIZARD_CANDIDATES).target().getModel().getSize() > 10);
        // Next without a choice says what is missing.
        wizard.button(Names.WIZARD_NEXT).click();
        assertThat(wizard.label(Names.WIZARD_ERROR).text()).contains("at least one participant");
        choose(wizard, "Avery");
        choose(wizard, "Casey");
        wizard.button(Names.WIZARD_NEXT).click();
        assertThat(wizard.label(Names.WIZARD_ERROR).text()).isBlank();
        waitUntil("title step", () -> robot.finder().findByName(wizard.target(), Names.WIZARD_TITLE, false).isShowing());
        // Enter in the title field moves on, as Next does.
        wizard.textBox(Names.WIZARD_TITLE).enterText("MCI drill, Highway 71\n");
        waitUntil("review step", () -> robot.finder().findByName(wizard.target(), Names.WIZARD_REVIEW, false).isShowing());
        assertThat(wizard.textBox(Names.WIZARD_REVIEW).text()).contains("Avery Black (ablack)")
                .contains("Casey Gray (cgray)").contains("MCI drill, Highway 71");
        wizard.button(Names.WIZARD_INVITE).click();
        waitUntil("conference window", () -> desk(0).model().sessions().stream()
                .anyMatch(s -> desk(0).imWindows().window(s.sessionId()).map(w -> w.isShowing()).orElse(false)));
        SessionSummary session = desk(0).model().sessions().get(0);
        assertThat(session.info().kind()).isEqualTo(SessionKind.CONFERENCE);
        assertThat(session.info().title()).isEqualTo("MCI drill, Highway 71");
        assertThat(session.info().participants()).containsExactlyInAnyOrder("gblue", "ablack", "cgray");
        waitUntil("both invitees know it", () -> ablack.session(session.sessionId()).isPresent()
                && cgray.session(session.sessionId()).isPresent());
    }

    @Test
    void privateChat_fromImPagePicker_opensWindowWithTheChosenUser() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        activate(gblue.target());
        gblue.toggleButton(Names.NAV_IM).click();
        showingButton(gblue, Names.IM_PRIVATE).click();
        DialogFixture picker = WindowFinder.findDialog(Names.PICKER).using(robot);
        waitUntil("directory loaded", () -> picker.list(Names.PICKER_LIST).target().getModel().getSize() > 10);
        assertThat(picker.list(Names.PICKER_LIST).contents()).as("I am not offered").noneMatch(c -> c.contains("(gblue)"));

        picker.textBox(Names.PICKER_SEARCH).enterText("casey");
        waitUntil("one match", () -> picker.list(Names.PICKER_LIST).target().getModel().getSize() == 1);
        picker.button(Names.PICKER_START).click();

        picker.requireNotVisible();
        waitUntil("chat window open", () -> desk(0).model().sessions().stream()
                .anyMatch(s -> desk(0).imWindows().window(s.sessionId()).map(w -> w.isShowing()).orElse(false)));
        SessionSummary session = desk(0).model().sessions().get(0);
        assertThat(session.info().kind()).isEqualTo(SessionKind.PRIVATE);
        assertThat(session.info().participants()).containsExactlyInAnyOrder("gblue", "cgray");
        assertThat(GuiActionRunner.execute(() -> desk(0).imWindows().window(session.sessionId()).orElseThrow().getTitle()))
                .startsWith("Chat with cgray");
    }

    @Test
    void wizard_cancelWithEscape_startsNothing() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        activate(gblue.target());
        gblue.toggleButton(Names.NAV_IM).click();
        showingButton(gblue, Names.IM_CONFERENCE).click();
        DialogFixture wizard = WindowFinder.findDialog(Names.WIZARD).using(robot);
        wizard.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        wizard.requireNotVisible();
        assertThat(desk(0).model().sessions()).isEmpty();
    }

    @Test
    void redX_byInitiator_afterConfirmation_endsTheSessionForEveryone() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        FrameFixture ablack = openDesk("ablack", new RecordingDoorbell());
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        new FrameFixture(robot, gblueChat).textBox(Names.MESSAGE_INPUT).enterText("Stand by\n");
        waitUntil("banner on ablack's desk", () -> desk(1).mainWindow().banner().waiting() == 1);
        GuiActionRunner.execute(() -> desk(1).openSession(gblueChat.sessionId()));
        ImWindow ablackChat = desk(1).imWindows().window(gblueChat.sessionId()).orElseThrow();
        sideBySide(gblueChat, ablackChat);

        activate(gblueChat);
        new FrameFixture(robot, gblueChat).button(Names.CLOSE_SESSION).click();
        answerConfirmation(true);

        for (ImWindow window : List.of(gblueChat, ablackChat)) {
            waitUntil("ended line in " + window.getName(), () -> rows(window).stream()
                    .anyMatch(r -> r.kind() == MessageRow.Kind.SYSTEM && r.text().equals("Session ended by gblue")));
            waitUntil("message bar disabled", () -> !MessagingTestAccess.input(window).isEnabled());
        }
        waitUntil("ablack's model: ended", () -> !desk(1).model().session(gblueChat.sessionId()).orElseThrow().info().active());
    }

    @Test
    void redX_byParticipant_afterConfirmation_leaves_andTheSessionLeavesMyList() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        FrameFixture ablack = openDesk("ablack", new RecordingDoorbell());
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        new FrameFixture(robot, gblueChat).textBox(Names.MESSAGE_INPUT).enterText("Stand by\n");
        waitUntil("banner on ablack's desk", () -> desk(1).mainWindow().banner().waiting() == 1);
        activate(ablack.target());
        ablack.toggleButton(Names.NAV_IM).click();
        waitUntil("listed on ablack's IM page", () -> ablack.list(Names.IM_SESSIONS).target().getModel().getSize() == 1);
        GuiActionRunner.execute(() -> desk(1).openSession(gblueChat.sessionId()));
        ImWindow ablackChat = desk(1).imWindows().window(gblueChat.sessionId()).orElseThrow();
        sideBySide(gblueChat, ablackChat);
        activate(ablackChat);

        new FrameFixture(robot, ablackChat).button(Names.CLOSE_SESSION).click();
        answerConfirmation(true);

        waitUntil("ablack's window gone", () -> !ablackChat.isShowing());
        waitUntil("gone from ablack's IM page", () -> ablack.list(Names.IM_SESSIONS).target().getModel().getSize() == 0);
        waitUntil("'ablack left' in gblue's window", () -> rows(gblueChat).stream()
                .anyMatch(r -> r.kind() == MessageRow.Kind.SYSTEM && r.text().equals("ablack left")));
        assertThat(desk(1).model().session(gblueChat.sessionId()).orElseThrow().info().active())
                .as("no longer active for ablack").isFalse();
        assertThat(desk(0).model().session(gblueChat.sessionId()).orElseThrow().info().active())
                .as("still active for gblue").isTrue();
        assertThat(rows(ablackChat)).extracting(MessageRow::text).endsWith("You left the session");
        assertThat(MessagingTestAccess.input(ablackChat).isEnabled()).isFalse();
    }

    @Test
    void redX_byParticipant_cancelled_staysInTheSession() {
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        openDesk("ablack", new RecordingDoorbell());
        ImWindow gblueChat = startChatFromResource(gblue, "Avery Black");
        waitUntil("ablack knows the session", () -> desk(1).model().session(gblueChat.sessionId()).isPresent());
        GuiActionRunner.execute(() -> desk(1).openSession(gblueChat.sessionId()));
        ImWindow ablackChat = desk(1).imWindows().window(gblueChat.sessionId()).orElseThrow();
        sideBySide(gblueChat, ablackChat);
        activate(ablackChat);

        new FrameFixture(robot, ablackChat).button(Names.CLOSE_SESSION).click();
        answerConfirmation(false);

        assertThat(GuiActionRunner.execute(ablackChat::isShowing)).isTrue();
        assertThat(desk(1).model().session(gblueChat.sessionId()).orElseThrow().info().active()).isTrue();
    }

    private void choose(DialogFixture wizard, String name) {
        wizard.textBox(Names.WIZARD_SEARCH).deleteText().enterText(name);
        waitUntil("one candidate", () -> wizard.list(Names.WIZARD_CANDIDATES).target().getModel().getSize() == 1);
        wizard.textBox(Names.WIZARD_SEARCH).pressAndReleaseKeys(KeyEvent.VK_DOWN);
        wizard.list(Names.WIZARD_CANDIDATES).pressAndReleaseKeys(KeyEvent.VK_SPACE);
    }

    /** Reaches into an IM window for its message input. */
    static final class MessagingTestAccess {
        static javax.swing.text.JTextComponent input(ImWindow window) {
            return find(window);
        }

        private static javax.swing.text.JTextComponent find(java.awt.Container container) {
            for (java.awt.Component c : container.getComponents()) {
                if (c instanceof javax.swing.text.JTextComponent text && Names.MESSAGE_INPUT.equals(text.getName())) {
                    return text;
                }
                if (c instanceof java.awt.Container inner) {
                    var found = find(inner);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    /**
     * Puts the two IM windows next to each other: on bare Xvfb (no window manager) an active window
     * is not always on top, and a robot click lands on whatever window covers that point.
     */
    private static void sideBySide(ImWindow left, ImWindow right) {
        GuiActionRunner.execute(() -> {
            left.setLocation(0, 400);
            right.setLocation(left.getWidth() + 10, 400);
        });
    }
}
