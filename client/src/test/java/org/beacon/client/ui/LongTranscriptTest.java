package org.beacon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.JList;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.beacon.client.app.EmbeddedServer;
import org.beacon.client.ui.im.ImWindow;
import org.beacon.client.ui.im.MessageRow;
import org.beacon.client.ui.testing.GuiTestSupport;
import org.beacon.client.ui.testing.RecordingDoorbell;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionKind;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.store.SessionRecord;
import org.junit.jupiter.api.Test;

/** A 100,000-message transcript opens at its end and scrolls back page by page without stalling the EDT. */
class LongTranscriptTest extends GuiTestSupport {
    private static final String SESSION = "long-session";
    private static final int MESSAGES = 100_000;

    @Override
    protected EmbeddedServer startServer(PasswordHasher hasher) {
        return EmbeddedServer.startDemo(hasher, store -> {
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.DAYS);
            store.insertSession(new SessionRecord(SESSION, SessionKind.PRIVATE, null, "gblue", null, start, null, null,
                    List.of(new SessionRecord.ParticipantRecord("gblue", start, null, MESSAGES),
                            new SessionRecord.ParticipantRecord("ablack", start, null, MESSAGES)), 0)).join();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int seq = 1; seq <= MESSAGES; seq++) {
                writes.add(store.insertMessage(new ServerMessage.Message(SESSION, seq, seq % 2 == 0 ? "gblue" : "ablack",
                        "status update number " + seq, start.plusMillis(seq * 1000L), "c" + seq)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        });
    }

    @Test
    void hundredThousandMessages_openAtTheEnd_andScrollBackWithoutStall() {
        openDesk("gblue", new RecordingDoorbell());
        waitUntil("session known", () -> desk(0).model().session(SESSION).isPresent());
        edt.reset();
        GuiActionRunner.execute(() -> desk(0).openSession(SESSION));
        ImWindow window = desk(0).imWindows().window(SESSION).orElseThrow();
        waitUntil("latest page shown", () -> rows(window).size() >= 500);
        JList<MessageRow> list = findList(window);
        assertThat(GuiActionRunner.execute(() -> list.getModel().getElementAt(list.getModel().getSize() - 1).text()))
                .isEqualTo("status update number " + MESSAGES);
        JScrollBar bar = GuiActionRunner.execute(() ->
                ((JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, list)).getVerticalScrollBar());
        for (int page = 1; page <= 6; page++) {
            int before = GuiActionRunner.execute(() -> list.getModel().getSize());
            GuiActionRunner.execute(() -> bar.setValue(0));
            waitUntil("older page " + page, () -> list.getModel().getSize() > before);
            // Keeps its place: the row that was at the top is still on screen. The view may settle
            // in an event after the one that added the rows, so wait for it (CI saw 0 once).
            waitUntil("older page " + page + " keeps the place", () -> GuiActionRunner.execute(() -> bar.getValue()) > 0);
        }
        int size = GuiActionRunner.execute(() -> list.getModel().getSize());
        assertThat(size).isGreaterThanOrEqualTo(3_000);
        assertThat(GuiActionRunner.execute(() -> list.getModel().getElementAt(0).text()))
                .isEqualTo("status update number " + (MESSAGES - size + 1));
        GuiActionRunner.execute(() -> bar.setValue(bar.getMaximum()));
        robot.waitForIdle();
    }
}
