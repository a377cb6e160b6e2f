package org.beacon.client.ui.im;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Paints one {@link MessageRow}: time (muted), sender (bold), then the text wrapped at spaces to the
 * list's width, so a long message is read in full (each row as high as its lines). One lightweight
 * component reused for every row, painting text directly: no HTML, no layout. The list measures
 * every row when its width or content changes, so heights are cached per row and width; a row
 * that fits on one line costs one string measurement.
 */
final class MessageRenderer extends JComponent implements ListCellRenderer<MessageRow> {
    private static final long serialVersionUID = 1L;
    private static final int PAD = 8;
    /** Space above and below the lines of a row. */
    private static final int V_PAD = 3;
    private static final String PENDING_MARK = "  \u23F3 pending";
    private static final String FAILED_MARK = "  \u2716 not sent";

    private final String me;
    private MessageRow row;
    private boolean selected;
    private int width;
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
    /**
     * Row heights at {@link #heightsWidth}, by identity (a row's record hashCode would cost every
     * measured row a hash of its text); emptied when the width changes or rows left the list.
     */
    private final Map<MessageRow, Integer> heights = new IdentityHashMap<>();
    private int heightsWidth = -1;
    private int listSize;

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

                @Override
                public String getAccessibleName() {
                    // Built when asked, not for each of the rows the list measures.
                    return row == null ? "" : row.toString();
                }
            };
        }
        return accessibleContext;
    }

    /** The height of a row of one line (the scroll unit). */
    int rowHeight() {
        return lineHeight() + 2 * V_PAD;
    }

    private int lineHeight() {
        return getFontMetrics(plain).getHeight();
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends MessageRow> list, MessageRow value, int index,
            boolean isSelected, boolean cellHasFocus) {
        this.row = value;
        this.selected = isSelected;
        this.width = list.getWidth();
        this.listSize = list.getModel().getSize();
        this.selectedBackground = list.getSelectionBackground();
        this.selectedForeground = list.getSelectionForeground();
        setBackground(isSelected ? selectedBackground : list.getBackground());
        setForeground(list.getForeground());
        return this;
    }

    /** Narrow, so that the list tracks its viewport's width; as high as the row's wrapped lines. */
    @Override
    public Dimension getPreferredSize() {
        if (row == null) {
            return new Dimension(timeWidth + senderWidth, rowHeight());
        }
        if (width != heightsWidth || heights.size() > 2 * listSize + 1_000) {
            heights.clear();
            heightsWidth = width;
        }
        int height = heights.computeIfAbsent(row, r -> lines(r, width).size() * lineHeight() + 2 * V_PAD);
        return new Dimension(timeWidth + senderWidth, height);
    }

    /** The row's text as painted in a row {@code rowWidth} pixels wide, one string per line. */
    List<String> lines(MessageRow value, int rowWidth) {
        int available = rowWidth <= 0 ? 0 : Math.max(1, rowWidth - textX(value) - PAD - markWidth(value));
        return TextWrap.lines(value.text(), getFontMetrics(textFont(value)), available);
    }

    private int textX(MessageRow value) {
        int x = PAD + timeWidth;
        return switch (value.kind()) {
            case SYSTEM -> x;
            case CONTINUATION -> x + senderWidth;
            default -> x + Math.max(senderWidth, getFontMetrics(bold).stringWidth(value.sender()) + PAD);
        };
    }

    private Font textFont(MessageRow value) {
        return value.kind() == MessageRow.Kind.SYSTEM ? italic : plain;
    }

    private static String mark(MessageRow value) {
        return switch (value.kind()) {
            case PENDING -> PENDING_MARK;
            case FAILED -> FAILED_MARK;
            default -> null;
        };
    }

    private int markWidth(MessageRow value) {
        String mark = mark(value);
        return mark == null ? 0 : getFontMetrics(italic).stringWidth(mark);
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
            int baseline = V_PAD + metrics.getAscent();
            Color text = selected ? selectedForeground : getForeground();
            g.setFont(plain);
            g.setColor(selected ? selectedForeground : muted);
            g.drawString(row.time(), PAD, baseline);
            if (row.kind() != MessageRow.Kind.SYSTEM && row.kind() != MessageRow.Kind.CONTINUATION) {
                g.setFont(bold);
                g.setColor(selected ? selectedForeground : row.sender().equals(me) ? mineColor : text);
                g.drawString(row.sender(), PAD + timeWidth, baseline);
            }
            Color body = switch (row.kind()) {
                case SYSTEM -> system;
                case PENDING -> pendingColor;
                case FAILED -> failedColor;
                default -> text;
            };
            Font font = textFont(row);
            g.setFont(font);
            g.setColor(selected ? selectedForeground : body);
            int x = textX(row);
            List<String> lines = lines(row, getWidth());
            int y = baseline;
            for (String line : lines) {
                g.drawString(line, x, y);
                y += metrics.getHeight();
            }
            String mark = mark(row);
            if (mark != null) {
                g.setFont(italic);
                g.drawString(mark, x + g.getFontMetrics(font).stringWidth(lines.get(lines.size() - 1)),
                        y - metrics.getHeight());
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
