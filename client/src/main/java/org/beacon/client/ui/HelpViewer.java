package org.beacon.client.ui;

import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.net.URL;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.event.HyperlinkEvent;

/**
 * Shows a bundled HTML help page in a window of the application (no browser needed on a locked-down
 * desk). Escape closes it. The page is a class-path resource, read by the editor pane itself.
 */
public final class HelpViewer {
    private HelpViewer() {
    }

    /** Opens {@code resource} (e.g. {@code /help/im.html}) over {@code owner}. */
    public static JDialog show(Window owner, String title, String resource) {
        JEditorPane pane = new JEditorPane();
        pane.setEditable(false);
        pane.setContentType("text/html");
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        URL url = HelpViewer.class.getResource(resource);
        try {
            if (url == null) {
                throw new IOException("missing " + resource);
            }
            pane.setPage(url);
        } catch (IOException e) {
            pane.setText("<html><body><p>The help page could not be opened: " + e.getMessage() + "</p></body></html>");
        }
        pane.addHyperlinkListener(event -> {
            if (event.getEventType() == HyperlinkEvent.EventType.ACTIVATED && event.getDescription() != null
                    && event.getDescription().startsWith("#")) {
                pane.scrollToReference(event.getDescription().substring(1));
            }
        });
        pane.getAccessibleContext().setAccessibleName(title);
        JDialog dialog = new JDialog(owner, title);
        dialog.setName(Names.HELP_VIEWER);
        dialog.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        dialog.add(new JScrollPane(pane));
        dialog.getRootPane().registerKeyboardAction(e -> dialog.dispose(),
                KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), JComponent.WHEN_IN_FOCUSED_WINDOW);
        dialog.setSize(new Dimension(640, 560));
        dialog.setLocationRelativeTo(owner);
        dialog.setVisible(true);
        return dialog;
    }
}
