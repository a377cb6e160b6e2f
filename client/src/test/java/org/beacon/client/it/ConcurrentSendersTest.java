package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ItRegion.CAROL;
import static org.beacon.client.it.ModelClient.get;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Concurrent senders in one conference: every participant sees the same transcript")
class ConcurrentSendersTest extends LiveServerTestBase {
    private static final int EACH = 40;


    @Test
    void threeSendersAtOnce_everyTranscriptHasTheSameSeqOrderAndContent() throws Exception {
        ModelClient alice = signedIn(ALICE);
        ModelClient bob = signedIn(BOB);
        ModelClient carol = signedIn(CAROL);
        String id = get(alice.connection().startConference(List.of(BOB, CAROL), "Mass casualty", null))
                .session().sessionId();
        List<ModelClient> everyone = List.of(alice, bob, carol);
        everyone.forEach(c -> c.awaitSession(id));

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (ModelClient client : everyone) {
            Thread sender = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i <= EACH; i++) {
                    // Every fifth text has spaces around it: the server trims, and so must the sender's copy.
                    String text = client.username() + " " + i;
                    client.model().send(id, i % 5 == 0 ? "  " + text + "\n" : text);
                }
            }, "sender-" + client.username());
            sender.start();
            senders.add(sender);
        }
        go.countDown();
        for (Thread sender : senders) {
            sender.join(ModelClient.WAIT.toMillis());
        }

        int total = 3 * EACH;
        alice.awaitReceived(id, total);
        List<ServerMessage.Message> reference = get(bob.connection().history(id, null, 500)).messages();
        assertThat(reference).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        for (ModelClient client : everyone) {
            client.awaitOutboxEmpty();
            List<ServerMessage.Message> received = client.awaitReceived(id, total);
            assertThat(received).as("%s's messages, each once", client.username())
                    .extracting(ServerMessage.Message::seq)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            // Pushed messages come in seq order. The sender's own are announced when their ok
            // arrives, which the server has been seen to write before pushes of lower seqs
            // (about one run in 40); the transcript is ordered by seq either way.
            assertThat(received).as("%s's pushed messages", client.username())
                    .filteredOn(m -> !m.sender().equals(client.username()))
                    .extracting(ServerMessage.Message::seq).isSorted();
            assertThat(client.model().transcript(id).messages()).as("%s's transcript", client.username())
                    .isEqualTo(reference);
        }
        for (ModelClient client : everyone) {
            List<String> own = reference.stream().filter(m -> m.sender().equals(client.username()))
                    .map(ServerMessage.Message::text).toList();
            assertThat(own).as("each sender's messages in the order typed").containsExactlyElementsOf(
                    LongStream.rangeClosed(1, EACH).mapToObj(i -> client.username() + " " + i).toList());
        }
    }
}
