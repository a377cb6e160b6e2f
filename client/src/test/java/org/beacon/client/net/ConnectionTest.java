package org.beacon.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.beacon.client.net.ConnectionState.Status;
import org.beacon.client.testing.FakeServer;
import org.beacon.client.testing.Recorder;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.HelloResult;
import org.beacon.protocol.reply.LoginResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Connection")
class ConnectionTest {
    private ConnectionFixture f;

    @BeforeEach
    void start() throws InterruptedException {
        f = new ConnectionFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Nested
    @DisplayName("signing in")
    class SigningIn {
        @Test
        void login_saysHelloFirstThenLogsIn_andIsSignedIn() {
            LoginResult result = f.signIn();

            List<FakeServer.Request> requests = f.server.requests().all();
            assertThat(requests.get(0).message()).isEqualTo(
                    new ClientMessage.Hello(1L, Protocol.VERSION, "test-client/1"));
            assertThat(requests.get(1).message()).isEqualTo(new ClientMessage.Login(2L, "gblue", "demo"));
            assertThat(result.user().username()).isEqualTo("gblue");
            assertThat(result.resumeToken()).isEqualTo("token-1");
            assertThat(f.connection.serverHello().heartbeatSeconds()).isEqualTo(30);
            assertThat(f.states.all()).extracting(ConnectionState::status)
                    .containsExactly(Status.CONNECTING, Status.SIGNED_IN);
        }

        @Test
        void login_sendsTheLoginWithoutWaitingForTheHelloReply() {
            // The server answers hello only once the login has arrived too: a client that waited
            // for the hello reply before sending its login would never sign in.
            AtomicReference<ClientMessage.Hello> heldHello = new AtomicReference<>();
            f.server.on(ClientMessage.Hello.class, (peer, hello) -> heldHello.set(hello));
            f.server.on(ClientMessage.Login.class, (peer, login) -> {
                peer.ok(heldHello.get(), new HelloResult(1, "fake-server/1", 64 * 1024, 30));
                peer.ok(login, new LoginResult(FakeServer.profile("gblue"), true, "token-9"));
            });

            assertThat(f.connection.login("gblue", "demo")).succeedsWithin(Recorder.DEADLINE)
                    .extracting(LoginResult::resumeToken).isEqualTo("token-9");
            assertThat(f.connection.serverHello().heartbeatSeconds()).isEqualTo(30);
            f.awaitStatus(Status.SIGNED_IN);
        }

        @Test
        void login_helloRefused_failsWithTheHelloError_notTheUnansweredLogin() {
            f.server.on(ClientMessage.Hello.class, (peer, hello) -> {
                peer.error(hello, ErrorCode.UNSUPPORTED_VERSION, "This server speaks protocol version 2, not 1.");
                peer.kill();
            });

            assertThat(f.connection.login("gblue", "demo")).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOfSatisfying(RequestFailedException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
            f.awaitStatus(Status.OFFLINE);
        }

        @Test
        void login_wrongPassword_failsWithAuthFailed_andIsSignedOut() {
            CompletableFuture<LoginResult> login = f.connection.login("gblue", "wrong");

            assertThat(login).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOfSatisfying(RequestFailedException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED));
            f.awaitStatus(Status.SIGNED_OUT);
        }

        @Test
        void login_noServer_failsWithConnectionLost_andIsOffline() {
            f.server.close();
            Connection lonely = Connection.builder("127.0.0.1", f.server.port()).build();
            try {
                assertThat(lonely.login("gblue", "demo")).failsWithin(Recorder.DEADLINE).withThrowableThat()
                        .havingCause().isInstanceOf(ConnectionLostException.class);
                assertThat(lonely.state().status()).isEqualTo(Status.OFFLINE);
            } finally {
                lonely.close();
            }
        }
    }

    @Nested
    @DisplayName("requests")
    class Requests {
        @Test
        void request_errorReply_failsWithCodeAndMessage() {
            f.signIn();
            f.server.on(ClientMessage.StartPrivate.class,
                    (peer, request) -> peer.error(request, ErrorCode.FORBIDDEN, "you may not initiate IM"));

            assertThat(f.connection.startPrivate("ablack")).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOfSatisfying(RequestFailedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.serverMessage()).isEqualTo("you may not initiate IM");
                    });
        }

        @Test
        void request_generalForm_assignsIncreasingIds() {
            f.signIn();
            ServerMessage.Ok ok = f.connection.request(id -> new ClientMessage.Ping(id)).join();

            assertThat(ok.id()).isEqualTo(3L);
            assertThat(f.connection.ping().join().serverTime()).isNotNull();
            assertThat(f.server.requestsOf(ClientMessage.Ping.class)).extracting(ClientMessage::id)
                    .containsExactly(3L, 4L);
        }

        @Test
        void pendingRequests_failWhenTheConnectionDrops() {
            f.signIn();
            f.server.on(ClientMessage.Directory.class, (peer, request) -> { });
            f.server.on(ClientMessage.Stats.class, (peer, request) -> { });
            var directory = f.connection.directory();
            var stats = f.connection.stats();
            f.server.awaitRequest(ClientMessage.Stats.class, request -> true);

            f.server.latestPeer().kill();

            assertThat(directory).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOf(ConnectionLostException.class);
            assertThat(stats).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOf(ConnectionLostException.class);
        }

        @Test
        void request_noReply_failsAfterTheTimeout() {
            f.signIn();
            f.server.on(ClientMessage.Directory.class, (peer, request) -> { });
            var directory = f.connection.directory();
            f.server.awaitRequest(ClientMessage.Directory.class, request -> true);

            f.scheduler.advance(Duration.ofSeconds(30));

            assertThat(directory).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOf(RequestTimeoutException.class);
            assertThat(f.connection.state().isSignedIn()).isTrue();
        }

        @Test
        void request_whileOffline_failsAtOnce() {
            assertThat(f.connection.directory()).failsWithin(Recorder.DEADLINE).withThrowableThat()
                    .havingCause().isInstanceOf(ConnectionLostException.class);
        }

        @Test
        void events_goToListenersInOrder() {
            f.signIn();
            FakeServer.Peer peer = f.server.latestPeer();
            peer.send(new ServerMessage.Presence("ablack", true));
            peer.send(FakeServer.message("s1", 1, "ablack"));

            f.events.await(ServerMessage.Message.class, message -> true);
            assertThat(f.events.all()).containsExactly(
                    new ServerMessage.Presence("ablack", true), FakeServer.message("s1", 1, "ablack"));
        }
    }

    @Nested
    @DisplayName("reconnecting")
    class Reconnecting {
        @Test
        void drop_reconnectsAfterBackoff_andResumesWithTheToken() {
            f.signIn();
            int mark = f.states.size();

            f.server.latestPeer().kill();

            ConnectionState reconnecting = f.awaitStatusAfter(mark, Status.RECONNECTING);
            assertThat(reconnecting.nextAttemptAt()).isEqualTo(f.scheduler.now().plusMillis(500));
            assertThat(reconnecting.attempt()).isZero();
            f.scheduler.advance(Duration.ofMillis(499));
            assertThat(f.server.peers().size()).isEqualTo(1);

            f.scheduler.advance(Duration.ofMillis(1));

            ClientMessage.Resume resume = f.server.awaitRequest(ClientMessage.Resume.class, r -> true);
            assertThat(resume.token()).isEqualTo("token-1");
            f.awaitStatusAfter(mark, Status.SIGNED_IN);
            assertThat(f.server.requests().all().stream().map(FakeServer.Request::message)
                    .filter(m -> m instanceof ClientMessage.Hello)).hasSize(2);
            assertThat(f.connection.signedInAs().resumeToken()).isEqualTo("token-2");
        }

        @Test
        void failedAttempts_doubleTheDelay() {
            f.signIn();
            int mark = f.states.size();
            f.server.on(ClientMessage.Hello.class, (peer, hello) -> peer.kill());
            f.server.latestPeer().kill();
            f.awaitStatusAfter(mark, Status.RECONNECTING);

            f.scheduler.advance(Duration.ofMillis(500));

            ConnectionState second = f.states.awaitFrom(mark,
                    state -> state.status() == Status.RECONNECTING && state.attempt() == 1);
            assertThat(second.nextAttemptAt()).isEqualTo(f.scheduler.now().plusSeconds(1));
            f.scheduler.advance(Duration.ofSeconds(1));
            ConnectionState third = f.states.awaitFrom(mark,
                    state -> state.status() == Status.RECONNECTING && state.attempt() == 2);
            assertThat(third.nextAttemptAt()).isEqualTo(f.scheduler.now().plusSeconds(2));
        }

        @Test
        void resumeRefused_leavesItSignedOut_passwordNeeded() {
            f.signIn();
            int mark = f.states.size();
            f.server.revokeTokens();
            f.server.latestPeer().kill();
            f.awaitStatusAfter(mark, Status.RECONNECTING);

            f.scheduler.advance(Duration.ofMillis(500));

            ConnectionState signedOut = f.awaitStatusAfter(mark, Status.SIGNED_OUT);
            assertThat(signedOut.reason()).contains("password needed");
            f.scheduler.advance(Duration.ofMinutes(5));
            assertThat(f.server.requestsOf(ClientMessage.Resume.class)).hasSize(1);
        }

        @Test
        void logout_closesWithoutReconnecting() {
            f.signIn();

            f.connection.logout().join();

            f.awaitStatus(Status.SIGNED_OUT);
            f.server.awaitRequest(ClientMessage.Logout.class, r -> true);
            f.scheduler.advance(Duration.ofMinutes(5));
            assertThat(f.states.all()).extracting(ConnectionState::status).doesNotContain(Status.RECONNECTING);
            assertThat(f.server.peers().size()).isEqualTo(1);
        }

        @Test
        void close_thenDrop_doesNotReconnect() {
            f.signIn();

            f.connection.close();

            f.awaitStatus(Status.OFFLINE);
            f.scheduler.advance(Duration.ofMinutes(5));
            assertThat(f.states.all()).extracting(ConnectionState::status).doesNotContain(Status.RECONNECTING);
        }
    }

    @Nested
    @DisplayName("heartbeat")
    class Heartbeat {
        @Test
        void idleConnection_sendsPings() throws InterruptedException {
            f.close();
            f = new ConnectionFixture(builder -> builder.heartbeat(Duration.ofMillis(50)));
            f.signIn();

            f.server.requests().await(r -> r.message() instanceof ClientMessage.Ping && r.message().id() >= 4);

            assertThat(f.connection.state().isSignedIn()).isTrue();
        }

        @Test
        void silentPeer_isTreatedAsADrop() throws InterruptedException {
            f.close();
            f = new ConnectionFixture(builder -> builder.heartbeat(Duration.ofMillis(50)));
            f.signIn();
            int mark = f.states.size();
            f.server.on(ClientMessage.Ping.class, (peer, ping) -> { });

            ConnectionState reconnecting = f.awaitStatusAfter(mark, Status.RECONNECTING);

            assertThat(reconnecting.reason()).isEqualTo("connection lost");
            assertThat(f.server.requestsOf(ClientMessage.Ping.class)).isNotEmpty();
        }
    }
}
