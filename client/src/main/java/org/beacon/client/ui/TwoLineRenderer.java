package org.beacon.client.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * A list row of two lines (bold title with an optional red badge, muted detail) built from plain
 * labels: HTML labels cost the EDT a style sheet per row, this costs nothing.
 */
public abstract class TwoLineRenderer<T> extends JPanel implements ListCellRenderer<T> {
    private static final long serialVersionUID = 1L;
    private static final Color BADGE = new Color(0xc62828);
    private final JLabel title = new JLabel();
    private final JLabel badge = new JLabel();
    private final JLabel detail = new JLabel();

    protected TwoLineRenderer() {
        super(new MigLayout("insets 3 8 3 8, gap 0 0, fillx", "[][grow]", "[][]"));
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        badge.setFont(badge.getFont().deriveFont(Font.BOLD));
        add(title);
        add(badge, "gapleft 10, wrap");
        add(detail, "span 2");
        setBorder(BorderFactory.createEmptyBorder());
    }

    /** @return {title, badge (may be empty), detail} */
    protected abstract String[] lines(T value);

    @Override
    public Component getListCellRendererComponent(JList<? extends T> list, T value, int index, boolean selected,
            boolean focus) {
        String[] text = lines(value);
        title.setText(text[0]);
        badge.setText(text[1]);
        detail.setText(text[2]);
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        title.setForeground(fg);
        badge.setForeground(selected ? fg : BADGE);
        Color muted = UIManager.getColor("Label.disabledForeground");
        detail.setForeground(selected ? fg : muted == null ? Color.GRAY : muted);
        getAccessibleContext().setAccessibleName(String.join(", ", text).replace(", ,", ","));
        return this;
    }
}
