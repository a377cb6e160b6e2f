package org.beacon.client.app;

import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.UIManager;

/**
 * The look: FlatLaf Light with a few rounder, calmer defaults. Must run before the first Swing
 * component is created (components pick up their UI delegates when built).
 */
public final class Theme {
    private Theme() {
    }

    public static void install() {
        FlatLightLaf.setup();
        UIManager.put("Component.focusWidth", 2);
        UIManager.put("Button.arc", 8);
        UIManager.put("TextComponent.arc", 6);
        UIManager.put("ScrollBar.showButtons", false);
        UIManager.put("Table.showHorizontalLines", true);
        UIManager.put("TableHeader.height", 28);
        UIManager.put("TitlePane.unifiedBackground", true);
    }
}
