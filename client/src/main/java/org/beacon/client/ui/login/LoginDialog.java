package org.beacon.client.ui.login;

import java.awt.EventQueue;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.model.ClientModel;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Names;

/**
 * Sign-in: username, password, server. While connecting the fields are locked and a progress bar
 * runs; a failure says why (wrong password, unreachable server, version mismatch) and leaves the
 * fields for another try. The network work happens on the connection's thread; this dialog only
 * reacts on the EDT. EDT only.
 */
public final class LoginDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final JTextField username = new JTextField(18);
    private final JPasswordField password = new JPasswordField(18);
    private final JTextField server = new JTextField(18);
    private final JButton signIn = new JButton("Sign in");
    private final JButton cancel = new JButton("Cancel");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel error = new JLabel(" ");
    private final Function<ServerAddress, ClientModel> models;
    private final BiConsumer<ClientModel, ServerAddress> signedIn;
    private ClientModel attempt;

    /**
     * @param models   builds a (not yet connected) model for a server address
     * @param signedIn told of the signed-in model; the dialog is gone by then
     */
    public LoginDialog(String serverText, Function<ServerAddress, ClientModel> models,
            BiConsumer<ClientModel, ServerAddress> signedIn, Runnable cancelled) {
        super((java.awt.Frame) null, "Beacon \u2014 Sign in", false);
        this.models = models;
        this.signedIn = signedIn;
        setName(Names.LOGIN_DIALOG);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        username.setName(Names.LOGIN_USERNAME);
        password.setName(Names.LOGIN_PASSWORD);
        server.setName(Names.LOGIN_SERVER);
        server.setText(serverText);
        signIn.setName(Names.LOGIN_SIGN_IN);
        cancel.setName(Names.LOGIN_CANCEL);
        progress.setName(Names.LOGIN_PROGRESS);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getAccessibleContext().setAccessibleName("Connecting");
        error.setName(Names.LOGIN_ERROR);
        error.setForeground(new java.awt.Color(0xc62828));
        EnterPresses.install(cancel);

        JLabel heading = new JLabel("Beacon");
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() + 10f));
        JLabel sub = new JLabel("Emergency messaging \u2014 sign in to your desk");
        sub.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));

        var content = new javax.swing.JPanel(new MigLayout("insets 20 24 16 24, wrap 2", "[right][grow,fill]", ""));
        content.add(heading, "span 2, left");
        content.add(sub, "span 2, left, gapbottom 12");
        content.add(label("Username:", KeyEvent.VK_U, username));
        content.add(username);
        content.add(label("Password:", KeyEvent.VK_P, password));
        content.add(password);
        content.add(label("Server:", KeyEvent.VK_V, server));
        content.add(server);
        content.add(progress, "span 2, growx, hidemode 0");
        content.add(error, "span 2, growx, wmin 10, w 340!");
        content.add(cancel, "span 2, split 2, tag cancel");
        content.add(signIn, "tag ok");
        setContentPane(content);
        getRootPane().setDefaultButton(signIn);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        signIn.addActionListener(e -> signIn());
        cancel.addActionListener(e -> dispose());
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                if (attempt == null || !attempt.connection().state().isSignedIn()) {
                    if (attempt != null) {
                        attempt.connection().close();
                    }
                    cancelled.run();
                }
            }
        });
        pack();
        setLocationRelativeTo(null);
    }

    private static JLabel label(String text, int mnemonic, JComponent target) {
        JLabel label = new JLabel(text);
        label.setDisplayedMnemonic(mnemonic);
        label.setLabelFor(target);
        target.getAccessibleContext().setAccessibleName(text.replace(":", ""));
        return label;
    }

    private void signIn() {
        String user = username.getText().strip();
        if (user.isEmpty()) {
            fail("Enter your username.");
            username.requestFocusInWindow();
            return;
        }
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.getText());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            server.requestFocusInWindow();
            return;
        }
        char[] secret = password.getPassword();
        busy(true, "Connecting to " + address + "\u2026");
        ClientModel model = models.apply(address);
        attempt = model;
        model.signIn(user, new String(secret)).whenComplete((result, failure) -> EventQueue.invokeLater(() -> {
            java.util.Arrays.fill(secret, '\0');
            if (attempt != model) {
                return;
            }
            if (failure != null) {
                model.connection().close();
                attempt = null;
                busy(false, null);
                fail(LoginErrors.describe(failure, address.toString()));
                password.selectAll();
                password.requestFocusInWindow();
                return;
            }
            dispose();
            signedIn.accept(model, address);
        }));
    }

    private void busy(boolean on, String text) {
        username.setEnabled(!on);
        password.setEnabled(!on);
        server.setEnabled(!on);
        signIn.setEnabled(!on);
        progress.setVisible(on);
        progress.setString(text);
        progress.setStringPainted(text != null);
        error.setText(" ");
    }

    private void fail(String message) {
        error.setText("<html>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</html>");
        error.getAccessibleContext().setAccessibleName(message);
        pack();
    }

    /** The error shown, as plain text (for tests and screen readers). */
    public String errorText() {
        return error.getAccessibleContext().getAccessibleName();
    }
}
