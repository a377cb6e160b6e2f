package org.beacon.client.ui.im;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Comparator;
import java.util.List;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.model.SessionSummary;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.HelpViewer;
import org.beacon.client.ui.LinkButton;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.Navigator;
import org.beacon.protocol.model.Rights;

/**
 * The IM page: <i>Options</i> (private chat, IM conference; only for users who may initiate) and
 * my active sessions with their unread counts. Enter or a double click on a session brings its
 * window forward. EDT only.
 */
public final class ImPage extends JPanel {
    private static final long serialVersionUID = 1L;

    private final ClientModel model;
    private final Navigator navigator;
    private final JPanel options = new JPanel(new MigLayout("insets 0, gap 12", "[][][grow]", "[]"));
    private final DefaultListModel<SessionSummary> sessions = new DefaultListModel<>();
    private final JList<SessionSummary> list = new JList<>(sessions);
    private final JLabel empty = new JLabel("No active sessions.");

    public ImPage(ClientModel model, Navigator navigator) {
        super(new MigLayout("insets 16 20 12 20, fill", "[grow,fill]", "[][][][16!][][grow,fill][]"));
        this.model = model;
        this.navigator = navigator;
        JLabel heading = new JLabel("Instant messaging");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        JLabel optionsLabel = new JLabel("Options");
        optionsLabel.putClientProperty("FlatLaf.styleClass", "h3");
        JButton privateChat = new JButton("Private chat\u2026");
        privateChat.setName(Names.IM_PRIVATE);
        privateChat.setMnemonic(KeyEvent.VK_P);
        privateChat.setToolTipText("Start a one-to-one chat (Alt+P)");
        privateChat.addActionListener(e -> navigator.openPrivateChatPicker());
        EnterPresses.install(privateChat);
        JButton conference = new JButton("IM conference\u2026");
        conference.setName(Names.IM_CONFERENCE);
        conference.setMnemonic(KeyEvent.VK_C);
        conference.setToolTipText("Invite several participants with the conference wizard (Alt+C)");
        conference.addActionListener(e -> navigator.openConferenceWizard(List.of(), null));
        EnterPresses.install(conference);
        options.add(privateChat);
        options.add(conference);
        LinkButton help = new LinkButton("How IM works");
        help.addActionListener(e -> HelpViewer.show(javax.swing.SwingUtilities.getWindowAncestor(this),
                "Beacon IM help", "/help/im.html"));
        options.add(help, "alignx right");

        JLabel sessionsLabel = new JLabel("My active sessions");
        sessionsLabel.putClientProperty("FlatLaf.styleClass", "h3");
        sessionsLabel.setDisplayedMnemonic(KeyEvent.VK_S);
        sessionsLabel.setLabelFor(list);
        list.setName(Names.IM_SESSIONS);
        list.getAccessibleContext().setAccessibleName("My active sessions");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setFixedCellHeight(40);
        list.setCellRenderer(new SessionRenderer());
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        list.getActionMap().put("open", new javax.swing.AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openSelected();
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        add(heading, "wrap");
        add(optionsLabel, "wrap, hidemode 3");
        add(options, "wrap, hidemode 3");
        add(new JLabel(), "wrap");
        add(sessionsLabel, "wrap");
        add(new JScrollPane(list), "grow, wrap");
        add(empty, "hidemode 3");
        optionsLabel.setVisible(mayInitiate());
        options.setVisible(mayInitiate());
    }

    /** Re-reads my sessions from the model (and whether I may initiate). */
    public void refresh() {
        boolean initiator = mayInitiate();
        for (Component c : getComponents()) {
            if (c == options || (c instanceof JLabel label && "Options".equals(label.getText()))) {
                c.setVisible(initiator);
            }
        }
        SessionSummary selected = list.getSelectedValue();
        List<SessionSummary> active = model.sessions().stream()
                .filter(s -> s.info().active())
                .sorted(Comparator.comparing((SessionSummary s) -> s.info().startedAt()).reversed())
                .toList();
        sessions.clear();
        active.forEach(sessions::addElement);
        empty.setVisible(active.isEmpty());
        if (selected != null) {
            for (int i = 0; i < sessions.size(); i++) {
                if (sessions.get(i).sessionId().equals(selected.sessionId())) {
                    list.setSelectedIndex(i);
                }
            }
        }
        revalidate();
    }

    public void onModelEvent(ModelEvent event) {
        if ((event instanceof ModelEvent.SessionOpened || event instanceof ModelEvent.SessionUpdated
                || event instanceof ModelEvent.SessionEnded || event instanceof ModelEvent.SignedIn) && isShowing()) {
            refresh();
        }
    }

    private boolean mayInitiate() {
        return model.me() != null && model.me().has(Rights.INITIATE_IM);
    }

    private void openSelected() {
        SessionSummary session = list.getSelectedValue();
        if (session != null) {
            navigator.openSession(session.sessionId());
        }
    }

    private final class SessionRenderer extends org.beacon.client.ui.TwoLineRenderer<SessionSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        protected String[] lines(SessionSummary s) {
            String me = model.me() == null ? "" : model.me().username();
            long unread = s.unread();
            return new String[] {SessionTitles.of(s.info(), me), unread > 0 ? unread + " unread" : "",
                    "with " + String.join(", ", s.info().participants())};
        }
    }

}
