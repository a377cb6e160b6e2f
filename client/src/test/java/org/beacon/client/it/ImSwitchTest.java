package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ItRegion.CAROL;
import static org.beacon.client.it.ModelClient.WAIT;
import static org.beacon.client.it.ModelClient.failure;
import static org.beacon.client.it.ModelClient.get;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.net.RequestFailedException;
import org.beacon.client.testing.ManualScheduler;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("IM switched off and on by an administrator while clients are connected")
class ImSwitchTest {
    @TempDir
    Path dir;
    private LiveServer server;
    private final List<ModelClient> clients = new ArrayList<>();
    private ModelClient alice;
    private ModelClient bob;
    private String session;

    @BeforeEach
    void start() throws Exception {
        server = LiveServer.start(dir);
        alice = signedIn(ModelClient.headless(ALICE, server.port()));
        bob = signedIn(ModelClient.forViews(BOB, server.port()));
        session = get(alice.connection().startPrivate(BOB)).session().sessionId();
        alice.model().send(session, "before the switch");
        bob.awaitReceived(session, 1);
    }

    @AfterEach
    void stop() {
        clients.forEach(ModelClient::close);
        server.close();
    }

    private ModelClient signedIn(ModelClient client) throws Exception {
        clients.add(client);
        client.signIn();
        return client;
    }

    private void switchAndAwait(boolean enabled) throws Exception {
        server.switchIm(enabled);
        await().atMost(WAIT).until(() -> alice.model().imEnabled() == enabled && bob.model().imEnabled() == enabled);
    }

    private static ErrorCode code(Throwable error) {
        assertThat(error).isInstanceOf(RequestFailedException.class);
        return ((RequestFailedException) error).code();
    }

    @Test
    void off_flipsEveryModel_andSessionRequestsGetFeatureDisabled() throws Exception {
        switchAndAwait(false);

        assertThat(alice.events(ModelEvent.ImSwitched.class)).containsExactly(new ModelEvent.ImSwitched(false));
        assertThat(bob.events(ModelEvent.ImSwitched.class)).containsExactly(new ModelEvent.ImSwitched(false));
        assertThat(code(failure(alice.connection().startPrivate(CAROL)))).isEqualTo(ErrorCode.FEATURE_DISABLED);
        assertThat(code(failure(alice.connection().history(session, null, 10)))).isEqualTo(ErrorCode.FEATURE_DISABLED);
        assertThat(code(failure(alice.connection().send(session, "direct-1", "x")))).isEqualTo(ErrorCode.FEATURE_DISABLED);
        assertThat(code(failure(bob.connection().sessions()))).isEqualTo(ErrorCode.FEATURE_DISABLED);
        assertThat(get(alice.connection().directory()).users()).as("the rest of the region still works").isNotEmpty();
    }

    @Test
    void off_messageTypedMeanwhile_failsVisiblyAndIsNotStored() throws Exception {
        switchAndAwait(false);

        OutgoingMessage typed = alice.model().send(session, "while off");
        alice.awaitOutboxEmpty();

        assertThat(alice.outgoing(session, OutgoingMessage.Status.FAILED)).singleElement().satisfies(m -> {
            assertThat(m.clientMsgId()).isEqualTo(typed.clientMsgId());
            assertThat(m.failure()).isEqualTo(ErrorCode.FEATURE_DISABLED);
        });
        switchAndAwait(true);
        assertThat(get(bob.connection().history(session, null, 10)).messages())
                .extracting(ServerMessage.Message::text).containsExactly("before the switch");
    }

    @Test
    void backOn_everythingWorksAgain_onTheSameConnections() throws Exception {
        switchAndAwait(false);
        switchAndAwait(true);

        assertThat(alice.events(ModelEvent.ImSwitched.class))
                .containsExactly(new ModelEvent.ImSwitched(false), new ModelEvent.ImSwitched(true));
        alice.model().send(session, "after the switch");
        assertThat(bob.awaitReceived(session, 2)).extracting(ServerMessage.Message::seq, ServerMessage.Message::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "before the switch"),
                        org.assertj.core.groups.Tuple.tuple(2L, "after the switch"));
        String other = get(alice.connection().startPrivate(CAROL)).session().sessionId();
        assertThat(other).isNotBlank();
    }

    @Test
    void ackRefusedWhileOff_reachesTheServerOnceImIsBackOn() throws Exception {
        // Bob's second desk, its timers driven by hand so that the ack goes out while IM is off.
        ManualScheduler timers = new ManualScheduler();
        ModelClient desk = signedIn(ModelClient.forViews(BOB, server.port(), builder -> builder.scheduler(timers)));
        desk.awaitReceived(session, 1);
        switchAndAwait(false);
        await().atMost(WAIT).until(() -> !desk.model().imEnabled());

        desk.model().markShown(session, 1);
        timers.advance(ModelClient.ACK_DELAY);
        get(desk.connection().ping()); // requests are answered in order: the ack's refusal has been read
        switchAndAwait(true);

        await().atMost(WAIT).until(() -> bob.serverCursor(session) == 1);
    }
}
