package org.beacon.client.ui.im;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.text.DefaultEditorKit;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Names;

/**
 * The Message bar: a text area and <b>Send</b>. Enter sends, Shift+Enter starts a new line; an
 * empty or blank text is not sent. Disabled once the session has ended. EDT only.
 */
final class MessageBar extends JPanel {
    private static final long serialVersionUID = 1L;

    private final JTextArea input = new JTextArea(2, 40);
    private final JButton send = new JButton("Send");
    private final Consumer<String> onSend;

    MessageBar(Consumer<String> onSend) {
        super(new MigLayout("insets 6 8 8 8, fill", "[grow,fill][]", "[]"));
        this.onSend = onSend;
        input.setName(Names.MESSAGE_INPUT);
        input.setLineWrap(true);
        input.setWrapStyleWord(true);
        input.getAccessibleContext().setAccessibleName("Message");
        input.putClientProperty("JTextField.placeholderText", "Type a message; Enter sends, Shift+Enter for a new line");
        InputMap keys = input.getInputMap(JComponent.WHEN_FOCUSED);
        keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "beacon.send");
        keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK), DefaultEditorKit.insertBreakAction);
        // Tab leaves the text area (keyboard-only use) instead of typing a tab.
        input.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        input.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        input.getActionMap().put("beacon.send", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                sendNow();
            }
        });
        send.setName(Names.SEND);
        send.setMnemonic(KeyEvent.VK_S);
        send.setToolTipText("Send the message (Enter)");
        send.addActionListener(e -> sendNow());
        EnterPresses.install(send);
        JScrollPane scroll = new JScrollPane(input);
        add(scroll, "growx, hmin 44");
        add(send, "aligny bottom, sg send");
    }

    JTextArea input() {
        return input;
    }

    void ended() {
        input.setEnabled(false);
        send.setEnabled(false);
        input.putClientProperty("JTextField.placeholderText", "This session has ended");
    }

    private void sendNow() {
        String text = input.getText().strip();
        if (text.isEmpty() || !input.isEnabled()) {
            return;
        }
        input.setText("");
        onSend.accept(text);
        input.requestFocusInWindow();
    }
}
