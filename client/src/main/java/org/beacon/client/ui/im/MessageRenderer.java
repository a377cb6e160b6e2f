package org.beacon.client.ui.im;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Paints one {@link MessageRow}: time (muted), sender (bold), text. One lightweight component
 * reused for every row, painting text directly: no HTML, no layout, so scrolling through a long
 * transcript costs a few string draws per visible row.
 */
final class MessageRenderer extends JComponent implements ListCellRenderer<MessageRow> {
    private static final long serialVersionUID = 1L;
    private static final int PAD = 8;

    private final String me;
    private MessageRow row;
    private boolean selected;
    private Color selectedBackground;
    private Color selectedForeground;
    private final Color muted;
    private final Color system;
    private final Color pendingColor;
    private final Color failedColor;
    private final Color mineColor;
    private final Font plain;
    private final Font bold;
    private final Font italic;
    private final int timeWidth;
    private final int senderWidth;

    MessageRenderer(Font font, String me) {
        this.me = me;
        this.plain = font;
        this.bold = font.deriveFont(Font.BOLD);
        this.italic = font.deriveFont(Font.ITALIC);
        this.muted = colour("Label.disabledForeground", Color.GRAY);
        this.system = new Color(0x5a6b7d);
        this.pendingColor = new Color(0x8a8a8a);
        this.failedColor = new Color(0xc62828);
        this.mineColor = new Color(0x1b5e9e);
        setOpaque(true);
        FontMetrics metrics = getFontMetrics(font);
        this.timeWidth = metrics.stringWidth("00:00:00") + PAD * 2;
        this.senderWidth = getFontMetrics(bold).stringWidth("wwwwwwwwww") + PAD;
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.LABEL;
                }
            };
        }
        return accessibleContext;
    }

    /** The height of every row. */
    int rowHeight() {
        return getFontMetrics(plain).getHeight() + 6;
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends MessageRow> list, MessageRow value, int index,
            boolean isSelected, boolean cellHasFocus) {
        this.row = value;
        this.selected = isSelected;
        this.selectedBackground = list.getSelectionBackground();
        this.selectedForeground = list.getSelectionForeground();
        setBackground(isSelected ? selectedBackground : list.getBackground());
        setForeground(list.getForeground());
        getAccessibleContext().setAccessibleName(value == null ? "" : value.toString());
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(400, rowHeight());
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            if (row == null) {
                return;
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
            FontMetrics metrics = g.getFontMetrics(plain);
            int baseline = (getHeight() - metrics.getHeight()) / 2 + metrics.getAscent();
            int x = PAD;
            Color text = selected ? selectedForeground : getForeground();
            g.setFont(plain);
            g.setColor(selected ? selectedForeground : muted);
            g.drawString(row.time(), x, baseline);
            x += timeWidth;
            switch (row.kind()) {
                case SYSTEM -> {
                    g.setFont(italic);
                    g.setColor(selected ? selectedForeground : system);
                    g.drawString(row.text(), x, baseline);
                }
                case CONTINUATION -> {
                    g.setColor(text);
                    g.drawString(row.text(), x + senderWidth, baseline);
                }
                default -> {
                    g.setFont(bold);
                    boolean mine = row.sender().equals(me);
                    g.setColor(selected ? selectedForeground : mine ? mineColor : text);
                    g.drawString(row.sender(), x, baseline);
                    int senderEnd = x + Math.max(senderWidth, g.getFontMetrics().stringWidth(row.sender()) + PAD);
                    g.setFont(plain);
                    Color body = switch (row.kind()) {
                        case PENDING -> pendingColor;
                        case FAILED -> failedColor;
                        default -> text;
                    };
                    g.setColor(selected ? selectedForeground : body);
                    g.drawString(row.text(), senderEnd, baseline);
                    String mark = row.kind() == MessageRow.Kind.PENDING ? "  \u23F3 pending"
                            : row.kind() == MessageRow.Kind.FAILED ? "  \u2716 not sent" : null;
                    if (mark != null) {
                        g.setFont(italic);
                        g.drawString(mark, senderEnd + g.getFontMetrics(plain).stringWidth(row.text()), baseline);
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static Color colour(String key, Color fallback) {
        Color value = UIManager.getColor(key);
        return value == null ? fallback : value;
    }
}
