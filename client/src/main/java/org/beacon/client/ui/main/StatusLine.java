package org.beacon.client.ui.main;

import java.awt.Color;
import java.time.Clock;
import java.time.Duration;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.ui.Names;
import org.beacon.protocol.model.UserProfile;

/**
 * The status line: connection state on the left ("Connected", "Reconnecting in 4 s", "Offline")
 * with a coloured dot, and who is signed in on the right. A one-second timer counts down while
 * reconnecting. The state is never cut short; in a narrow window the right part gives way and
 * ends in "…" (its tooltip has it all). EDT only.
 */
public final class StatusLine extends JPanel {
    private static final long serialVersionUID = 1L;
    static final Color GREEN = new Color(0x1e8e3e);
    static final Color AMBER = new Color(0xb26a00);
    static final Color RED = new Color(0xc62828);

    private final Clock clock;
    private final JLabel state = new JLabel();
    private final JLabel who = new JLabel();
    private final JLabel server = new JLabel();
    private final Timer countdown;
    private ConnectionState current = ConnectionState.offline(null);

    public StatusLine(Clock clock) {
        super(new MigLayout("insets 3 10 3 10, fillx", "[][grow][][]", "[]"));
        this.clock = clock;
        state.setName(Names.STATUS);
        add(state, "wmin pref");
        add(new JLabel(), "growx, wmin 0");
        add(who, "gapright 16, wmin 0");
        server.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
        add(server, "wmin 0");
        countdown = new Timer(1000, e -> render());
        show(current);
    }

    public void show(ConnectionState next) {
        current = next;
        if (next.status() == ConnectionState.Status.RECONNECTING) {
            countdown.start();
        } else {
            countdown.stop();
        }
        render();
    }

    /** Where we are connected, e.g. "Server beacon.local:7400". */
    public void server(String label) {
        server.setText(label);
        server.setToolTipText(label);
    }

    public void signedIn(UserProfile me) {
        String org = me.organizationName() == null ? "" : "  \u00b7  " + me.organizationName();
        who.setText("Signed in as " + (me.fullName() == null ? me.username() : me.fullName())
                + " (" + me.username() + ")" + org);
        who.setToolTipText(who.getText());
    }

    public String text() {
        return state.getText();
    }

    private void render() {
        String text;
        String tip = null;
        Color colour;
        switch (current.status()) {
            case SIGNED_IN -> {
                text = "Connected";
                colour = GREEN;
            }
            case CONNECTING -> {
                text = "Connecting\u2026";
                colour = AMBER;
            }
            case RECONNECTING -> {
                long seconds = Math.max(0, (Duration.between(clock.instant(), current.nextAttemptAt()).toMillis() + 999) / 1000);
                text = "Reconnecting in " + seconds + " s";
                tip = "Connection lost" + (current.reason() == null ? "" : " (" + current.reason() + ")")
                        + ". Messages you send wait and go out once reconnected.";
                colour = AMBER;
            }
            case SIGNED_OUT -> {
                text = "Signed out" + (current.reason() == null ? "" : ": " + current.reason());
                colour = RED;
            }
            default -> {
                text = "Offline" + (current.reason() == null ? "" : ": " + current.reason());
                colour = RED;
            }
        }
        state.setText("\u25CF " + text);
        state.setForeground(colour);
        state.setToolTipText(tip);
        state.getAccessibleContext().setAccessibleName("Connection: " + text);
    }
}
