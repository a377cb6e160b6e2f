package org.beacon.client.ui;

import java.awt.Cursor;
import java.awt.font.TextAttribute;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.UIManager;

/**
 * A button that looks like a hyperlink (underlined, link colour, no border) but is a real button:
 * reachable with Tab, operated with Enter or Space, announced as a button.
 */
public final class LinkButton extends JButton {
    private static final long serialVersionUID = 1L;

    public LinkButton(String text) {
        super(text);
        putClientProperty("JButton.buttonType", "borderless");
        setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        setFont(getFont().deriveFont(Map.of(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON)));
        java.awt.Color link = UIManager.getColor("Component.linkColor");
        if (link != null) {
            setForeground(link);
        }
        EnterPresses.install(this);
    }
}
