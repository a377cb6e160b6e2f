package org.beacon.client.ui.notify;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.accessibility.AccessibleRole;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.TimeStamps;

/**
 * The banner strip at the bottom of the main window. Every arrival is kept, grouped by session
 * (newest session on top, a count of new messages per session), until that session is seen; it
 * slides in when the first one comes. Clicking an entry, or Ctrl+Shift+O for the newest, opens
 * the session. EDT only.
 */
public final class BannerStrip extends JPanel {
    private static final long serialVersionUID = 1L;
    /** Opens the newest banner entry's session. */
    public static final KeyStroke OPEN_NEWEST = KeyStroke.getKeyStroke(KeyEvent.VK_O,
            KeyEvent.CTRL_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK);
    private static final int SHOWN = 3;
    private static final Color BACKGROUND = new Color(0xfff4c2);
    private static final Color EDGE = new Color(0xe0a800);
    private static final int PREVIEW = 80;

    private final Consumer<String> open;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final JLabel more = new JLabel();
    private TimeStamps times;
    private Timer slide;
    private int shownHeight;

    private static final class Entry {
        Arrival latest;
        int count;
    }

    /** @param open opens a session's window */
    public BannerStrip(TimeStamps times, Consumer<String> open) {
        super(new MigLayout("insets 4 10 6 10, fillx, gap 0 2", "[grow,fill]", ""));
        this.times = times;
        this.open = open;
        setName(Names.BANNER);
        setBackground(BACKGROUND);
        setBorder(BorderFactory.createMatteBorder(2, 0, 0, 0, EDGE));
        getAccessibleContext().setAccessibleName("New messages");
        getAccessibleContext().setAccessibleDescription("Messages that arrived while their window was not in front");
        more.setName(Names.BANNER_TEXT);
        setVisible(false);
    }

    public void setTimes(TimeStamps times) {
        this.times = times;
        rebuild();
    }

    /** Adds an arrival; shows the strip if it was hidden. */
    public void add(Arrival arrival) {
        Entry entry = entries.remove(arrival.sessionId());
        if (entry == null) {
            entry = new Entry();
        }
        entry.latest = arrival;
        entry.count++;
        entries.put(arrival.sessionId(), entry);
        boolean wasHidden = !isVisible();
        rebuild();
        if (wasHidden) {
            slideIn();
        }
    }

    /** The session was seen: its entry goes; the strip hides when none is left. */
    public void seen(String sessionId) {
        if (entries.remove(sessionId) != null) {
            rebuild();
        }
    }

    public void clear() {
        entries.clear();
        rebuild();
    }

    /** Whether the strip is shown at full height (not sliding in). */
    public boolean settled() {
        return isVisible() && (slide == null || !slide.isRunning());
    }

    /** The number of messages waiting to be seen. */
    public int waiting() {
        return entries.values().stream().mapToInt(e -> e.count).sum();
    }

    /** Opens the newest entry's session, if any. */
    public void openNewest() {
        List<String> ids = new ArrayList<>(entries.keySet());
        if (!ids.isEmpty()) {
            open.accept(ids.get(ids.size() - 1));
        }
    }

    /** Installs the Ctrl+Shift+O shortcut on a window's root component. */
    public void installShortcut(JComponent root) {
        root.registerKeyboardAction(e -> openNewest(), OPEN_NEWEST, JComponent.WHEN_IN_FOCUSED_WINDOW);
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension full = super.getPreferredSize();
        if (slide != null && slide.isRunning()) {
            return new Dimension(full.width, Math.min(full.height, shownHeight));
        }
        return full;
    }

    private void rebuild() {
        removeAll();
        if (entries.isEmpty()) {
            setVisible(false);
            revalidate();
            return;
        }
        List<Map.Entry<String, Entry>> newestFirst = new ArrayList<>(entries.entrySet());
        java.util.Collections.reverse(newestFirst);
        int shown = 0;
        for (Map.Entry<String, Entry> item : newestFirst) {
            if (shown == SHOWN) {
                break;
            }
            // wmin 0: in a narrow window the entry ends in "…" instead of being cut off mid-word.
            add(button(item.getKey(), item.getValue(), shown == 0), "growx, wmin 0, wrap");
            shown++;
        }
        int hidden = newestFirst.size() - shown;
        int total = waiting();
        more.setText(total + (total == 1 ? " new message" : " new messages")
                + (hidden > 0 ? " (" + hidden + " more sessions)" : "") + "   \u00b7   Ctrl+Shift+O opens the newest");
        more.setFont(more.getFont().deriveFont(Font.PLAIN));
        add(more, "growx, wmin 0");
        getAccessibleContext().setAccessibleName(total + " new messages");
        setVisible(true);
        revalidate();
        repaint();
    }

    private JButton button(String sessionId, Entry entry, boolean newest) {
        Arrival a = entry.latest;
        String preview = a.text().replace('\n', ' ');
        if (preview.length() > PREVIEW) {
            preview = preview.substring(0, PREVIEW - 1) + "\u2026";
        }
        String count = entry.count > 1 ? "  (" + entry.count + " new)" : "";
        // The count before the preview: when the entry is elided, the preview's end goes, not the count.
        String text = times.format(a.receivedAt()) + "   " + a.sender() + " \u2014 " + a.sessionTitle() + count + ":  "
                + preview;
        JButton button = new JButton(text);
        button.setName(Names.BANNER_OPEN + ":" + sessionId);
        button.setHorizontalAlignment(SwingConstants.LEADING);
        button.putClientProperty("JButton.buttonType", "borderless");
        button.setFont(button.getFont().deriveFont(newest ? Font.BOLD : Font.PLAIN));
        button.setToolTipText("<html>Open the session<br>" + escape(text) + "</html>");
        button.getAccessibleContext().setAccessibleName("New message at " + times.format(a.receivedAt()) + " from "
                + a.sender() + " in " + a.sessionTitle() + count + ": " + preview + ". Press Enter to open.");
        button.addActionListener(e -> open.accept(sessionId));
        EnterPresses.install(button);
        return button;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void slideIn() {
        if (slide != null) {
            slide.stop();
        }
        shownHeight = 0;
        slide = new Timer(15, null);
        slide.addActionListener(e -> {
            shownHeight += 8;
            if (shownHeight >= super.getPreferredSize().height) {
                slide.stop();
            }
            revalidate();
        });
        slide.start();
    }

    /** Announced as an alert, so screen readers speak it when it appears. */
    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJPanel() {
                private static final long serialVersionUID = 1L;

                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.ALERT;
                }
            };
        }
        return accessibleContext;
    }
}
