package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.server.auth.LoginThrottle;
import org.beacon.server.auth.ResumeTokens;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInTest {
    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Nested
    @DisplayName("login")
    class Login {
        @Test
        void rightPassword_returnsProfileImSwitchAndToken() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.helloed();
            LoginResult result = server.login(client, "alice");
            assertThat(result.user().fullName()).isEqualTo("User alice");
            assertThat(result.user().organizationId()).isEqualTo("county-ems");
            assertThat(result.user().organizationName()).isEqualTo("County EMS");
            assertThat(result.user().timeZone()).isEqualTo("America/Chicago");
            assertThat(result.user().rights()).containsExactly("initiate_im");
            assertThat(result.user().resources()).containsExactly("station-1");
            assertThat(result.imEnabled()).isTrue();
            assertThat(Base64.getUrlDecoder().decode(result.resumeToken())).hasSize(32);
        }

        @Test
        void wrongPasswordAndUnknownUser_getTheSameCodeAndMessage() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.helloed();
            ServerMessage.Error wrong = client.requestError(
                    new ClientMessage.Login(2L, "alice", "nope"), ErrorCode.AUTH_FAILED);
            ServerMessage.Error unknown = client.requestError(
                    new ClientMessage.Login(3L, "mallory", "nope"), ErrorCode.AUTH_FAILED);
            ServerMessage.Error noPassword = client.requestError(
                    new ClientMessage.Login(4L, "nopass", ""), ErrorCode.AUTH_FAILED);
            assertThat(wrong.message()).isEqualTo("Wrong username or password.")
                    .isEqualTo(unknown.message()).isEqualTo(noPassword.message());
            assertThat(client.isClosed()).isFalse();
            server.login(client, "alice");
        }

        @Test
        void repeatedFailures_areRateLimited_withoutCheckingThePassword() throws Exception {
            server = TestServer.start(dir, c -> c.withThrottle(new LoginThrottle.Settings(
                    2, 100, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5), 1_000)));
            TestClient client = server.helloed();
            client.requestError(new ClientMessage.Login(1L, "bob", "guess1"), ErrorCode.AUTH_FAILED);
            client.requestError(new ClientMessage.Login(2L, "bob", "guess2"), ErrorCode.AUTH_FAILED);
            ServerMessage.Error limited = client.requestError(
                    new ClientMessage.Login(3L, "bob", "pw-bob"), ErrorCode.RATE_LIMITED);
            assertThat(limited.retryAfterMs()).isBetween(1L, 60_000L);
            server.login(server.helloed(), "carol");
        }

        @Test
        void secondLogin_onASignedInConnection_failsBadRequest() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.signedIn("alice");
            client.requestError(new ClientMessage.Login(8L, "bob", "pw-bob"), ErrorCode.BAD_REQUEST);
        }

        @Test
        void loginThenDirectory_sentBackToBack_bothAnsweredInOrder() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.helloed();
            client.send(new ClientMessage.Login(20L, "alice", "pw-alice"));
            client.send(new ClientMessage.Directory(21L));
            assertThat(client.awaitReply(20L)).isInstanceOf(ServerMessage.Ok.class);
            ServerMessage.Reply directory = client.awaitReply(21L);
            assertThat(directory).isInstanceOf(ServerMessage.Ok.class);
            assertThat(server.json().result((ServerMessage.Ok) directory, DirectoryResult.class).users()).hasSize(5);
        }
    }

    private static long expiryOf(Connection db, String digest) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT expires_at FROM resume_tokens WHERE digest = ?")) {
            query.setString(1, digest);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("token row").isTrue();
                return row.getLong(1);
            }
        }
    }

    @Nested
    @DisplayName("resume and logout")
    class Resume {
        @Test
        void token_signsInOnANewConnection() throws Exception {
            server = TestServer.start(dir);
            TestClient first = server.helloed();
            String token = server.login(first, "bob").resumeToken();
            first.close();
            TestClient second = server.helloed();
            LoginResult resumed = second.requestOk(new ClientMessage.Resume(5L, token), LoginResult.class);
            assertThat(resumed.user().username()).isEqualTo("bob");
            assertThat(resumed.resumeToken()).isEqualTo(token);
            second.requestOk(new ClientMessage.Directory(6L), DirectoryResult.class);
        }

        @Test
        void token_survivesAServerRestart() throws Exception {
            server = TestServer.start(dir);
            String token = server.login(server.helloed(), "bob").resumeToken();
            server.restart();
            TestClient client = server.helloed();
            assertThat(client.requestOk(new ClientMessage.Resume(5L, token), LoginResult.class).user().username())
                    .isEqualTo("bob");
        }

        @Test
        void resume_answersWhileAnotherProgramHoldsTheWriteLock_andRenewsTheTokenAfter() throws Exception {
            server = TestServer.start(dir);
            String token = server.login(server.helloed(), "bob").resumeToken();
            String digest = ResumeTokens.digest(token);
            try (Connection admin = DriverManager.getConnection("jdbc:sqlite:" + server.db());
                 Statement sql = admin.createStatement()) {
                long issued = expiryOf(admin, digest);
                sql.execute("BEGIN IMMEDIATE");
                // The server's writer now waits for this lock (up to its busy timeout); the resume
                // only reads the token, so the desk is back without waiting for the renewal.
                TestClient client = server.helloed();
                LoginResult resumed = client.requestOk(new ClientMessage.Resume(5L, token), LoginResult.class);
                assertThat(resumed.user().username()).isEqualTo("bob");
                assertThat(expiryOf(admin, digest)).as("renewed while the lock was held").isEqualTo(issued);
                sql.execute("ROLLBACK");
                await().atMost(TestClient.TIMEOUT).until(() -> expiryOf(admin, digest) > issued);
            }
        }

        @Test
        void unknownToken_failsAuthFailed() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.helloed();
            client.requestError(new ClientMessage.Resume(5L, "not-a-token"), ErrorCode.AUTH_FAILED);
            client.requestError(new ClientMessage.Resume(6L, "x".repeat(10_000)), ErrorCode.AUTH_FAILED);
            client.requestError(new ClientMessage.Directory(7L), ErrorCode.AUTH_REQUIRED);
        }

        @Test
        void logout_revokesTheToken_andCloses() throws Exception {
            server = TestServer.start(dir);
            TestClient client = server.helloed();
            String token = server.login(client, "bob").resumeToken();
            assertThat(client.request(new ClientMessage.Logout(9L))).isInstanceOf(ServerMessage.Ok.class);
            client.awaitClosed();
            TestClient again = server.helloed();
            again.requestError(new ClientMessage.Resume(5L, token), ErrorCode.AUTH_FAILED);
            again.requestOk(new ClientMessage.Ping(6L), PingResult.class);
        }
    }
}
