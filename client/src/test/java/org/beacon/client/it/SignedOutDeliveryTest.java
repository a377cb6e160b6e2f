package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ModelClient.WAIT;
import static org.beacon.client.it.ModelClient.get;

import java.util.List;
import java.util.stream.LongStream;
import org.beacon.client.model.ModelEvent;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.HistoryResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Messages sent while a participant is signed out reach them when they sign in")
class SignedOutDeliveryTest extends LiveServerTestBase {
    private static final int COUNT = 50;


    @Test
    void signIn_afterFiftyMessages_getsAllOnceInOrder_andAThirdSignInGetsNoneAgain() throws Exception {
        ModelClient alice = signedIn(ALICE);
        ModelClient bob = signedIn(BOB);
        String id = get(alice.connection().startPrivate(BOB)).session().sessionId();
        bob.awaitSession(id);
        bob.logout();

        for (int i = 1; i <= COUNT; i++) {
            alice.model().send(id, "message " + i);
        }
        alice.awaitOutboxEmpty();

        ModelClient bobBack = signedIn(BOB);
        List<ServerMessage.Message> received = bobBack.awaitReceived(id, COUNT);
        assertThat(bobBack.events(ModelEvent.SessionOpened.class)).extracting(e -> e.session().sessionId())
                .containsExactly(id);
        assertThat(received).extracting(ServerMessage.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, COUNT).boxed().toList());
        assertThat(received).extracting(ServerMessage.Message::text).endsWith("message " + COUNT);
        await().atMost(WAIT).until(() -> bobBack.serverCursor(id) == COUNT);
        bobBack.logout();

        ModelClient bobThird = signedIn(BOB);
        bobThird.awaitSession(id);
        // A live message after sign-in is held until the backlog is out: once it is here, the
        // backlog (if any) was delivered before it.
        alice.model().send(id, "after the third sign-in");
        assertThat(bobThird.awaitReceived(id, 1)).extracting(ServerMessage.Message::seq)
                .containsExactly((long) COUNT + 1);
        assertThat(bobThird.model().session(id).orElseThrow().unread()).isZero();
    }

    @Test
    void signIn_afterTheSessionEnded_deliversNothingNew_butHistoryStaysReadable() throws Exception {
        ModelClient alice = signedIn(ALICE);
        String ended = get(alice.connection().startPrivate(BOB)).session().sessionId();
        for (int i = 1; i <= 5; i++) {
            alice.model().send(ended, "before the end " + i);
        }
        alice.awaitOutboxEmpty();
        get(alice.connection().end(ended));

        ModelClient bob = signedIn(BOB);
        // A new session after sign-in: its live message comes after any backlog of the ended one.
        String fresh = get(alice.connection().startPrivate(BOB)).session().sessionId();
        assertThat(fresh).isNotEqualTo(ended);
        alice.model().send(fresh, "new incident");
        bob.awaitReceived(fresh, 1);

        assertThat(bob.received(ended)).isEmpty();
        assertThat(bob.model().session(ended)).isEmpty();
        HistoryResult history = get(bob.connection().history(ended, null, 50));
        assertThat(history.messages()).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history.hasMore()).isFalse();
    }
}
