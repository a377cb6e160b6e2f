package org.beacon.client.ui.testing;

import java.io.File;
import org.assertj.swing.image.ScreenshotTaker;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Saves the screen to {@code target/gui-failures/} when a test fails, before the windows are cleaned up. */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        File dir = new File("target/gui-failures");
        dir.mkdirs();
        File file = new File(dir, context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName() + ".png");
        file.delete();
        try {
            new ScreenshotTaker().saveDesktopAsPng(file.getPath());
        } catch (RuntimeException e) {
            // a missing screenshot must not hide the failure
        }
    }
}
