package org.beacon.client.ui.im;

import java.awt.CardLayout;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;


import net.miginfocom.swing.MigLayout;
import org.beacon.client.model.ClientModel;
import org.beacon.client.ui.DirectoryCache;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.FilterField;
import org.beacon.client.ui.Names;
import org.beacon.protocol.model.OrganizationInfo;
import org.beacon.protocol.model.ResourceInfo;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.UserSummary;
import org.beacon.protocol.reply.DirectoryResult;

/**
 * The conference wizard: (1) choose participants — search by name, filter by organization or
 * resource, tick many (Space or click); (2) an optional title; (3) review and invite. Back, Next,
 * Invite and Cancel (Escape) work from the keyboard; errors show in the dialog. Not modal, so a
 * dispatcher can still answer a chat while setting one up. EDT only.
 */
public final class ConferenceWizard extends JDialog {
    private static final long serialVersionUID = 1L;
    private static final String[] STEPS = {"participants", "title", "review"};

    /** A filter choice: everyone, an organization or a resource. */
    private record Scope(String label, String organizationId, String resourceId) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ClientModel model;
    private final DirectoryCache directory;
    private final Consumer<SessionInfo> started;
    private final String resourceId;
    private final String me;
    private final CardLayout cards = new CardLayout();
    private final JPanel steps = new JPanel(cards);
    private final JLabel stepLabel = new JLabel();
    private final JTextField search = new JTextField();
    private final JComboBox<Scope> scope = new JComboBox<>();
    private final DefaultListModel<UserSummary> candidates = new DefaultListModel<>();
    private final JList<UserSummary> candidateList = new JList<>(candidates);
    private final JLabel chosenCount = new JLabel();
    private final JTextField title = new JTextField();
    private final JTextArea review = new JTextArea(8, 40);
    private final JLabel error = new JLabel(" ");
    private final JButton back = new JButton("Back");
    private final JButton next = new JButton("Next");
    private final JButton invite = new JButton("Invite");
    private final JButton cancel = new JButton("Cancel");
    private final Set<String> chosen = new LinkedHashSet<>();
    private final Map<String, Set<String>> resourceUsers = new HashMap<>();
    private final Map<String, UserSummary> users = new HashMap<>();
    private List<UserSummary> all = List.of();
    private int step;

    /**
     * @param offered    users to tick at once (a resource's users), may be empty
     * @param resourceId the resource started from, or {@code null}
     * @param started    told of the new session
     */
    public ConferenceWizard(Window owner, ClientModel model, DirectoryCache directory, List<UserSummary> offered,
            String resourceId, Consumer<SessionInfo> started) {
        super(owner, "IM conference", ModalityType.MODELESS);
        this.model = model;
        this.directory = directory;
        this.started = started;
        this.resourceId = resourceId;
        this.me = model.me().username();
        setName(Names.WIZARD);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        stepLabel.putClientProperty("FlatLaf.styleClass", "h3");

        search.setName(Names.WIZARD_SEARCH);
        search.putClientProperty("JTextField.placeholderText", "Search by name or username");
        search.getAccessibleContext().setAccessibleName("Search participants");
        scope.setName(Names.WIZARD_FILTER);
        scope.getAccessibleContext().setAccessibleName("Filter by organization or resource");
        candidateList.setName(Names.WIZARD_CANDIDATES);
        candidateList.getAccessibleContext().setAccessibleName("Participants to choose from");
        candidateList.setCellRenderer(new CandidateRenderer());
        candidateList.setFixedCellHeight(28);
        title.setName(Names.WIZARD_TITLE);
        title.getAccessibleContext().setAccessibleName("Conference title");
        title.putClientProperty("JTextField.placeholderText", "e.g. MCI Highway 71 \u2014 bed availability");
        review.setName(Names.WIZARD_REVIEW);
        review.setEditable(false);
        review.setLineWrap(true);
        review.setWrapStyleWord(true);
        review.getAccessibleContext().setAccessibleName("Review");
        error.setName(Names.WIZARD_ERROR);
        error.setForeground(ImWindow.RED);
        back.setName(Names.WIZARD_BACK);
        back.setMnemonic(KeyEvent.VK_B);
        next.setName(Names.WIZARD_NEXT);
        next.setMnemonic(KeyEvent.VK_N);
        invite.setName(Names.WIZARD_INVITE);
        invite.setMnemonic(KeyEvent.VK_I);
        cancel.setName(Names.WIZARD_CANCEL);
        for (JButton button : List.of(back, next, invite, cancel)) {
            EnterPresses.install(button);
        }

        JPanel choose = new JPanel(new MigLayout("insets 0, fill", "[][grow,fill]", "[][][grow,fill][]"));
        JLabel searchLabel = new JLabel("Search:");
        searchLabel.setDisplayedMnemonic(KeyEvent.VK_S);
        searchLabel.setLabelFor(search);
        JLabel scopeLabel = new JLabel("Show:");
        scopeLabel.setDisplayedMnemonic(KeyEvent.VK_W);
        scopeLabel.setLabelFor(scope);
        choose.add(searchLabel);
        choose.add(search, "wrap");
        choose.add(scopeLabel);
        choose.add(scope, "wrap");
        choose.add(new JScrollPane(candidateList), "span 2, grow, wrap");
        choose.add(chosenCount, "span 2");
        JPanel naming = new JPanel(new MigLayout("insets 0, fillx", "[][grow,fill]", "[][]"));
        JLabel titleLabel = new JLabel("Title (optional):");
        titleLabel.setDisplayedMnemonic(KeyEvent.VK_T);
        titleLabel.setLabelFor(title);
        naming.add(titleLabel);
        naming.add(title, "wrap");
        naming.add(new JLabel("Participants see the title in their banner and window."), "skip, wrap");
        JPanel reviewing = new JPanel(new MigLayout("insets 0, fill", "[grow,fill]", "[grow,fill]"));
        reviewing.add(new JScrollPane(review), "grow");
        steps.add(choose, STEPS[0]);
        steps.add(naming, STEPS[1]);
        steps.add(reviewing, STEPS[2]);

        JPanel content = new JPanel(new MigLayout("insets 14 16 12 16, fill", "[grow,fill]", "[][grow,fill][][]"));
        content.add(stepLabel, "wrap");
        content.add(steps, "grow, wrap");
        content.add(error, "wrap");
        content.add(cancel, "split 4, tag cancel");
        content.add(back, "tag back");
        content.add(next, "tag next");
        content.add(invite, "tag finish");
        setContentPane(content);

        FilterField.install(search, candidateList, this::applyFilter);
        search.addActionListener(e -> next.doClick());
        scope.addActionListener(e -> scopeChanged());
        candidateList.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "toggle");
        candidateList.getActionMap().put("toggle", FilterField.action(this::toggleSelected));
        candidateList.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int index = candidateList.locationToIndex(e.getPoint());
                if (index >= 0 && candidateList.getCellBounds(index, index).contains(e.getPoint())) {
                    toggle(candidates.get(index).username());
                }
            }
        });
        title.addActionListener(e -> next.doClick());
        back.addActionListener(e -> go(step - 1));
        next.addActionListener(e -> {
            if (step == 0 && chosen.isEmpty()) {
                error.setText("Choose at least one participant (Space ticks the selected name).");
                return;
            }
            go(step + 1);
        });
        invite.addActionListener(e -> invite());
        cancel.addActionListener(e -> dispose());
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        for (UserSummary user : offered) {
            users.put(user.username(), user);
            if (!user.username().equals(me)) {
                chosen.add(user.username());
            }
        }
        if (resourceId != null) {
            resourceUsers.put(resourceId, new LinkedHashSet<>(offered.stream().map(UserSummary::username).toList()));
        }
        setSize(680, 520);
        setLocationRelativeTo(owner);
        go(0);
        load();
    }

    private void load() {
        chosenCount.setText("Loading the directory\u2026");
        directory.get().whenComplete((result, failure) -> EventQueue.invokeLater(() -> {
            if (failure != null) {
                error.setText("Could not load the directory: " + Failures.describe(failure));
                return;
            }
            fill(result);
        }));
    }

    private void fill(DirectoryResult result) {
        List<UserSummary> list = new ArrayList<>();
        for (UserSummary user : result.users()) {
            if (!user.username().equals(me)) {
                list.add(user);
                users.put(user.username(), user);
            }
        }
        all = list;
        DefaultComboBoxModel<Scope> scopes = new DefaultComboBoxModel<>();
        Scope everyone = new Scope("Everyone in the region", null, null);
        scopes.addElement(everyone);
        Scope initial = everyone;
        for (ResourceInfo resource : result.resources()) {
            Scope s = new Scope("Resource: " + resource.name(), null, resource.resourceId());
            scopes.addElement(s);
            if (resource.resourceId().equals(resourceId)) {
                initial = s;
            }
        }
        for (OrganizationInfo organization : result.organizations()) {
            scopes.addElement(new Scope("Organization: " + organization.name(), organization.organizationId(), null));
        }
        scope.setModel(scopes);
        scope.setSelectedItem(initial);
        applyFilter();
    }

    private void scopeChanged() {
        Scope selected = (Scope) scope.getSelectedItem();
        if (selected != null && selected.resourceId() != null && !resourceUsers.containsKey(selected.resourceId())) {
            String id = selected.resourceId();
            model.connection().resource(id).whenComplete((reply, failure) -> EventQueue.invokeLater(() -> {
                if (failure != null) {
                    error.setText("Could not load that resource's users: " + Failures.describe(failure));
                    return;
                }
                resourceUsers.put(id, new LinkedHashSet<>(reply.users().stream().map(UserSummary::username).toList()));
                applyFilter();
            }));
        }
        applyFilter();
    }

    private void applyFilter() {
        String needle = search.getText().strip().toLowerCase(Locale.ROOT);
        Scope selected = (Scope) scope.getSelectedItem();
        UserSummary focused = candidateList.getSelectedValue();
        candidates.clear();
        for (UserSummary user : all) {
            if (inScope(user, selected) && (needle.isEmpty() || user.username().toLowerCase(Locale.ROOT).contains(needle)
                    || (user.fullName() != null && user.fullName().toLowerCase(Locale.ROOT).contains(needle)))) {
                candidates.addElement(user);
            }
        }
        if (focused != null && candidates.contains(focused)) {
            candidateList.setSelectedValue(focused, true);
        } else if (!candidates.isEmpty()) {
            candidateList.setSelectedIndex(0);
        }
        showCount();
    }

    private boolean inScope(UserSummary user, Scope selected) {
        if (selected == null || (selected.organizationId() == null && selected.resourceId() == null)) {
            return true;
        }
        if (selected.organizationId() != null) {
            return selected.organizationId().equals(user.organizationId());
        }
        Set<String> members = resourceUsers.get(selected.resourceId());
        return members != null && members.contains(user.username());
    }

    private void toggleSelected() {
        UserSummary user = candidateList.getSelectedValue();
        if (user != null) {
            toggle(user.username());
        }
    }

    private void toggle(String username) {
        if (!chosen.remove(username)) {
            chosen.add(username);
        }
        error.setText(" ");
        candidateList.repaint();
        showCount();
    }

    private void showCount() {
        chosenCount.setText(chosen.size() + (chosen.size() == 1 ? " participant" : " participants")
                + " chosen (besides you). Space or click ticks a name.");
    }

    private void go(int target) {
        step = Math.max(0, Math.min(STEPS.length - 1, target));
        cards.show(steps, STEPS[step]);
        String[] names = {"Choose participants", "Name the conference", "Review and invite"};
        stepLabel.setText("Step " + (step + 1) + " of 3: " + names[step]);
        error.setText(" ");
        back.setEnabled(step > 0);
        next.setVisible(step < STEPS.length - 1);
        invite.setVisible(step == STEPS.length - 1);
        getRootPane().setDefaultButton(step == STEPS.length - 1 ? invite : next);
        if (step == 2) {
            StringBuilder text = new StringBuilder();
            text.append("Title: ").append(title.getText().isBlank() ? "(none)" : title.getText().strip()).append("\n\n");
            text.append("You (").append(me).append(") invite ").append(chosen.size()).append(":\n");
            for (String username : chosen) {
                UserSummary user = users.get(username);
                text.append("  \u2022 ").append(user == null || user.fullName() == null ? username
                        : user.fullName() + " (" + username + ")");
                if (user != null && user.organizationName() != null) {
                    text.append(", ").append(user.organizationName());
                }
                text.append('\n');
            }
            review.setText(text.toString());
            review.setCaretPosition(0);
            invite.requestFocusInWindow();
        } else if (step == 1) {
            title.requestFocusInWindow();
        } else {
            search.requestFocusInWindow();
        }
    }

    private void invite() {
        if (chosen.isEmpty()) {
            go(0);
            error.setText("Choose at least one participant.");
            return;
        }
        invite.setEnabled(false);
        back.setEnabled(false);
        error.setText("Inviting\u2026");
        String chosenTitle = title.getText().isBlank() ? null : title.getText().strip();
        model.connection().startConference(List.copyOf(chosen), chosenTitle, resourceId)
                .whenComplete((result, failure) -> EventQueue.invokeLater(() -> {
                    invite.setEnabled(true);
                    back.setEnabled(true);
                    if (failure != null) {
                        error.setText("The conference was not started: " + Failures.describe(failure));
                        return;
                    }
                    dispose();
                    started.accept(result.session());
                }));
    }


    private final class CandidateRenderer extends JCheckBox implements ListCellRenderer<UserSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<? extends UserSummary> list, UserSummary user, int index,
                boolean selected, boolean focus) {
            String name = user.fullName() == null ? user.username() : user.fullName() + " (" + user.username() + ")";
            setText(name + (user.organizationName() == null ? "" : "  \u2014  " + user.organizationName()));
            setSelected(chosen.contains(user.username()));
            setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            setOpaque(true);
            getAccessibleContext().setAccessibleName(name + (isSelected() ? ", chosen" : ", not chosen"));
            return this;
        }
    }
}
