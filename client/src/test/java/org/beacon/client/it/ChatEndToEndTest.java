package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ItRegion.CAROL;
import static org.beacon.client.it.ModelClient.WAIT;
import static org.beacon.client.it.ModelClient.get;

import java.util.List;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.model.SessionSummary;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Private chat and conference end to end through ClientModel")
class ChatEndToEndTest extends LiveServerTestBase {

    @Test
    void privateChat_opensOnBothSides_andCarriesMessagesInOrderBothWays() throws Exception {
        ModelClient alice = signedIn(ALICE);
        ModelClient bob = signedIn(BOB);

        SessionInfo session = get(alice.connection().startPrivate(BOB)).session();
        String id = session.sessionId();

        assertThat(session.kind()).isEqualTo(SessionKind.PRIVATE);
        assertThat(alice.awaitSession(id).info().participants()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(bob.awaitSession(id).info().initiator()).isEqualTo(ALICE);
        assertThat(bob.events(ModelEvent.SessionOpened.class)).extracting(e -> e.session().sessionId()).contains(id);

        for (String text : List.of("Unit 12 en route", "ETA 6 min", "Two patients")) {
            assertThat(alice.model().send(id, text).status()).isEqualTo(OutgoingMessage.Status.PENDING);
        }
        List<ServerMessage.Message> atBob = bob.awaitReceived(id, 3);
        bob.model().send(id, "Copy, trauma bay 2 ready");
        List<ServerMessage.Message> atAlice = alice.awaitReceived(id, 4);

        assertThat(atBob).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(atBob).extracting(ServerMessage.Message::text)
                .containsExactly("Unit 12 en route", "ETA 6 min", "Two patients");
        assertThat(atBob).allSatisfy(m -> {
            assertThat(m.sender()).isEqualTo(ALICE);
            assertThat(m.sentAt()).isNotNull();
        });
        assertThat(atAlice).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(atAlice.get(3).sender()).isEqualTo(BOB);
        bob.awaitReceived(id, 4);
        assertThat(bob.model().transcript(id).messages()).isEqualTo(alice.model().transcript(id).messages());
    }

    @Test
    void send_ownMessage_goesFromPendingToSentWithItsSeq() throws Exception {
        ModelClient alice = signedIn(ALICE);
        signedIn(BOB);
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        alice.awaitSession(id);

        OutgoingMessage first = alice.model().send(id, "first");
        OutgoingMessage second = alice.model().send(id, "second");
        alice.awaitOutboxEmpty();
        alice.awaitReceived(id, 2);

        List<OutgoingMessage.Status> firstStates = alice.events(ModelEvent.OutboxChanged.class).stream()
                .map(ModelEvent.OutboxChanged::message)
                .filter(m -> m.clientMsgId().equals(first.clientMsgId()))
                .map(OutgoingMessage::status).toList();
        assertThat(firstStates).containsExactly(OutgoingMessage.Status.PENDING, OutgoingMessage.Status.SENT);
        assertThat(alice.outgoing(id, OutgoingMessage.Status.SENT))
                .extracting(OutgoingMessage::clientMsgId, OutgoingMessage::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.clientMsgId(), 1L),
                        org.assertj.core.groups.Tuple.tuple(second.clientMsgId(), 2L));
        assertThat(alice.events(ModelEvent.MessageReceived.class)).allMatch(ModelEvent.MessageReceived::mine);
        assertThat(alice.model().transcript(id).pending()).isEmpty();
        assertThat(alice.model().transcript(id).messages()).extracting(ServerMessage.Message::clientMsgId)
                .containsExactly(first.clientMsgId(), second.clientMsgId());
    }

    @Test
    void conference_opensForEveryone_andEveryTranscriptIsTheSame() throws Exception {
        ModelClient alice = signedIn(ALICE);
        ModelClient bob = signedIn(BOB);
        ModelClient carol = signedIn(CAROL);

        SessionInfo session = get(alice.connection().startConference(List.of(BOB, CAROL), "Bus crash I-35",
                ItRegion.STATION.id())).session();
        String id = session.sessionId();
        for (ModelClient client : List.of(alice, bob, carol)) {
            SessionSummary seen = client.awaitSession(id);
            assertThat(seen.info().kind()).isEqualTo(SessionKind.CONFERENCE);
            assertThat(seen.info().title()).isEqualTo("Bus crash I-35");
            assertThat(seen.info().participants()).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
        }

        alice.model().send(id, "Status?");
        bob.awaitReceived(id, 1);
        bob.model().send(id, "ER ready");
        carol.awaitReceived(id, 2);
        carol.model().send(id, "Two units on scene");

        List<ServerMessage.Message> expected = alice.awaitReceived(id, 3);
        assertThat(expected).extracting(ServerMessage.Message::sender).containsExactly(ALICE, BOB, CAROL);
        assertThat(bob.awaitReceived(id, 3)).isEqualTo(expected);
        assertThat(carol.awaitReceived(id, 3)).isEqualTo(expected);
    }

    @Test
    void unread_comesFromMessagesAndTheServersCursor_acrossSignIns() throws Exception {
        ModelClient alice = signedIn(ALICE);
        ModelClient bob = ModelClient.forViews(BOB, server.port());
        clients.add(bob);
        bob.signIn();
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        for (int i = 1; i <= 3; i++) {
            alice.model().send(id, "update " + i);
        }
        bob.awaitReceived(id, 3);
        assertThat(bob.awaitSession(id).unread()).isEqualTo(3);

        bob.model().markShown(id, 2);
        assertThat(bob.model().session(id).orElseThrow().unread()).isEqualTo(1);
        await().atMost(WAIT).until(() -> bob.serverCursor(id) == 2);
        bob.logout();

        ModelClient bobAgain = ModelClient.forViews(BOB, server.port());
        clients.add(bobAgain);
        bobAgain.signIn();

        SessionSummary summary = bobAgain.awaitSession(s -> s.sessionId().equals(id) && s.shownSeq() == 2);
        assertThat(summary.latestSeq()).isEqualTo(3);
        assertThat(summary.unread()).isEqualTo(1);
        assertThat(bobAgain.awaitReceived(id, 1)).extracting(ServerMessage.Message::seq).containsExactly(3L);
    }
}
