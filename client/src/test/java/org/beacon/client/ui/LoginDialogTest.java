package org.beacon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.beacon.client.app.Desk;
import org.beacon.client.model.ClientModel;
import org.beacon.client.net.Connection;
import org.beacon.client.net.RequestFailedException;
import org.beacon.client.ui.login.LoginDialog;
import org.beacon.client.ui.login.LoginErrors;
import org.beacon.client.ui.login.ServerAddress;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.beacon.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class LoginDialogTest extends GuiTestSupport {
    private final AtomicReference<Desk> opened = new AtomicReference<>();

    private DialogFixture openLogin(String serverText) {
        LoginDialog dialog = GuiActionRunner.execute(() -> new LoginDialog(serverText, address -> {
            ClientModel model = new ClientModel(Connection.builder(address.host(), address.port()).build(),
                    java.awt.EventQueue::invokeLater, ClientModel.Options.forViews());
            models.add(model);
            return model;
        }, (model, address) -> {
            Desk desk = new Desk(model, new RecordingDoorbell(), Clock.systemUTC(), address.toString());
            opened.set(desk);
            desk.show();
        }, () -> { }));
        DialogFixture fixture = new DialogFixture(robot, dialog);
        fixture.show();
        activate(dialog);
        return fixture;
    }

    /**
     * Signs in with Enter, as a dispatcher does. Sign in is the dialog's default button, so Enter
     * and a click run the same action (asserted here); robot clicks on a freshly shown dialog are
     * sometimes lost on a loaded Xvfb, keys are not.
     */
    private void submit(DialogFixture login) {
        String defaultButton = GuiActionRunner.execute(() -> ((LoginDialog) login.target()).getRootPane()
                .getDefaultButton().getName());
        assertThat(defaultButton).isEqualTo(Names.LOGIN_SIGN_IN);
        login.textBox(Names.LOGIN_PASSWORD).pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
    }

    private String serverText() {
        return server.host() + ":" + server.port();
    }

    @Test
    void signIn_withRightPassword_opensMainWindowTitledWithTheUser() {
        DialogFixture login = openLogin(serverText());
        login.textBox(Names.LOGIN_USERNAME).enterText("gblue");
        login.textBox(Names.LOGIN_PASSWORD).enterText("demo");
        submit(login);
        waitUntil("main window", () -> opened.get() != null && opened.get().mainWindow().isShowing());
        FrameFixture main = new FrameFixture(robot, opened.get().mainWindow());
        main.requireTitle("Beacon \u2014 Green Blue (gblue)");
        main.label(Names.STATUS).requireText(Pattern.compile(".*Connected.*"));
        login.requireNotVisible();
    }

    @Test
    void signIn_withWrongPassword_saysSoAndStaysOpen() {
        DialogFixture login = openLogin(serverText());
        login.textBox(Names.LOGIN_USERNAME).enterText("gblue");
        login.textBox(Names.LOGIN_PASSWORD).enterText("wrong");
        submit(login);
        waitUntil("error shown", () -> ((LoginDialog) login.target()).errorText() != null
                && ((LoginDialog) login.target()).errorText().contains("Wrong username or password"));
        login.requireVisible();
        login.button(Names.LOGIN_SIGN_IN).requireEnabled();
        assertThat(opened.get()).isNull();
    }

    @Test
    void signIn_toUnreachableServer_saysItCannotReachIt() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DialogFixture login = openLogin("127.0.0.1:" + closedPort);
        login.textBox(Names.LOGIN_USERNAME).enterText("gblue");
        login.textBox(Names.LOGIN_PASSWORD).enterText("demo");
        submit(login);
        waitUntil("error shown", () -> ((LoginDialog) login.target()).errorText() != null
                && ((LoginDialog) login.target()).errorText().contains("Cannot reach the server at 127.0.0.1:" + closedPort));
        login.textBox(Names.LOGIN_USERNAME).requireEnabled();
    }

    @Test
    void keyboardOnly_fromSignInToASentMessage() {
        DialogFixture login = openLogin(serverText());
        login.textBox(Names.LOGIN_USERNAME).focus();
        robot.enterText("gblue");
        robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_TAB);
        robot.enterText("demo");
        robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitUntil("main window focused", () -> opened.get() != null && opened.get().mainWindow().isActive());
        Desk desk = opened.get();
        waitUntil("filter focused", () -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()
                != null && Names.RESOURCES_FILTER.equals(
                java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner().getName()));
        robot.enterText("County EOC");
        robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        javax.swing.JTable table = robot.finder().findByName(desk.mainWindow(), Names.CONTACTS, javax.swing.JTable.class, false);
        waitUntil("contacts focused", () -> table.getRowCount() == 7 && table.isFocusOwner());
        int target = GuiActionRunner.execute(() -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                if ("Avery Black".equals(table.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        int at = GuiActionRunner.execute(table::getSelectedRow);
        for (int i = at; i < target; i++) {
            robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_DOWN);
        }
        for (int i = at; i > target; i--) {
            robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_UP);
        }
        robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitUntil("IM window focused with its message bar", () -> java.awt.KeyboardFocusManager
                .getCurrentKeyboardFocusManager().getFocusOwner() != null && Names.MESSAGE_INPUT.equals(
                java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner().getName()));
        robot.enterText("Keyboard only: copy");
        robot.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitUntil("stored", () -> desk.model().sessions().stream().anyMatch(s -> desk.model().transcript(s.sessionId())
                .messages().stream().anyMatch(m -> m.text().equals("Keyboard only: copy"))));
    }

    @Test
    void loginErrors_versionMismatch_namesTheProblem() {
        String text = LoginErrors.describe(new RequestFailedException(ErrorCode.UNSUPPORTED_VERSION,
                "this server speaks version 2", null), "beacon.local:7400");
        assertThat(text).contains("different Beacon protocol version").contains("version 2");
        assertThat(ServerAddress.parse("beacon.local").port()).isEqualTo(7400);
    }
}
