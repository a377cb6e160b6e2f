package org.beacon.client.ui.resources;

import java.awt.Cursor;
import java.awt.EventQueue;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.TableRowSorter;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.LinkButton;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.Navigator;
import org.beacon.protocol.model.ResourceInfo;
import org.beacon.protocol.model.Rights;
import org.beacon.protocol.model.UserSummary;

/**
 * A resource's detail page. Its Users section holds the Contacts table (Name, Organization; each
 * sortable both ways from the header; online names green, kept live through presence for exactly
 * the users shown) and, for users who may initiate IM while IM is on, the <i>start group chat</i>
 * link; clicking or pressing Enter on a name then starts a private chat. EDT only.
 */
public final class ResourceDetailPage extends JPanel {
    private static final long serialVersionUID = 1L;

    private final ClientModel model;
    private final Navigator navigator;
    private final JLabel title = new JLabel();
    private final JLabel subtitle = new JLabel();
    private final JLabel message = new JLabel(" ");
    private final ContactsTableModel contacts = new ContactsTableModel();
    private final JTable table = new JTable(contacts);
    private final LinkButton groupChat = new LinkButton("start group chat");
    private final JLabel hint = new JLabel();
    private String resourceId;
    private ResourceInfo resource;
    private List<String> subscribed = List.of();
    private boolean imEnabled;

    public ResourceDetailPage(ClientModel model, Navigator navigator) {
        super(new MigLayout("insets 12 20 12 20, fill", "[grow,fill]", "[][][][16!][][][grow,fill][]"));
        this.model = model;
        this.navigator = navigator;
        LinkButton back = new LinkButton("\u2190 All resources");
        back.setName(Names.RESOURCE_BACK);
        back.setMnemonic(KeyEvent.VK_A);
        back.addActionListener(e -> navigator.showResources());
        title.setName(Names.RESOURCE_TITLE);
        title.putClientProperty("FlatLaf.styleClass", "h2");
        subtitle.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
        JLabel users = new JLabel("Users");
        users.putClientProperty("FlatLaf.styleClass", "h3");
        groupChat.setName(Names.START_GROUP_CHAT);
        groupChat.setMnemonic(KeyEvent.VK_G);
        groupChat.setToolTipText("Open the conference wizard with this resource's users (Alt+G)");
        groupChat.addActionListener(e -> {
            if (resource != null) {
                navigator.openConferenceWizard(contacts.users(), resourceId);
            }
        });

        table.setName(Names.CONTACTS);
        table.getAccessibleContext().setAccessibleName("Contacts");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(28);
        table.setShowHorizontalLines(true);
        table.setFillsViewportHeight(true);
        table.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        table.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        TableRowSorter<ContactsTableModel> sorter = new TableRowSorter<>(contacts);
        sorter.setComparator(ContactsTableModel.NAME, String.CASE_INSENSITIVE_ORDER);
        sorter.setComparator(ContactsTableModel.ORGANIZATION, String.CASE_INSENSITIVE_ORDER);
        table.setRowSorter(sorter);
        table.getColumnModel().getColumn(ContactsTableModel.NAME).setCellRenderer(
                new ContactNameRenderer(contacts, this::namesAreLinks, model.me() == null ? "" : model.me().username()));
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "startChat");
        table.getActionMap().put("startChat", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                int row = table.getSelectedRow();
                if (row >= 0) {
                    startChat(table.convertRowIndexToModel(row));
                }
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = table.rowAtPoint(e.getPoint());
                int column = table.columnAtPoint(e.getPoint());
                if (row >= 0 && table.convertColumnIndexToModel(column) == ContactsTableModel.NAME) {
                    startChat(table.convertRowIndexToModel(row));
                }
            }
        });
        table.addMouseMotionListener(new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                int column = table.columnAtPoint(e.getPoint());
                boolean overName = column >= 0 && table.convertColumnIndexToModel(column) == ContactsTableModel.NAME
                        && table.rowAtPoint(e.getPoint()) >= 0 && namesAreLinks();
                table.setCursor(Cursor.getPredefinedCursor(overName ? Cursor.HAND_CURSOR : Cursor.DEFAULT_CURSOR));
            }
        });

        add(back, "growx 0, wrap");
        add(title, "wrap");
        add(subtitle, "wrap");
        add(new JLabel(), "wrap");
        add(users, "split 2, growx");
        add(groupChat, "growx 0, alignx right, hidemode 3, wrap");
        add(hint, "wrap");
        add(new JScrollPane(table), "grow, wrap");
        add(message, "growx");
    }

    /** Shows the resource: loads it, fills the table and follows its users' presence. */
    public void show(String id) {
        leave();
        this.resourceId = id;
        this.resource = null;
        title.setText("Loading\u2026");
        subtitle.setText(" ");
        message.setText(" ");
        contacts.setUsers(List.of());
        model.connection().resource(id).whenComplete((reply, error) -> EventQueue.invokeLater(() -> {
            if (!id.equals(resourceId)) {
                return;
            }
            if (error != null) {
                title.setText("Resource");
                message.setText("Could not load the resource: " + Failures.describe(error));
                return;
            }
            resource = reply.resource();
            title.setText(resource.name());
            subtitle.setText((resource.organizationName() == null ? "" : resource.organizationName())
                    + (resource.kind() == null ? "" : "  \u00b7  " + Kinds.label(resource.kind()))
                    + "  \u00b7  " + reply.users().size() + " users");
            contacts.setUsers(reply.users());
            subscribed = reply.users().stream().map(UserSummary::username).toList();
            model.subscribePresence(subscribed).exceptionally(failure -> null);
            refreshLinks();
            table.requestFocusInWindow();
            if (table.getRowCount() > 0) {
                table.setRowSelectionInterval(0, 0);
            }
        }));
    }

    /** Leaving the page: stop following the presence of its users. */
    public void leave() {
        if (!subscribed.isEmpty()) {
            model.unsubscribePresence(subscribed).exceptionally(failure -> null);
            subscribed = List.of();
        }
    }

    public void imEnabled(boolean enabled) {
        this.imEnabled = enabled;
        refreshLinks();
    }

    public void onModelEvent(ModelEvent event) {
        if (event instanceof ModelEvent.PresenceChanged presence) {
            contacts.setOnline(presence.username(), presence.online());
        }
    }

    public JTable table() {
        return table;
    }

    private boolean namesAreLinks() {
        return imEnabled && model.me() != null && model.me().has(Rights.INITIATE_IM);
    }

    private void refreshLinks() {
        boolean links = namesAreLinks();
        groupChat.setVisible(links);
        hint.setText(links ? "Click a name (or select it and press Enter) to start a private chat."
                : " ");
        hint.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
        table.repaint();
        revalidate();
    }

    private void startChat(int modelRow) {
        UserSummary user = contacts.user(modelRow);
        if (!namesAreLinks() || model.me() == null || user.username().equals(model.me().username())) {
            return;
        }
        navigator.startPrivateChat(user.username());
    }
}
