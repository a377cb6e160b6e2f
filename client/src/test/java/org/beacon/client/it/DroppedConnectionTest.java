package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ModelClient.WAIT;
import static org.beacon.client.it.ModelClient.get;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.testing.TcpProxy;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A dropped connection reconnects, resumes and loses, repeats and reorders nothing")
class DroppedConnectionTest {
    private static final int COUNT = 200;

    @TempDir
    Path dir;
    private LiveServer server;
    private TcpProxy proxy;
    private final List<ModelClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LiveServer.start(dir);
        proxy = TcpProxy.to(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(ModelClient::close);
        proxy.close();
        server.close();
    }

    private ModelClient signedIn(String username, int port) throws Exception {
        ModelClient client = ModelClient.headless(username, port);
        clients.add(client);
        client.signIn();
        return client;
    }

    @Test
    void receiver_cutTwiceMidStream_endsWithEveryMessageOnceInSeqOrder() throws Exception {
        ModelClient alice = signedIn(ALICE, server.port());
        ModelClient bob = signedIn(BOB, proxy.port());
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        bob.awaitSession(id);
        // Cut from the model's own thread the moment these seqs arrive: mid-stream, whatever the timing.
        bob.model().addListener(event -> {
            if (event instanceof ModelEvent.MessageReceived received
                    && (received.message().seq() == 20 || received.message().seq() == 120)) {
                proxy.cut();
            }
        });

        for (int i = 1; i <= COUNT; i++) {
            alice.model().send(id, "message " + i);
        }
        alice.awaitOutboxEmpty();
        List<ServerMessage.Message> received = bob.awaitReceived(id, COUNT);

        assertThat(proxy.accepted()).as("connections through the proxy").isGreaterThanOrEqualTo(3);
        assertThat(bob.events(ModelEvent.ConnectionStateChanged.class))
                .filteredOn(e -> e.state().status() == ConnectionState.Status.RECONNECTING).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bob.events(ModelEvent.SignedIn.class)).extracting(ModelEvent.SignedIn::resumed)
                .containsExactly(false, true, true);
        assertThat(received).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, COUNT).boxed().toList());
        assertThat(received).extracting(ServerMessage.Message::text)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, COUNT).mapToObj(i -> "message " + i).toList());
        assertThat(bob.model().transcript(id).messages()).hasSize(200);
        await().atMost(WAIT).until(() -> bob.serverCursor(id) == COUNT);
    }

    @Test
    void sender_cutBeforeTheReply_resendsWithTheSameClientMsgId_storedOnceWithTheOriginalSeq() throws Exception {
        ModelClient alice = signedIn(ALICE, proxy.port());
        ModelClient bob = signedIn(BOB, server.port());
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        alice.model().send(id, "before the cut");
        alice.awaitOutboxEmpty();

        proxy.dropServerToClient();
        OutgoingMessage lost = alice.model().send(id, "reply lost");
        List<ServerMessage.Message> atBob = bob.awaitReceived(id, 2);
        assertThat(atBob.get(1).clientMsgId()).as("stored before the cut").isEqualTo(lost.clientMsgId());
        assertThat(alice.connection().outbox().pending()).extracting(OutgoingMessage::clientMsgId)
                .as("no reply yet").containsExactly(lost.clientMsgId());
        proxy.cut();

        alice.awaitOutboxEmpty();
        OutgoingMessage sent = alice.outgoing(id, OutgoingMessage.Status.SENT).stream()
                .filter(m -> m.clientMsgId().equals(lost.clientMsgId())).findFirst().orElseThrow();
        assertThat(sent.seq()).isEqualTo(2L);
        assertThat(sent.attempts()).as("sent, then resent after the resume").isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(atBob.get(1).sentAt());

        alice.model().send(id, "after the resume");
        assertThat(bob.awaitReceived(id, 3)).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L);
        List<ServerMessage.Message> history = get(bob.connection().history(id, null, 50)).messages();
        assertThat(history).extracting(ServerMessage.Message::text)
                .containsExactly("before the cut", "reply lost", "after the resume");
        alice.awaitReceived(id, 3);
        assertThat(alice.received(id)).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(alice.model().transcript(id).pending()).isEmpty();
    }

    @Test
    void sessionEndedWhileDisconnected_isShownEnded_withTheMessagesSentMeanwhile() throws Exception {
        ModelClient alice = signedIn(ALICE, server.port());
        ModelClient bob = signedIn(BOB, proxy.port());
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        alice.model().send(id, "first");
        bob.awaitReceived(id, 1);

        proxy.refuseNew(true);
        proxy.cut();
        await().atMost(WAIT).until(() -> !bob.connection().state().isSignedIn());
        alice.model().send(id, "second, while bob is cut off");
        alice.awaitOutboxEmpty();
        get(alice.connection().end(id));
        proxy.refuseNew(false);

        await().atMost(WAIT).until(() -> bob.model().session(id).map(s -> !s.info().active()).orElse(false));
        assertThat(bob.events(ModelEvent.SessionEnded.class)).extracting(e -> e.session().sessionId())
                .containsExactly(id);
        // Bob was signed in all along from his point of view: the drop must not cost him a message.
        assertThat(bob.awaitReceived(id, 2)).extracting(ServerMessage.Message::text)
                .containsExactly("first", "second, while bob is cut off");
    }
}
