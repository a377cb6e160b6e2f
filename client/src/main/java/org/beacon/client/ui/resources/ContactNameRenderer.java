package org.beacon.client.ui.resources;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.font.TextAttribute;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * Renders a contact's name: green and bold with a filled dot while online, grey dot when not;
 * underlined like a link when clicking it starts a private chat (the viewer may initiate).
 */
final class ContactNameRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;
    /** Online green, dark enough to read on white (WCAG AA for bold text). */
    static final Color ONLINE = new Color(0x1e8e3e);
    private static final Color OFFLINE_DOT = new Color(0x9aa0a6);

    private final ContactsTableModel model;
    private final BooleanSupplier namesAreLinks;
    private final String me;

    ContactNameRenderer(ContactsTableModel model, BooleanSupplier namesAreLinks, String me) {
        this.model = model;
        this.namesAreLinks = namesAreLinks;
        this.me = me;
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
            int row, int column) {
        super.getTableCellRendererComponent(table, value, selected, focus, row, column);
        int modelRow = table.convertRowIndexToModel(row);
        boolean online = model.online(modelRow);
        boolean link = namesAreLinks.getAsBoolean() && !model.user(modelRow).username().equals(me);
        Font base = table.getFont().deriveFont(online ? Font.BOLD : Font.PLAIN);
        setFont(link ? base.deriveFont(Map.of(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON)) : base);
        if (!selected) {
            setForeground(online ? ONLINE : table.getForeground());
        }
        setIcon(new Dot(online ? ONLINE : OFFLINE_DOT, online));
        setIconTextGap(8);
        String status = online ? "online" : "offline";
        setToolTipText(link ? "Start a private chat with " + value + " (" + status + ")" : value + " is " + status);
        getAccessibleContext().setAccessibleName(value + ", " + status + (link ? ", link: start private chat" : ""));
        return this;
    }

    /** A small status dot (filled when online): colour is not the only cue. */
    private record Dot(Color colour, boolean filled) implements javax.swing.Icon {
        @Override
        public void paintIcon(Component c, java.awt.Graphics g, int x, int y) {
            java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
            g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(colour);
            if (filled) {
                g2.fillOval(x + 1, y + 1, 8, 8);
            } else {
                g2.drawOval(x + 1, y + 1, 8, 8);
            }
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 10;
        }

        @Override
        public int getIconHeight() {
            return 10;
        }
    }
}
