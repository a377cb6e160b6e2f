package org.beacon.client.ui.main;

import java.awt.event.KeyEvent;
import javax.swing.ButtonGroup;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.beacon.client.ui.EnterPresses;
import org.beacon.client.ui.Names;

/**
 * The main navigation: Resources, IM (only while IM is enabled for the region) and Help, plus the
 * doorbell's mute toggle at the right. Alt+R / Alt+I / Alt+H / Alt+M. EDT only.
 */
public final class NavigationBar extends JPanel {
    private static final long serialVersionUID = 1L;

    final JToggleButton resources = tab("Resources", KeyEvent.VK_R, Names.NAV_RESOURCES);
    final JToggleButton im = tab("IM", KeyEvent.VK_I, Names.NAV_IM);
    final JToggleButton help = tab("Help", KeyEvent.VK_H, Names.NAV_HELP);
    final JToggleButton mute = new JToggleButton();

    NavigationBar() {
        super(new MigLayout("insets 6 10 6 10, fillx", "[][][][grow][][]", "[]"));
        ButtonGroup group = new ButtonGroup();
        group.add(resources);
        group.add(im);
        group.add(help);
        JLabel brand = new JLabel("Beacon");
        brand.setFont(brand.getFont().deriveFont(java.awt.Font.BOLD, brand.getFont().getSize2D() + 4f));
        add(brand, "gapright 16, split 4");
        add(resources);
        add(im, "hidemode 3");
        add(help);
        add(new JLabel(), "growx");
        mute.setName(Names.MUTE);
        mute.setMnemonic(KeyEvent.VK_M);
        mute.putClientProperty("JButton.buttonType", "toolBarButton");
        EnterPresses.install(mute);
        mute.addItemListener(e -> showMute());
        showMute();
        add(mute);
    }

    private void showMute() {
        boolean muted = mute.isSelected();
        mute.setText(muted ? "Doorbell muted" : "Doorbell on");
        mute.setToolTipText(muted ? "Unmute the doorbell (Alt+M)" : "Mute the doorbell (Alt+M); banners still show");
        mute.getAccessibleContext().setAccessibleName(muted ? "Doorbell muted" : "Doorbell on");
    }

    private static JToggleButton tab(String text, int mnemonic, String name) {
        JToggleButton button = new JToggleButton(text);
        button.setMnemonic(mnemonic);
        button.setName(name);
        button.putClientProperty("JButton.buttonType", "tab");
        EnterPresses.install(button);
        return button;
    }
}
