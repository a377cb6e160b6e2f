package org.beacon.client.ui.notify;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.Window;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the desktop to draw the user's eye to the application when it is not focused: the taskbar
 * entry flashes and, where the platform has a system tray, a notification pops up. Every call is
 * guarded: platforms without these features (bare X servers, kiosks) simply get nothing.
 * EDT only.
 */
public final class AttentionRequester {
    private static final Logger log = LoggerFactory.getLogger(AttentionRequester.class);
    private TrayIcon trayIcon;
    private boolean trayFailed;

    public void request(Window window, String title, String text) {
        try {
            if (Taskbar.isTaskbarSupported()
                    && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
                Taskbar.getTaskbar().requestWindowUserAttention(window);
            }
        } catch (RuntimeException e) {
            log.debug("taskbar attention unavailable: {}", e.toString());
        }
        TrayIcon icon = trayIcon();
        if (icon != null) {
            icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        }
    }

    /** Removes the tray icon, if one was added. */
    public void close() {
        if (trayIcon != null) {
            SystemTray.getSystemTray().remove(trayIcon);
            trayIcon = null;
        }
    }

    private TrayIcon trayIcon() {
        if (trayIcon != null || trayFailed) {
            return trayIcon;
        }
        try {
            if (!SystemTray.isSupported()) {
                trayFailed = true;
                return null;
            }
            Image image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            TrayIcon icon = new TrayIcon(image, "Beacon");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            trayIcon = icon;
        } catch (AWTException | RuntimeException e) {
            trayFailed = true;
            log.info("no system tray notifications: {}", e.toString());
        }
        return trayIcon;
    }
}
