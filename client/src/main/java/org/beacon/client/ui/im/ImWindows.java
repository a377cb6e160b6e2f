package org.beacon.client.ui.im;

import java.awt.Frame;
import java.awt.Window;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.ui.TimeStamps;

/**
 * The IM windows of one signed-in user, one per session, created on first opening and reused;
 * routes the model's events to the window of their session. EDT only.
 */
public final class ImWindows {
    private final ClientModel model;
    private final Clock clock;
    private final Consumer<String> onSeen;
    private final Map<String, ImWindow> windows = new LinkedHashMap<>();
    private TimeStamps times;
    private Window placeNear;

    /** @param onSeen told when a session's window became the focused one */
    public ImWindows(ClientModel model, Clock clock, Consumer<String> onSeen) {
        this.model = model;
        this.clock = clock;
        this.onSeen = onSeen;
    }

    /** The window new IM windows open beside. */
    public void placeNear(Window window) {
        this.placeNear = window;
    }

    /** Opens (or brings forward and focuses) the session's window; empty if the session is unknown. */
    public Optional<ImWindow> open(String sessionId) {
        ImWindow window = windows.get(sessionId);
        if (window == null) {
            var summary = model.session(sessionId);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            window = new ImWindow(model, summary.get(), times(), clock, onSeen);
            if (placeNear != null) {
                window.setLocation(onScreen(window, placeNear.getX() + 40 + 24 * (windows.size() % 6),
                        placeNear.getY() + 80 + 24 * (windows.size() % 6)));
            }
            windows.put(sessionId, window);
        }
        if ((window.getExtendedState() & Frame.ICONIFIED) != 0) {
            window.setExtendedState(window.getExtendedState() & ~Frame.ICONIFIED);
        }
        window.setVisible(true);
        window.toFront();
        window.requestFocus();
        return Optional.of(window);
    }

    public Optional<ImWindow> window(String sessionId) {
        return Optional.ofNullable(windows.get(sessionId));
    }

    /** Whether the session's window is the focused window. */
    public boolean isFocused(String sessionId) {
        ImWindow window = windows.get(sessionId);
        return window != null && window.isActive();
    }

    /** Whether any IM window of this user is the focused window. */
    public boolean anyFocused() {
        return windows.values().stream().anyMatch(Window::isActive);
    }

    /** Hides every window (IM switched off, or signing out). */
    public void hideAll() {
        windows.values().forEach(w -> w.setVisible(false));
    }

    public void disposeAll() {
        windows.values().forEach(Window::dispose);
        windows.clear();
    }

    public void onModelEvent(ModelEvent event) {
        if (event instanceof ModelEvent.MessageReceived received) {
            window(received.sessionId()).ifPresent(w -> w.messageReceived(received.message()));
        } else if (event instanceof ModelEvent.OutboxChanged changed) {
            window(changed.message().sessionId()).ifPresent(w -> w.outboxChanged(changed.message()));
        } else if (event instanceof ModelEvent.SessionUpdated updated) {
            window(updated.session().sessionId()).ifPresent(w -> w.sessionUpdated(updated.session()));
        } else if (event instanceof ModelEvent.SessionEnded ended) {
            window(ended.session().sessionId()).ifPresent(w -> w.ended(ended.endedBy()));
        }
    }

    /**
     * The point, moved left and up as far as needed for the whole window to fit on the screen of
     * the window it opens beside (a desk at the right edge would otherwise push its red x off screen).
     */
    private java.awt.Point onScreen(Window window, int x, int y) {
        java.awt.Rectangle screen = placeNear.getGraphicsConfiguration().getBounds();
        java.awt.Insets insets = java.awt.Toolkit.getDefaultToolkit().getScreenInsets(placeNear.getGraphicsConfiguration());
        int right = screen.x + screen.width - insets.right;
        int bottom = screen.y + screen.height - insets.bottom;
        return new java.awt.Point(Math.max(screen.x + insets.left, Math.min(x, right - window.getWidth())),
                Math.max(screen.y + insets.top, Math.min(y, bottom - window.getHeight())));
    }

    private TimeStamps times() {
        if (times == null || !times.zone().equals(model.zone())) {
            times = new TimeStamps(model.zone());
        }
        return times;
    }
}
