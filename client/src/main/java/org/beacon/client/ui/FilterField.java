package org.beacon.client.ui;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JList;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

/**
 * Type-to-filter behaviour shared by the resource list and the conference wizard: every edit of
 * the field re-applies the filter, and Down moves to the list (selecting its first row), so the
 * keyboard alone goes from typing to choosing.
 */
public final class FilterField {
    private FilterField() {
    }

    public static void install(JTextComponent field, JList<?> list, Runnable applyFilter) {
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter.run();
            }
        });
        field.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "toList");
        field.getActionMap().put("toList", action(() -> {
            list.requestFocusInWindow();
            if (list.getSelectedIndex() < 0 && list.getModel().getSize() > 0) {
                list.setSelectedIndex(0);
            }
        }));
    }

    /** A Swing action that runs {@code run}. */
    public static Action action(Runnable run) {
        return new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
    }
}
