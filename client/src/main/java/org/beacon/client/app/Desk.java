package org.beacon.client.app;

import java.awt.EventQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.swing.JEditorPane;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.ui.DirectoryCache;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.Navigator;
import org.beacon.client.ui.TimeStamps;
import org.beacon.client.ui.im.ConferenceWizard;
import org.beacon.client.ui.im.ImPage;
import org.beacon.client.ui.im.ImWindows;
import org.beacon.client.ui.im.PrivateChatPicker;
import org.beacon.client.ui.main.MainWindow;
import org.beacon.client.ui.main.StatusLine;
import org.beacon.client.ui.notify.ArrivalNotifier;
import org.beacon.client.ui.notify.AttentionRequester;
import org.beacon.client.ui.notify.BannerStrip;
import org.beacon.client.ui.notify.Doorbell;
import org.beacon.client.ui.notify.RingLimiter;
import org.beacon.client.ui.resources.ResourceDetailPage;
import org.beacon.client.ui.resources.ResourcesPage;
import org.beacon.protocol.model.UserSummary;

/**
 * One signed-in user's desk: builds the main window, its pages, the IM windows, banner and doorbell
 * around a signed-in {@link ClientModel}, routes the model's events to them, and carries out what
 * views ask for ({@link Navigator}). Wiring only: each view does its own job. EDT only.
 */
public final class Desk implements Navigator {
    private final ClientModel model;
    private final DirectoryCache directory;
    private final MainWindow main;
    private final ResourcesPage resources;
    private final ResourceDetailPage detail;
    private final ImPage imPage;
    private final ImWindows windows;
    private final BannerStrip banner;
    private final RingLimiter ring;
    private final AttentionRequester attention = new AttentionRequester();
    /** Sessions I started whose window opens as soon as the model knows them. */
    private final java.util.Set<String> toOpen = new java.util.HashSet<>();

    public Desk(ClientModel model, Doorbell doorbell, Clock clock, String serverLabel) {
        this.model = model;
        this.directory = new DirectoryCache(model.connection());
        var me = model.me();
        TimeStamps times = new TimeStamps(model.zone());
        this.banner = new BannerStrip(times, this::openSession);
        StatusLine status = new StatusLine(clock);
        this.main = new MainWindow("Beacon \u2014 " + (me.fullName() == null ? me.username() : me.fullName())
                + " (" + me.username() + ")", "Server " + serverLabel, status, banner);
        this.windows = new ImWindows(model, clock, this::seen);
        windows.placeNear(main);
        this.ring = new RingLimiter(doorbell, clock, Duration.ofSeconds(1));
        this.resources = new ResourcesPage(directory, this);
        this.detail = new ResourceDetailPage(model, this);
        this.imPage = new ImPage(model, this);
        main.addPage(MainWindow.RESOURCES, resources);
        main.addPage(MainWindow.RESOURCE, detail);
        main.addPage(MainWindow.IM, imPage);
        javax.swing.JPanel help = new javax.swing.JPanel(new java.awt.BorderLayout());
        main.addPage(MainWindow.HELP, help);
        main.onShowHelp(() -> {
            // Built on first use: laying out an HTML page costs the EDT a noticeable moment.
            if (help.getComponentCount() == 0) {
                help.add(helpPage());
                help.revalidate();
            }
        });
        main.onShowResources(this::showResources);
        main.onShowIm(imPage::refresh);
        main.muteToggle().addItemListener(e -> ring.setMuted(main.muteToggle().isSelected()));
        ArrivalNotifier notifier = new ArrivalNotifier(model, banner, ring, attention, windows::isFocused,
                () -> main.isActive() || windows.anyFocused(), main);

        status.show(model.connection().state());
        status.signedIn(me);
        imSwitched(model.imEnabled());
        model.addListener(event -> {
            windows.onModelEvent(event);
            notifier.onModelEvent(event);
            detail.onModelEvent(event);
            imPage.onModelEvent(event);
            if (event instanceof ModelEvent.SessionOpened opened && toOpen.remove(opened.session().sessionId())) {
                openSession(opened.session().sessionId());
            }
            if (event instanceof ModelEvent.ConnectionStateChanged changed) {
                status.show(changed.state());
            } else if (event instanceof ModelEvent.SignedIn signedIn) {
                status.signedIn(signedIn.me());
                imSwitched(signedIn.imEnabled());
            } else if (event instanceof ModelEvent.ImSwitched switched) {
                imSwitched(switched.enabled());
            }
        });
        main.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                close();
            }
        });
        main.show(MainWindow.RESOURCES);
        resources.refresh();
    }

    public MainWindow mainWindow() {
        return main;
    }

    public ImWindows imWindows() {
        return windows;
    }

    public ClientModel model() {
        return model;
    }

    public void show() {
        main.setVisible(true);
        resources.filterField().requestFocusInWindow();
    }

    /** Signs out and closes every window of this desk. */
    public void close() {
        detail.leave();
        windows.disposeAll();
        attention.close();
        if (main.isDisplayable()) {
            main.dispose();
        }
        model.connection().logout().whenComplete((ok, error) -> model.connection().close());
    }

    // ---------------------------------------------------------------- Navigator

    @Override
    public void openSession(String sessionId) {
        if (!model.imEnabled()) {
            return;
        }
        if (windows.open(sessionId).isEmpty()) {
            JOptionPane.showMessageDialog(main, "That session is no longer available.", "Beacon",
                    JOptionPane.INFORMATION_MESSAGE);
            banner.seen(sessionId);
        }
    }

    @Override
    public void startPrivateChat(String username) {
        model.connection().startPrivate(username).whenComplete((result, error) -> EventQueue.invokeLater(() -> {
            if (error != null) {
                JOptionPane.showMessageDialog(main, "The chat with " + username + " was not started: "
                        + Failures.describe(error), "Beacon", JOptionPane.WARNING_MESSAGE);
                return;
            }
            openWhenKnown(result.session().sessionId());
        }));
    }

    @Override
    public void openConferenceWizard(List<UserSummary> offered, String resourceId) {
        if (!model.imEnabled()) {
            return;
        }
        new ConferenceWizard(main, model, directory, offered, resourceId,
                session -> openWhenKnown(session.sessionId())).setVisible(true);
    }

    @Override
    public void openPrivateChatPicker() {
        new PrivateChatPicker(main, directory, model.me().username(), this::startPrivateChat).setVisible(true);
    }

    @Override
    public void showResource(String resourceId) {
        main.show(MainWindow.RESOURCE);
        detail.show(resourceId);
    }

    @Override
    public void showResources() {
        detail.leave();
        main.show(MainWindow.RESOURCES);
        resources.refresh();
    }

    // ---------------------------------------------------------------- internals

    /**
     * The reply to a start request may come before the model has heard {@code session_opened}:
     * then the window opens when that event arrives.
     */
    private void openWhenKnown(String sessionId) {
        if (model.session(sessionId).isPresent()) {
            openSession(sessionId);
        } else {
            toOpen.add(sessionId);
        }
    }

    private void seen(String sessionId) {
        banner.seen(sessionId);
    }

    private void imSwitched(boolean enabled) {
        main.imEnabled(enabled);
        detail.imEnabled(enabled);
        if (!enabled) {
            windows.hideAll();
            banner.clear();
        }
    }

    private JScrollPane helpPage() {
        JEditorPane pane = new JEditorPane();
        pane.setEditable(false);
        pane.setContentType("text/html");
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        try {
            pane.setPage(Desk.class.getResource("/help/beacon.html"));
        } catch (java.io.IOException | NullPointerException e) {
            pane.setText("<html><body>Help is not available.</body></html>");
        }
        pane.getAccessibleContext().setAccessibleName("Help");
        return new JScrollPane(pane);
    }
}
