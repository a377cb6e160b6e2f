package org.beacon.client.ui.im;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.SessionSummary;
import org.beacon.client.model.TranscriptView;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.HelpViewer;
import org.beacon.client.ui.LinkButton;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.TimeStamps;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;

/**
 * The IM window of one session: header (title, participants, Help link, red close x), the Message
 * pane and the Message bar. Marks messages shown only while the window is the focused one and the
 * messages are on screen; tells its owner when it was seen (to clear the banner). EDT only.
 */
public final class ImWindow extends JFrame {
    private static final long serialVersionUID = 1L;
    static final Color RED = new Color(0xd32f2f);

    private final ClientModel model;
    private final String me;
    private final Clock clock;
    private final Consumer<String> onSeen;
    private final MessageListModel rows;
    private final MessagePane pane;
    private final MessageBar bar;
    private final JLabel title = new JLabel();
    private final JLabel participants = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final JButton close = new JButton("\u2715");
    private SessionInfo session;

    public ImWindow(ClientModel model, SessionSummary summary, TimeStamps times, Clock clock, Consumer<String> onSeen) {
        this.model = model;
        this.me = model.me().username();
        this.clock = clock;
        this.onSeen = onSeen;
        this.session = summary.info();
        String sessionId = session.sessionId();
        setName(Names.imWindow(sessionId));
        setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        rows = new MessageListModel(times);
        pane = new MessagePane(model, sessionId, rows, me, seq -> {
            if (isActive()) {
                model.markShown(sessionId, seq);
            }
        });
        bar = new MessageBar(text -> model.send(sessionId, text));

        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 3f));
        participants.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
        LinkButton help = new LinkButton("Help");
        help.setName(Names.IM_HELP);
        help.setMnemonic(KeyEvent.VK_H);
        help.setToolTipText("How IM works at Beacon desks");
        help.addActionListener(e -> HelpViewer.show(this, "Beacon IM help", "/help/im.html"));
        close.setName(Names.CLOSE_SESSION);
        close.setForeground(RED);
        close.setFont(close.getFont().deriveFont(Font.BOLD, close.getFont().getSize2D() + 4f));
        close.putClientProperty("JButton.buttonType", "toolBarButton");
        close.addActionListener(e -> closeSession());
        EnterPresses.install(close);
        status.setName(Names.IM_STATUS);
        status.setForeground(RED);

        JPanel header = new JPanel(new MigLayout("insets 8 12 4 8, fillx", "[grow][][]", "[][]"));
        header.add(title, "growx");
        header.add(help, "");
        header.add(close, "spany 2, aligny top, wrap");
        header.add(participants, "growx, span 2, wrap");
        JPanel south = new JPanel(new BorderLayout());
        status.setBorder(javax.swing.BorderFactory.createEmptyBorder(0, 10, 0, 10));
        south.add(status, BorderLayout.NORTH);
        south.add(bar, BorderLayout.CENTER);
        add(header, BorderLayout.NORTH);
        add(pane, BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
        showSession(session);

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowActivated(WindowEvent e) {
                seen();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                bar.input().requestFocusInWindow();
            }
        });
        setSize(640, 520);
        TranscriptView view = model.transcript(sessionId);
        pane.start(view.messages(), view.olderAvailable());
        for (OutgoingMessage pending : view.pending()) {
            rows.putPending(pending, me);
        }
        if (!session.active()) {
            ended(null);
        }
    }

    public String sessionId() {
        return session.sessionId();
    }

    public JLabel statusLabel() {
        return status;
    }

    void messageReceived(ServerMessage.Message message) {
        rows.add(message);
    }

    void outboxChanged(OutgoingMessage message) {
        rows.putPending(message, me);
        if (message.status() == OutgoingMessage.Status.FAILED) {
            status.setText("Not sent: " + (message.failureMessage() == null ? message.failure() : message.failureMessage()));
        }
    }

    void sessionUpdated(SessionSummary summary) {
        SessionInfo previous = session;
        List<String> joined = new ArrayList<>(summary.info().participants());
        joined.removeAll(previous.participants());
        List<String> left = new ArrayList<>(previous.participants());
        left.removeAll(summary.info().participants());
        for (String user : joined) {
            rows.addSystem(clock.instant(), user + " joined");
        }
        for (String user : left) {
            rows.addSystem(clock.instant(), user + " left");
        }
        showSession(summary.info());
    }

    /** The session ended, or I left it ({@code endedBy} is me and I am no longer a participant). */
    void ended(String endedBy) {
        SessionInfo info = model.session(sessionId()).map(SessionSummary::info).orElse(session);
        session = info;
        java.time.Instant at = info.endedAt() != null ? info.endedAt() : clock.instant();
        boolean left = me.equals(endedBy) && !info.participants().contains(me);
        rows.addSystem(at, left ? "You left the session"
                : endedBy == null ? "The session has ended" : "Session ended by " + endedBy);
        bar.ended();
        close.setToolTipText("Close this window");
        close.getAccessibleContext().setAccessibleName("Close window");
        status.setText(left ? "You left this session; its record is kept."
                : "This session has ended; its record is kept.");
        showSession(info);
    }

    /** The window became the focused one: what is on screen is shown, and its banner can go. */
    private void seen() {
        long seq = pane.lastVisibleSeq();
        if (seq > 0) {
            model.markShown(sessionId(), seq);
        }
        onSeen.accept(sessionId());
    }

    private void showSession(SessionInfo info) {
        session = info;
        String name = SessionTitles.of(info, me);
        setTitle(name + " \u2014 Beacon (" + me + ")");
        title.setText(name);
        participants.setText("Participants: " + String.join(", ", info.participants())
                + "   \u00b7   started by " + info.initiator());
        boolean initiator = info.initiator().equals(me);
        if (info.active()) {
            close.setToolTipText(initiator ? "End this session for everyone" : "Leave this session");
            close.getAccessibleContext().setAccessibleName(initiator ? "End session" : "Leave session");
        }
    }

    private void closeSession() {
        if (!session.active()) {
            setVisible(false);
            return;
        }
        boolean initiator = session.initiator().equals(me);
        if (initiator) {
            int answer = JOptionPane.showConfirmDialog(this,
                    "End this session for everyone? No more messages can be sent; the record is kept.",
                    "End session", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
            close.setEnabled(false);
            model.connection().end(sessionId()).whenComplete((ok, error) -> java.awt.EventQueue.invokeLater(() -> {
                close.setEnabled(true);
                if (error != null) {
                    status.setText("Could not end the session: " + Failures.describe(error));
                }
            }));
        } else {
            int answer = JOptionPane.showConfirmDialog(this,
                    "Leave this session? You will not receive its messages any more; the others go on.",
                    "Leave session", JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
            close.setEnabled(false);
            // The model hears participant_left for me and ends the session here (see ended).
            model.connection().leave(sessionId()).whenComplete((ok, error) -> java.awt.EventQueue.invokeLater(() -> {
                close.setEnabled(true);
                if (error != null) {
                    status.setText("Could not leave the session: " + Failures.describe(error));
                } else {
                    setVisible(false);
                }
            }));
        }
    }
}
