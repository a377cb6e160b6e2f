package org.beacon.client.ui.main;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.WindowConstants;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.notify.BannerStrip;

/**
 * The main window: navigation bar on top, the current page in the middle, the banner strip and the
 * status line at the bottom. It only arranges; pages and strips do their own work. EDT only.
 */
public final class MainWindow extends JFrame {
    private static final long serialVersionUID = 1L;
    public static final String RESOURCES = "resources";
    public static final String RESOURCE = "resource";
    public static final String IM = "im";
    public static final String HELP = "help";

    private final NavigationBar nav;
    private final CardLayout cards = new CardLayout();
    private final JPanel pages = new JPanel(cards);
    private final StatusLine status;
    private final BannerStrip banner;
    private String page = RESOURCES;
    private Runnable onShowResources = () -> { };
    private Runnable onShowIm = () -> { };
    private Runnable onShowHelp = () -> { };

    public MainWindow(String title, String regionLabel, StatusLine status, BannerStrip banner) {
        super(title);
        setName(Names.MAIN_WINDOW);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        this.nav = new NavigationBar();
        status.server(regionLabel);
        this.status = status;
        this.banner = banner;
        JPanel top = new JPanel(new BorderLayout());
        top.add(nav, BorderLayout.CENTER);
        top.add(new JSeparator(), BorderLayout.SOUTH);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(banner, BorderLayout.NORTH);
        JPanel statusBox = new JPanel(new BorderLayout());
        statusBox.add(new JSeparator(), BorderLayout.NORTH);
        statusBox.add(status, BorderLayout.CENTER);
        bottom.add(statusBox, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(pages, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        banner.installShortcut(getRootPane());
        nav.resources.addActionListener(e -> onShowResources.run());
        nav.im.addActionListener(e -> show(IM));
        nav.help.addActionListener(e -> show(HELP));
        nav.resources.setSelected(true);
        setSize(900, 640);
    }

    public void addPage(String key, Component page) {
        pages.add(page, key);
    }

    /** What the Resources tab does (the Desk shows the list and reloads it). */
    public void onShowResources(Runnable action) {
        this.onShowResources = action;
    }

    /** Called whenever the IM page is shown (to refresh it). */
    public void onShowIm(Runnable action) {
        this.onShowIm = action;
    }

    /** Called whenever the Help page is shown (it is built on first use). */
    public void onShowHelp(Runnable action) {
        this.onShowHelp = action;
    }

    public void show(String key) {
        page = key;
        cards.show(pages, key);
        switch (key) {
            case IM -> {
                nav.im.setSelected(true);
                onShowIm.run();
            }
            case HELP -> {
                nav.help.setSelected(true);
                onShowHelp.run();
            }
            default -> nav.resources.setSelected(true);
        }
    }

    public String page() {
        return page;
    }

    /** IM switched on or off for the region: the IM tab appears or disappears at once. */
    public void imEnabled(boolean enabled) {
        nav.im.setVisible(enabled);
        if (!enabled && IM.equals(page)) {
            onShowResources.run();
        }
        nav.revalidate();
        nav.repaint();
    }

    /** The doorbell's mute toggle. */
    public javax.swing.JToggleButton muteToggle() {
        return nav.mute;
    }

    public StatusLine status() {
        return status;
    }

    public BannerStrip banner() {
        return banner;
    }
}
