package org.beacon.client.ui.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.swing.JList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.beacon.client.ui.Names;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.junit.jupiter.api.Test;

/** A long message wraps in the message pane: every word on screen, the row as high as its lines, again after a resize. */
class LongLinesTest extends GuiTestSupport {
    /** About 600 characters of distinct words, so a lost or clipped word shows. */
    private static final String LONG = IntStream.rangeClosed(1, 85).mapToObj(i -> "word" + i)
            .collect(Collectors.joining(" ")) + " end";

    @Test
    void sixHundredCharacterMessage_wrapsToShowEveryWord_andRewrapsOnResize() {
        assertThat(LONG.length()).isBetween(550, 650);
        FrameFixture gblue = openDesk("gblue", new RecordingDoorbell());
        ImWindow window = startChatFromResource(gblue, "Casey Gray");
        FrameFixture chat = new FrameFixture(robot, window);
        chat.textBox(Names.MESSAGE_INPUT).enterText("short one\n");
        chat.textBox(Names.MESSAGE_INPUT).enterText(LONG + "\n");
        waitUntil("both stored", () -> rows(window).stream().filter(r -> r.kind() == MessageRow.Kind.MESSAGE).count() == 2);
        JList<MessageRow> list = findList(window);
        int index = rows(window).size() - 1;
        assertThat(rows(window).get(index).text()).isEqualTo(LONG);

        int oneLine = GuiActionRunner.execute(() -> list.getCellBounds(0, 0).height);
        int wrapped = GuiActionRunner.execute(() -> list.getCellBounds(index, index).height);
        assertThat(wrapped).as("long row height vs one line").isGreaterThan(3 * oneLine);
        assertPaintedInFull(list, index);

        chat.resizeWidthTo(420);
        waitUntil("row grew when narrower", () -> list.getCellBounds(index, index).height > wrapped);
        assertPaintedInFull(list, index);
        chat.resizeTo(new Dimension(900, 520));
        waitUntil("row shrank when wider", () -> list.getCellBounds(index, index).height < wrapped);
        assertPaintedInFull(list, index);
        assertThat(GuiActionRunner.execute(() -> list.getWidth()))
                .as("the list follows the viewport: nothing to scroll sideways")
                .isLessThanOrEqualTo(GuiActionRunner.execute(() -> list.getParent().getWidth()));
    }

    /** The renderer's lines hold every word in order, each fits the row, and there are enough lines for the row's height. */
    private static void assertPaintedInFull(JList<MessageRow> list, int index) {
        GuiActionRunner.execute(() -> {
            MessageRenderer renderer = (MessageRenderer) list.getCellRenderer();
            MessageRow row = list.getModel().getElementAt(index);
            int width = list.getWidth();
            List<String> lines = renderer.lines(row, width);
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(String.join(" ", lines)).isEqualTo(LONG);
            java.awt.FontMetrics metrics = renderer.getFontMetrics(javax.swing.UIManager.getFont("Label.font"));
            java.awt.Rectangle cell = list.getCellBounds(index, index);
            assertThat(lines.size() * metrics.getHeight()).as("lines fit the row's height").isLessThanOrEqualTo(cell.height);
            for (String line : lines) {
                assertThat(metrics.stringWidth(line)).as("line fits: " + line).isLessThan(width);
            }
        });
    }
}
