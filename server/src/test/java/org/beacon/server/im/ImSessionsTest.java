package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.protocol.reply.SessionResult;
import org.beacon.protocol.reply.SessionsResult;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IM sessions over a real socket: starting, rights, membership, leaving and ending. */
class ImSessionsTest {
    @TempDir
    Path dir;
    TestServer server;
    TestClient alice;
    TestClient bob;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        alice = server.signedIn("alice");
        bob = server.signedIn("bob");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    @DisplayName("a private chat")
    class PrivateChat {
        @Test
        void startPrivate_opensTheSessionForBoth_andMessagesFlowBothWays() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            assertThat(session.kind()).isEqualTo(SessionKind.PRIVATE);
            assertThat(session.initiator()).isEqualTo("alice");
            assertThat(session.participants()).containsExactly("alice", "bob");
            assertThat(bob.awaitEvent(ServerMessage.SessionOpened.class).session()).isEqualTo(session);

            SendResult sent = send(alice, session, "c-1", "Unit 12 en route");
            ServerMessage.Message atBob = bob.awaitMessages(1).get(0);
            assertThat(atBob.seq()).isEqualTo(sent.seq()).isEqualTo(1);
            assertThat(atBob.sender()).isEqualTo("alice");
            assertThat(atBob.text()).isEqualTo("Unit 12 en route");
            assertThat(atBob.sentAt()).isEqualTo(sent.sentAt());

            SendResult reply = send(bob, session, "c-2", "Copy");
            assertThat(reply.seq()).isEqualTo(2);
            assertThat(alice.awaitMessages(1).get(0).text()).isEqualTo("Copy");
        }

        @Test
        void startPrivate_again_returnsTheSameActiveSession() throws Exception {
            SessionInfo first = startPrivate(alice, "bob");
            SessionInfo again = startPrivate(alice, "bob");
            assertThat(again.sessionId()).isEqualTo(first.sessionId());
        }

        @Test
        void startPrivate_afterTheOtherLeft_bringsThemBack() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            ok(bob, new ClientMessage.Leave(bob.nextId(), session.sessionId()));
            assertThat(alice.awaitEvent(ServerMessage.ParticipantLeft.class).username()).isEqualTo("bob");

            SessionInfo again = startPrivate(alice, "bob");
            assertThat(again.sessionId()).isEqualTo(session.sessionId());
            assertThat(again.participants()).containsExactlyInAnyOrder("alice", "bob");
        }

        @Test
        void startPrivate_withoutTheInitiateRight_isForbidden() throws Exception {
            bob.requestError(new ClientMessage.StartPrivate(bob.nextId(), "alice"), ErrorCode.FORBIDDEN);
        }

        @Test
        void startPrivate_withUnknownUser_isNotFound() throws Exception {
            alice.requestError(new ClientMessage.StartPrivate(alice.nextId(), "nobody"), ErrorCode.NOT_FOUND);
        }

        @Test
        void startPrivate_withMyself_isBadRequest() throws Exception {
            alice.requestError(new ClientMessage.StartPrivate(alice.nextId(), "alice"), ErrorCode.BAD_REQUEST);
        }
    }

    @Nested
    @DisplayName("a conference")
    class Conference {
        @Test
        void startConference_reachesEveryParticipant_withTitleAndResource() throws Exception {
            TestClient carol = server.signedIn("carol");
            SessionInfo session = alice.requestOk(new ClientMessage.StartConference(alice.nextId(),
                    List.of("bob", "carol"), "  Bus crash I-35 ", "station-1"), SessionResult.class).session();
            assertThat(session.kind()).isEqualTo(SessionKind.CONFERENCE);
            assertThat(session.title()).isEqualTo("Bus crash I-35");
            assertThat(session.participants()).containsExactly("alice", "bob", "carol");
            assertThat(bob.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                    .isEqualTo(session.sessionId());
            assertThat(carol.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                    .isEqualTo(session.sessionId());

            send(bob, session, "b-1", "Two patients, stable");
            assertThat(alice.awaitMessages(1).get(0).sender()).isEqualTo("bob");
            assertThat(carol.awaitMessages(1).get(0).sender()).isEqualTo("bob");
        }

        @Test
        void startConference_withoutParticipants_isBadRequest() throws Exception {
            alice.requestError(new ClientMessage.StartConference(alice.nextId(), List.of(), null, null),
                    ErrorCode.BAD_REQUEST);
        }

        @Test
        void startConference_withUnknownUsers_namesThem() throws Exception {
            ServerMessage.Error error = alice.requestError(new ClientMessage.StartConference(alice.nextId(),
                    List.of("bob", "ghost", "phantom"), null, null), ErrorCode.NOT_FOUND);
            assertThat(error.message()).contains("ghost").contains("phantom").doesNotContain("bob");
        }

        @Test
        void startConference_withUnknownResource_isNotFound() throws Exception {
            alice.requestError(new ClientMessage.StartConference(alice.nextId(), List.of("bob"), null, "nowhere"),
                    ErrorCode.NOT_FOUND);
        }

        @Test
        void invite_addsNewcomer_whoSeesTheTranscriptFromTheStart() throws Exception {
            TestClient carol = server.signedIn("carol");
            SessionInfo session = conference(alice, "bob");
            send(alice, session, "a-1", "Staging at the north lot");
            send(bob, session, "b-1", "Copy");

            SessionInfo after = alice.requestOk(new ClientMessage.Invite(alice.nextId(), session.sessionId(),
                    List.of("carol")), SessionResult.class).session();
            assertThat(after.participants()).containsExactly("alice", "bob", "carol");
            assertThat(carol.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                    .isEqualTo(session.sessionId());
            ServerMessage.ParticipantJoined joined = bob.awaitEvent(ServerMessage.ParticipantJoined.class);
            assertThat(joined.username()).isEqualTo("carol");
            assertThat(joined.invitedBy()).isEqualTo("alice");

            HistoryResult history = carol.requestOk(new ClientMessage.History(carol.nextId(), session.sessionId(),
                    null, 50), HistoryResult.class);
            assertThat(history.messages()).extracting(ServerMessage.Message::text)
                    .containsExactly("Staging at the north lot", "Copy");

            send(bob, session, "b-2", "Carol, welcome");
            assertThat(carol.awaitMessages(1).get(0).text()).isEqualTo("Carol, welcome");
        }

        @Test
        void invite_byParticipantWhoIsNotInitiator_isForbidden() throws Exception {
            SessionInfo session = conference(alice, "bob");
            bob.requestError(new ClientMessage.Invite(bob.nextId(), session.sessionId(), List.of("carol")),
                    ErrorCode.FORBIDDEN);
        }

        @Test
        void invite_toPrivateChat_isBadRequest() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            alice.requestError(new ClientMessage.Invite(alice.nextId(), session.sessionId(), List.of("carol")),
                    ErrorCode.BAD_REQUEST);
        }
    }

    @Nested
    @DisplayName("membership is the only door")
    class Membership {
        @Test
        void outsider_getsNotFound_forEverySessionRequest() throws Exception {
            SessionInfo session = conference(alice, "bob");
            send(alice, session, "a-1", "for participants only");
            TestClient dave = server.signedIn("dave");
            String id = session.sessionId();
            dave.requestError(new ClientMessage.History(dave.nextId(), id, null, 10), ErrorCode.NOT_FOUND);
            dave.requestError(new ClientMessage.Send(dave.nextId(), id, "d-1", "hi"), ErrorCode.NOT_FOUND);
            dave.requestError(new ClientMessage.Invite(dave.nextId(), id, List.of("dave")), ErrorCode.NOT_FOUND);
            dave.requestError(new ClientMessage.Ack(dave.nextId(), id, 1), ErrorCode.NOT_FOUND);
            dave.requestError(new ClientMessage.Leave(dave.nextId(), id), ErrorCode.NOT_FOUND);
            dave.requestError(new ClientMessage.End(dave.nextId(), id), ErrorCode.NOT_FOUND);
            assertThat(dave.requestOk(new ClientMessage.Sessions(dave.nextId()), SessionsResult.class).sessions())
                    .isEmpty();
            dave.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
        }

        @Test
        void unknownSession_looksExactlyLikeSomeoneElsesSession() throws Exception {
            SessionInfo session = conference(alice, "bob");
            TestClient dave = server.signedIn("dave");
            ServerMessage.Error hidden = dave.requestError(
                    new ClientMessage.History(dave.nextId(), session.sessionId(), null, 10), ErrorCode.NOT_FOUND);
            ServerMessage.Error missing = dave.requestError(
                    new ClientMessage.History(dave.nextId(), "no-such-session", null, 10), ErrorCode.NOT_FOUND);
            assertThat(hidden.message()).isEqualTo(missing.message());
        }
    }

    @Nested
    @DisplayName("leaving and ending")
    class LeavingAndEnding {
        @Test
        void end_byInitiator_tellsEveryone_andNothingMoreCanBeSent_butHistoryStays() throws Exception {
            SessionInfo session = conference(alice, "bob");
            send(bob, session, "b-1", "last words");
            ok(alice, new ClientMessage.End(alice.nextId(), session.sessionId()));
            ServerMessage.SessionEnded ended = bob.awaitEvent(ServerMessage.SessionEnded.class);
            assertThat(ended.sessionId()).isEqualTo(session.sessionId());
            assertThat(ended.endedBy()).isEqualTo("alice");

            bob.requestError(new ClientMessage.Send(bob.nextId(), session.sessionId(), "b-2", "hello?"),
                    ErrorCode.SESSION_ENDED);
            alice.requestError(new ClientMessage.Invite(alice.nextId(), session.sessionId(), List.of("carol")),
                    ErrorCode.SESSION_ENDED);
            assertThat(bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(), null, 10),
                    HistoryResult.class).messages()).extracting(ServerMessage.Message::text)
                    .containsExactly("last words");
            assertThat(bob.requestOk(new ClientMessage.Sessions(bob.nextId()), SessionsResult.class).sessions())
                    .isEmpty();
        }

        @Test
        void end_byParticipant_isForbidden() throws Exception {
            SessionInfo session = conference(alice, "bob");
            bob.requestError(new ClientMessage.End(bob.nextId(), session.sessionId()), ErrorCode.FORBIDDEN);
        }

        @Test
        void leave_tellsTheOthers_andTheLeaverCanNoLongerSend() throws Exception {
            TestClient carol = server.signedIn("carol");
            SessionInfo session = conference(alice, "bob", "carol");
            ok(carol, new ClientMessage.Leave(carol.nextId(), session.sessionId()));
            assertThat(alice.awaitEvent(ServerMessage.ParticipantLeft.class).username()).isEqualTo("carol");
            assertThat(bob.awaitEvent(ServerMessage.ParticipantLeft.class).username()).isEqualTo("carol");
            carol.requestError(new ClientMessage.Send(carol.nextId(), session.sessionId(), "c-1", "still here?"),
                    ErrorCode.FORBIDDEN);

            send(alice, session, "a-1", "without carol");
            assertThat(bob.awaitMessages(1).get(0).text()).isEqualTo("without carol");
            carol.assertNoEvent(ServerMessage.Message.class, TestServer.quiet());
        }
    }

    @Nested
    @DisplayName("sending")
    class Sending {
        @Test
        void resend_withSameClientMsgId_isStoredOnce_andAnsweredWithTheOriginalSeq() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            SendResult first = send(alice, session, "same-id", "Need a second unit");
            SendResult again = send(alice, session, "same-id", "Need a second unit");
            assertThat(again.seq()).isEqualTo(first.seq());
            assertThat(again.sentAt()).isEqualTo(first.sentAt());
            assertThat(again.duplicate()).isTrue();
            assertThat(first.duplicate()).isFalse();
            assertThat(bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(), null, 10),
                    HistoryResult.class).messages()).hasSize(1);
        }

        @Test
        void text_isTrimmed_emptyIsRefused_andTooLongIsTooLargeWithTheConnectionKept() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            alice.requestError(new ClientMessage.Send(alice.nextId(), session.sessionId(), "e", "   \n "),
                    ErrorCode.BAD_REQUEST);
            ServerMessage.Error tooLong = alice.requestError(new ClientMessage.Send(alice.nextId(),
                    session.sessionId(), "l", "x".repeat(4_001)), ErrorCode.TOO_LARGE);
            assertThat(tooLong.message()).contains("4001").contains("4000");
            assertThat(alice.isClosed()).isFalse();

            send(alice, session, "ok", "  " + "y".repeat(4_000) + "  ");
            assertThat(bob.awaitMessages(1).get(0).text()).hasSize(4_000);
        }

        @Test
        void history_pagesBackwards_oldestFirst() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            for (int i = 1; i <= 7; i++) {
                send(alice, session, "m-" + i, "message " + i);
            }
            HistoryResult newest = bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(),
                    null, 3), HistoryResult.class);
            assertThat(newest.messages()).extracting(ServerMessage.Message::seq).containsExactly(5L, 6L, 7L);
            assertThat(newest.hasMore()).isTrue();
            HistoryResult older = bob.requestOk(new ClientMessage.History(bob.nextId(), session.sessionId(),
                    5L, 10), HistoryResult.class);
            assertThat(older.messages()).extracting(ServerMessage.Message::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(older.hasMore()).isFalse();
            bob.requestError(new ClientMessage.History(bob.nextId(), session.sessionId(), null, 0),
                    ErrorCode.BAD_REQUEST);
        }

        @Test
        void sessions_listsMyActiveSessions_withCursorAndLatestSeq() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            for (int i = 1; i <= 3; i++) {
                send(alice, session, "m-" + i, "message " + i);
            }
            bob.awaitMessages(3);
            ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 2));
            SessionsResult sessions = bob.requestOk(new ClientMessage.Sessions(bob.nextId()), SessionsResult.class);
            assertThat(sessions.sessions()).singleElement().satisfies(status -> {
                assertThat(status.session().sessionId()).isEqualTo(session.sessionId());
                assertThat(status.cursor()).isEqualTo(2);
                assertThat(status.latestSeq()).isEqualTo(3);
                assertThat(status.unread()).isEqualTo(1);
            });
        }

        @Test
        void ack_neverMovesTheCursorBack_andIsClampedToTheLatestMessage() throws Exception {
            SessionInfo session = startPrivate(alice, "bob");
            send(alice, session, "m-1", "one");
            send(alice, session, "m-2", "two");
            ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 99));
            ok(bob, new ClientMessage.Ack(bob.nextId(), session.sessionId(), 1));
            SessionsResult sessions = bob.requestOk(new ClientMessage.Sessions(bob.nextId()), SessionsResult.class);
            assertThat(sessions.sessions().get(0).cursor()).isEqualTo(2);
        }
    }

    static SessionInfo startPrivate(TestClient client, String with) throws Exception {
        return client.requestOk(new ClientMessage.StartPrivate(client.nextId(), with), SessionResult.class).session();
    }

    static SessionInfo conference(TestClient client, String... participants) throws Exception {
        return client.requestOk(new ClientMessage.StartConference(client.nextId(), List.of(participants), null, null),
                SessionResult.class).session();
    }

    static SendResult send(TestClient client, SessionInfo session, String clientMsgId, String text) throws Exception {
        return client.requestOk(new ClientMessage.Send(client.nextId(), session.sessionId(), clientMsgId, text),
                SendResult.class);
    }

    static void ok(TestClient client, ClientMessage request) throws Exception {
        assertThat(client.request(request)).as("reply to %s", request).isInstanceOf(ServerMessage.Ok.class);
    }
}
