package org.beacon.client.ui.testing;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JList;
import org.beacon.client.app.Desk;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.im.MessageRow;
import org.beacon.client.app.EmbeddedServer;
import org.beacon.client.app.Theme;
import org.beacon.client.model.ClientModel;
import org.beacon.client.net.Connection;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.demo.DemoRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the GUI tests: real windows (under Xvfb), a real embedded server with the demo region on
 * a free port over a fresh SQLite file, FlatLaf installed, the EDT checked for thread violations
 * ({@link FailOnThreadViolationRepaintManager}) and for stalls over 200 ms ({@link EdtWatchdog}).
 * Without a display the tests are skipped with a message saying how to run them.
 */
@org.junit.jupiter.api.extension.ExtendWith(ScreenshotOnFailure.class)
public abstract class GuiTestSupport {
    protected static final PasswordHasher FAST = new PasswordHasher(1_000);
    protected Robot robot;
    protected EmbeddedServer server;
    protected final List<Desk> desks = new ArrayList<>();
    protected final List<ClientModel> models = new ArrayList<>();
    protected EdtWatchdog edt;

    @BeforeAll
    static void display() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "GUI tests need a display: run them as `xvfb-run -a mvn -pl client -am verify`");
        GuiActionRunner.execute(Theme::install);
        FailOnThreadViolationRepaintManager.install();
        GuiActionRunner.execute(GuiTestSupport::warmUp);
    }

    /**
     * Loads and lays out once the Swing, FlatLaf and HTML classes every window uses, so that the
     * JVM's one-time class loading is not counted as a stall of the first test's EDT.
     */
    private static void warmUp() {
        javax.swing.JFrame frame = new javax.swing.JFrame();
        javax.swing.JPanel panel = new javax.swing.JPanel(new net.miginfocom.swing.MigLayout());
        panel.add(new javax.swing.JTable(new Object[][] {{"a", "b"}}, new Object[] {"x", "y"}));
        panel.add(new javax.swing.JList<>(new String[] {"a"}));
        panel.add(new javax.swing.JLabel("<html><b>warm</b> up</html>"));
        panel.add(new javax.swing.JEditorPane("text/html", "<html><body><h1>x</h1></body></html>"));
        panel.add(new javax.swing.JToggleButton("x"));
        panel.add(new javax.swing.JTextArea("x"));
        panel.add(new javax.swing.JPasswordField());
        panel.add(new javax.swing.JComboBox<>(new String[] {"a"}));
        panel.add(new javax.swing.JProgressBar());
        panel.add(new javax.swing.JCheckBox("x"));
        frame.add(new javax.swing.JScrollPane(panel));
        frame.pack();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(
                Math.max(1, frame.getWidth()), Math.max(1, frame.getHeight()), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        frame.getContentPane().paintAll(g);
        g.dispose();
        // AssertJ Swing's component formatting introspects every Swing type when first used (by an
        // assertion's description, on the EDT): test harness cost, paid here rather than in a test.
        org.assertj.swing.format.Formatting.format(panel);
        frame.dispose();
    }

    /** Exceptions thrown on the EDT during the test: each one fails it. */
    protected static final List<Throwable> EDT_ERRORS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() {
        EDT_ERRORS.clear();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> EDT_ERRORS.add(error));
        server = startServer(FAST);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(0);
        robot.settings().eventPostingDelay(0);
        edt = EdtWatchdog.get();
        edt.reset();
    }

    /** Override to seed the store before the server starts. */
    protected EmbeddedServer startServer(PasswordHasher hasher) {
        return EmbeddedServer.startDemo(hasher);
    }

    @AfterEach
    void stopAll() {
        long worst = edt == null ? 0 : edt.worstMs();
        String described = edt == null ? "" : edt.describe();
        if (robot != null) {
            robot.cleanUp();
        }
        for (ClientModel model : models) {
            model.connection().close();
        }
        if (server != null) {
            server.close();
        }
        assertThat(EDT_ERRORS).as("exceptions on the EDT").isEmpty();
        assertThat(worst).as(described).isLessThanOrEqualTo(EdtWatchdog.LIMIT_MS);
    }

    /** A model signed in as a demo user (off the EDT), its events on the EDT. */
    protected ClientModel signIn(String username) {
        return signIn(username, Connection.builder(server.host(), server.port()).build());
    }

    /** As {@link #signIn(String)}, over a connection the test built (through a proxy, with its own backoff). */
    protected ClientModel signIn(String username, Connection connection) {
        ClientModel model = new ClientModel(connection, java.awt.EventQueue::invokeLater, ClientModel.Options.forViews());
        models.add(model);
        try {
            model.signIn(username, DemoRegion.PASSWORD).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sign-in of " + username + " failed", e);
        }
        return model;
    }

    /** Signs a demo user in and opens their desk; returns the main window's fixture. */
    protected FrameFixture openDesk(String username, RecordingDoorbell doorbell) {
        return openDesk(signIn(username), doorbell);
    }

    /** Opens the desk of a model signed in with {@link #signIn(String, Connection)}. */
    protected FrameFixture openDesk(ClientModel model, RecordingDoorbell doorbell) {
        Desk desk = GuiActionRunner.execute(() -> new Desk(model, doorbell, Clock.systemUTC(), "test"));
        desks.add(desk);
        FrameFixture frame = new FrameFixture(robot, desk.mainWindow());
        frame.show(new Dimension(630, 640));
        frame.moveTo(new java.awt.Point(640 * (desks.size() - 1), 0));
        robot.waitForIdle();
        // Building a desk after sign-in happens once per shift; the watchdog measures what follows.
        edt.reset();
        return frame;
    }

    protected Desk desk(int index) {
        return desks.get(index);
    }

    /** Waits (without sleeping blindly) until the condition holds on the EDT. */
    protected static void waitUntil(String description, BooleanSupplier condition) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::getAsBoolean);
            }
        }, Timeout.timeout(10, TimeUnit.SECONDS));
    }

    /**
     * The named button once it is showing: pages fill in as the model's events arrive (the IM
     * options appear when the profile's rights are known), so a lookup must wait for it.
     */
    protected org.assertj.swing.fixture.JButtonFixture showingButton(FrameFixture frame, String name) {
        waitUntil("button showing: " + name, () -> robot.finder()
                .findAll(frame.target(), c -> name.equals(c.getName()) && c.isShowing()).size() == 1);
        return frame.button(name);
    }

    /** Opens the county EOC's page and clicks the user's name in the Contacts table. */
    /** Brings a window to the front and makes it the focused one (bare X has no window manager to do it). */
    protected static void activate(java.awt.Window window) {
        // Without a window manager a focus request is occasionally dropped (another window was
        // still being mapped); ask again on each check until the window is active.
        waitUntil("window active: " + window.getName(), () -> {
            if (!window.isActive()) {
                window.toFront();
                window.requestFocus();
            }
            return window.isActive();
        });
    }

    /**
     * Answers the confirmation dialog that is opening from the keyboard, as a dispatcher would:
     * Enter on the focused OK button, or Escape. Waits until the dialog's window is active first
     * and gone after. (Robot clicks on a dialog just mapped on bare Xvfb were lost now and then:
     * the dialog stayed open with the button untouched.)
     */
    protected void answerConfirmation(boolean ok) {
        org.assertj.swing.fixture.JOptionPaneFixture pane =
                org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        java.awt.Window dialog = GuiActionRunner.execute(() -> javax.swing.SwingUtilities.getWindowAncestor(pane.target()));
        waitUntil("confirmation active", dialog::isActive);
        if (ok) {
            waitUntil("OK focused", () -> pane.okButton().target().isFocusOwner());
            pane.okButton().pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        } else {
            pane.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ESCAPE);
        }
        waitUntil("confirmation closed", () -> !pane.target().isShowing());
    }

    protected ImWindow startChatFromResource(FrameFixture main, String fullName) {
        activate(main.target());
        main.textBox(Names.RESOURCES_FILTER).enterText("County EOC");
        main.textBox(Names.RESOURCES_FILTER).pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        // A condition, not a lookup: a fixture lookup before the page shows throws instead of waiting.
        waitUntil("contacts loaded", () -> robot.finder().findAll(main.target(), c -> Names.CONTACTS.equals(c.getName())
                && c.isShowing() && c instanceof javax.swing.JTable contacts && contacts.getRowCount() > 0).size() == 1);
        var table = main.table(Names.CONTACTS);
        int row = GuiActionRunner.execute(() -> {
            for (int r = 0; r < table.target().getRowCount(); r++) {
                if (fullName.equals(table.target().getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(row).as(fullName + " listed").isNotNegative();
        table.cell(org.assertj.swing.data.TableCell.row(row).column(0)).click();
        var windows = desks.stream().filter(d -> d.mainWindow() == main.target()).findFirst().orElseThrow().imWindows();
        var model = desks.stream().filter(d -> d.mainWindow() == main.target()).findFirst().orElseThrow().model();
        waitUntil("IM window open", () -> model.sessions().stream()
                .anyMatch(s -> windows.window(s.sessionId()).map(w -> w.isShowing()).orElse(false)));
        return model.sessions().stream().map(s -> windows.window(s.sessionId())).filter(java.util.Optional::isPresent)
                .map(java.util.Optional::get).filter(w -> GuiActionRunner.execute(w::isShowing)).findFirst().orElseThrow();
    }

    protected static List<MessageRow> rows(ImWindow window) {
        return GuiActionRunner.execute(() -> {
            JList<MessageRow> list = findList(window);
            List<MessageRow> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                out.add(list.getModel().getElementAt(i));
            }
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    protected static JList<MessageRow> findList(java.awt.Container container) {
        for (java.awt.Component c : container.getComponents()) {
            if (c instanceof JList<?> list && Names.MESSAGE_PANE.equals(list.getName())) {
                return (JList<MessageRow>) list;
            }
            if (c instanceof java.awt.Container inner) {
                JList<MessageRow> found = findList(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    protected static Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
