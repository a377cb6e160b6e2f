package org.beacon.client.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Dimension;
import java.io.File;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.image.ScreenshotTaker;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.junit.jupiter.api.Test;

/**
 * Not a test: takes the README's screenshots of each screen. Runs only with
 * {@code -Dbeacon.screenshots=DIR}, e.g.
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -pl client -am verify -Dtest=ScreenshotTour
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbeacon.screenshots=$PWD/docs/screenshots}.
 */
class ScreenshotTour extends GuiTestSupport {
    @Test
    void takeScreenshots() {
        String dir = System.getProperty("beacon.screenshots");
        assumeTrue(dir != null, "set -Dbeacon.screenshots=DIR to take screenshots");
        new File(dir).mkdirs();
        ScreenshotTaker shots = new ScreenshotTaker();
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        FrameFixture ablack = openDesk("ablack", new RecordingDoorbell());
        signIn("cgray");
        gblue.resizeTo(new Dimension(900, 620));
        ablack.resizeTo(new Dimension(900, 620));
        ablack.moveTo(new java.awt.Point(960, 0));
        robot.waitForIdle();
        save(shots, gblue.target(), dir, "main-resources.png");

        ImWindow chat = startChatFromResource(gblue, "Avery Black");
        GuiActionRunner.execute(() -> chat.setLocation(40, 300));
        FrameFixture chatFixture = new FrameFixture(robot, chat);
        chatFixture.textBox(Names.MESSAGE_INPUT).enterText("MCI on Highway 71 at mile 12: bus vs. two cars.\n");
        chatFixture.textBox(Names.MESSAGE_INPUT).enterText("Can St. Luke's ED take 3 red, 5 yellow?\n");
        waitUntil("banner", () -> desk(1).mainWindow().banner().waiting() == 2 && desk(1).mainWindow().banner().settled());
        save(shots, ablack.target(), dir, "banner.png");
        GuiActionRunner.execute(() -> desk(1).openSession(chat.sessionId()));
        ImWindow reply = desk(1).imWindows().window(chat.sessionId()).orElseThrow();
        GuiActionRunner.execute(() -> reply.setLocation(1000, 300));
        activate(reply);
        FrameFixture replyFixture = new FrameFixture(robot, reply);
        replyFixture.textBox(Names.MESSAGE_INPUT).enterText("Copy. ED can take 3 red now, 5 yellow in 20 min. Trauma bay 2"
                + " is being cleared; send any pediatric patient to Mercy General, our PICU is full.\n");
        waitUntil("reply arrives", () -> rows(chat).size() >= 3);
        activate(gblue.target());
        waitUntil("gblue banner", () -> desk(0).mainWindow().banner().settled());
        save(shots, gblue.target(), dir, "main-detail-contacts-banner.png");
        activate(chat);
        save(shots, chat, dir, "im-window.png");

        activate(gblue.target());
        gblue.button(Names.START_GROUP_CHAT).click();
        DialogFixture wizard = WindowFinder.findDialog(Names.WIZARD).using(robot);
        waitUntil("candidates", () -> wizard.list(Names.WIZARD_CANDIDATES).target().getModel().getSize() > 0);
        save(shots, wizard.target(), dir, "conference-wizard.png");
    }

    private static void save(ScreenshotTaker shots, java.awt.Component component, String dir, String name) {
        File file = new File(dir, name);
        file.delete();
        shots.saveComponentAsPng(component, file.getPath());
    }
}
