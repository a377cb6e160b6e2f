package org.beacon.client.ui.resources;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;


import net.miginfocom.swing.MigLayout;
import org.beacon.client.ui.DirectoryCache;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.FilterField;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.Navigator;
import org.beacon.protocol.model.ResourceInfo;

/**
 * The region's resources, filtered as the user types (name, organization or kind). Down moves from
 * the filter into the list; Enter or a double click opens the resource's detail page. EDT only.
 */
public final class ResourcesPage extends JPanel {
    private static final long serialVersionUID = 1L;

    private final DirectoryCache directory;
    private final Navigator navigator;
    private final JTextField filter = new JTextField();
    private final DefaultListModel<ResourceInfo> shown = new DefaultListModel<>();
    private final JList<ResourceInfo> list = new JList<>(shown);
    private final JLabel message = new JLabel(" ");
    private List<ResourceInfo> all = List.of();

    public ResourcesPage(DirectoryCache directory, Navigator navigator) {
        super(new MigLayout("insets 16 20 12 20, fill", "[grow,fill]", "[][][][grow,fill]"));
        this.directory = directory;
        this.navigator = navigator;
        JLabel heading = new JLabel("Resources");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        filter.setName(Names.RESOURCES_FILTER);
        filter.putClientProperty("JTextField.placeholderText", "Type to filter by name, organization or kind");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.getAccessibleContext().setAccessibleName("Filter resources");
        JLabel filterLabel = new JLabel("Filter:");
        filterLabel.setDisplayedMnemonic(KeyEvent.VK_F);
        filterLabel.setLabelFor(filter);
        list.setName(Names.RESOURCES_LIST);
        list.getAccessibleContext().setAccessibleName("Resources");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new ResourceRenderer());
        list.setFixedCellHeight(44);
        add(heading, "wrap");
        add(filterLabel, "split 2, growx 0");
        add(filter, "growx, wrap");
        add(message, "wrap");
        add(new JScrollPane(list), "grow");

        FilterField.install(filter, list, this::applyFilter);
        filter.addActionListener(e -> {
            if (shown.size() >= 1) {
                navigator.showResource(shown.get(Math.max(0, list.getSelectedIndex())).resourceId());
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        list.getActionMap().put("open", FilterField.action(this::openSelected));
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        list.addKeyListener(new KeyAdapter() {
            @Override
            public void keyTyped(KeyEvent e) {
                char c = e.getKeyChar();
                if (!Character.isISOControl(c) && c != ' ') {
                    // Typing in the list filters too.
                    filter.requestFocusInWindow();
                    filter.setText(filter.getText() + c);
                    e.consume();
                }
            }
        });
    }

    /** Loads (or reloads) the list and puts the cursor into the filter. */
    public void refresh() {
        message.setText("Loading\u2026");
        directory.get().whenComplete((result, error) -> EventQueue.invokeLater(() -> {
            if (error != null) {
                message.setText("Could not load the resources: " + Failures.describe(error));
                return;
            }
            message.setText(" ");
            all = result.resources();
            applyFilter();
        }));
        filter.requestFocusInWindow();
    }

    public JTextField filterField() {
        return filter;
    }

    private void applyFilter() {
        String needle = filter.getText().strip().toLowerCase(Locale.ROOT);
        ResourceInfo selected = list.getSelectedValue();
        shown.clear();
        for (ResourceInfo resource : all) {
            if (needle.isEmpty() || matches(resource, needle)) {
                shown.addElement(resource);
            }
        }
        if (selected != null && shown.contains(selected)) {
            list.setSelectedValue(selected, true);
        } else if (!shown.isEmpty()) {
            list.setSelectedIndex(0);
        }
        message.setText(shown.isEmpty() && !all.isEmpty() ? "No resource matches \u201c" + filter.getText() + "\u201d" : " ");
    }

    private static boolean matches(ResourceInfo resource, String needle) {
        return contains(resource.name(), needle) || contains(resource.organizationName(), needle)
                || contains(resource.kind() == null ? null : resource.kind().replace('_', ' '), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void openSelected() {
        ResourceInfo resource = list.getSelectedValue();
        if (resource != null) {
            navigator.showResource(resource.resourceId());
        }
    }


    /** Two lines: the name, then organization and kind. */
    private static final class ResourceRenderer extends org.beacon.client.ui.TwoLineRenderer<ResourceInfo> {
        private static final long serialVersionUID = 1L;

        @Override
        protected String[] lines(ResourceInfo resource) {
            String kind = resource.kind() == null ? "" : " \u00b7 " + Kinds.label(resource.kind());
            String org = resource.organizationName() == null ? "" : resource.organizationName();
            return new String[] {resource.name(), "", org + kind};
        }
    }

    static String hex(java.awt.Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xffffff);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
