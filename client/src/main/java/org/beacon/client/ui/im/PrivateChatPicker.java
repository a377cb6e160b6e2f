package org.beacon.client.ui.im;

import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.ui.DirectoryCache;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.Names;
import org.beacon.protocol.model.UserSummary;

/** IM page, Options, Private chat: pick one user (type to search, Enter starts). EDT only. */
public final class PrivateChatPicker extends JDialog {
    private static final long serialVersionUID = 1L;

    private final JTextField search = new JTextField();
    private final DefaultListModel<UserSummary> shown = new DefaultListModel<>();
    private final JList<UserSummary> list = new JList<>(shown);
    private final JLabel error = new JLabel(" ");
    private List<UserSummary> all = List.of();

    public PrivateChatPicker(Window owner, DirectoryCache directory, String me, Consumer<String> start) {
        super(owner, "Private chat", ModalityType.MODELESS);
        setName(Names.PICKER);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        search.setName(Names.PICKER_SEARCH);
        search.putClientProperty("JTextField.placeholderText", "Search by name or username");
        search.getAccessibleContext().setAccessibleName("Search users");
        list.setName(Names.PICKER_LIST);
        list.getAccessibleContext().setAccessibleName("Users");
        list.setFixedCellHeight(26);
        list.setCellRenderer((l, user, index, selected, focus) -> {
            JLabel label = new JLabel((user.fullName() == null ? user.username() : user.fullName() + " (" + user.username() + ")")
                    + (user.organizationName() == null ? "" : "  \u2014  " + user.organizationName()));
            label.setOpaque(true);
            label.setBorder(javax.swing.BorderFactory.createEmptyBorder(0, 8, 0, 8));
            label.setBackground(selected ? l.getSelectionBackground() : l.getBackground());
            label.setForeground(selected ? l.getSelectionForeground() : l.getForeground());
            return label;
        });
        error.setForeground(ImWindow.RED);
        JButton startButton = new JButton("Start chat");
        startButton.setName(Names.PICKER_START);
        startButton.setMnemonic(KeyEvent.VK_S);
        JButton cancel = new JButton("Cancel");
        EnterPresses.install(startButton);
        EnterPresses.install(cancel);
        Runnable go = () -> {
            UserSummary user = list.getSelectedValue();
            if (user == null) {
                error.setText("Choose a user first.");
                return;
            }
            dispose();
            start.accept(user.username());
        };
        startButton.addActionListener(e -> go.run());
        cancel.addActionListener(e -> dispose());
        search.addActionListener(e -> go.run());
        search.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "toList");
        search.getActionMap().put("toList", new javax.swing.AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                list.requestFocusInWindow();
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "start");
        list.getActionMap().put("start", new javax.swing.AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                go.run();
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    go.run();
                }
            }
        });
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filter();
            }
        });
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        JPanel content = new JPanel(new MigLayout("insets 14 16 12 16, fill", "[grow,fill]", "[][grow,fill][][]"));
        content.add(search, "wrap");
        content.add(new JScrollPane(list), "grow, wrap");
        content.add(error, "wrap");
        content.add(cancel, "split 2, tag cancel");
        content.add(startButton, "tag ok");
        setContentPane(content);
        setSize(440, 420);
        setLocationRelativeTo(owner);
        directory.get().whenComplete((result, failure) -> EventQueue.invokeLater(() -> {
            if (failure != null) {
                error.setText("Could not load the directory: " + Failures.describe(failure));
                return;
            }
            all = result.users().stream().filter(u -> !u.username().equals(me)).toList();
            filter();
        }));
    }

    private void filter() {
        String needle = search.getText().strip().toLowerCase(Locale.ROOT);
        shown.clear();
        for (UserSummary user : all) {
            if (needle.isEmpty() || user.username().toLowerCase(Locale.ROOT).contains(needle)
                    || (user.fullName() != null && user.fullName().toLowerCase(Locale.ROOT).contains(needle))) {
                shown.addElement(user);
            }
        }
        if (!shown.isEmpty()) {
            list.setSelectedIndex(0);
        }
    }
}
