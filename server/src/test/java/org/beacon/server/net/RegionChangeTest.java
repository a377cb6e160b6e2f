package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.SessionResult;
import org.beacon.protocol.model.UserSummary;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestRegion;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made by the admin CLI (another store on the same file) and restarts. */
class RegionChangeTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void imSwitchedOffByTheCli_isPushedAtOnce_andSessionRequestsAreRefused() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.signedIn("bob");
        SqliteStore cli = server.otherStore();

        cli.setImEnabled(false).get(10, TimeUnit.SECONDS);
        assertThat(alice.awaitEvent(ServerMessage.ImSwitched.class).enabled()).isFalse();
        assertThat(bob.awaitEvent(ServerMessage.ImSwitched.class).enabled()).isFalse();
        alice.requestError(new ClientMessage.StartPrivate(8L, "bob"), ErrorCode.FEATURE_DISABLED);
        alice.requestError(new ClientMessage.Send(9L, "s-1", "c-1", "hello"), ErrorCode.FEATURE_DISABLED);
        alice.requestError(new ClientMessage.Sessions(10L), ErrorCode.FEATURE_DISABLED);

        cli.setImEnabled(true).get(10, TimeUnit.SECONDS);
        assertThat(alice.awaitEvent(ServerMessage.ImSwitched.class).enabled()).isTrue();
        SessionResult chat = alice.requestOk(new ClientMessage.StartPrivate(11L, "bob"), SessionResult.class);
        assertThat(bob.awaitEvent(ServerMessage.SessionOpened.class).session().sessionId())
                .isEqualTo(chat.session().sessionId());
    }

    @Test
    void notSignedIn_getsNoImSwitch_butSeesItOnLogin() throws Exception {
        TestClient waiting = server.helloed();
        server.otherStore().setImEnabled(false).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.server().region().current().imEnabled());
        assertThat(server.login(waiting, "bob").imEnabled()).isFalse();
        waiting.assertNoEvent(ServerMessage.ImSwitched.class, TestServer.quiet());
    }

    @Test
    void userAddedByTheCli_canSignInWithoutARestart() throws Exception {
        TestClient alice = server.signedIn("alice");
        server.otherStore().addUser(TestServer.user("erin", Set.of(), TestRegion.EMS.id(), TestRegion.STATION.id()))
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.server().region().current().directory().user("erin").isPresent());
        server.signedIn("erin");
        assertThat(alice.requestOk(new ClientMessage.Directory(4L), DirectoryResult.class).users())
                .extracting(UserSummary::username).contains("erin");
    }

    @Test
    void restart_overTheSameFile_losesNothing() throws Exception {
        TestClient bob = server.helloed();
        String token = server.login(bob, "bob").resumeToken();
        server.otherStore().setImEnabled(false).get(10, TimeUnit.SECONDS);
        DirectoryResult before = server.signedIn("alice").requestOk(new ClientMessage.Directory(2L),
                DirectoryResult.class);

        server.restart();

        TestClient alice = server.helloed();
        assertThat(server.login(alice, "alice").imEnabled()).isFalse();
        assertThat(alice.requestOk(new ClientMessage.Directory(3L), DirectoryResult.class)).isEqualTo(before);
        TestClient resumed = server.helloed();
        assertThat(resumed.requestOk(new ClientMessage.Resume(4L, token), LoginResult.class).user().username())
                .isEqualTo("bob");
        alice.requestOk(new ClientMessage.SubscribePresence(5L, List.of("bob")), Object.class);
    }

    @Test
    void passwordResetByTheCli_closesThatUsersLiveConnections_andNobodyElses() throws Exception {
        TestClient alice = server.signedIn("alice");
        TestClient bob = server.signedIn("bob");
        server.otherStore().setPasswordHash("bob", TestServer.HASHER.hash("new-secret".toCharArray()))
                .get(10, TimeUnit.SECONDS);

        ServerMessage.Error error = bob.awaitError();
        assertThat(error.code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(error.message()).contains("password was changed");
        bob.awaitClosed();
        assertThat(alice.request(new ClientMessage.Ping(alice.nextId()))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(alice.isClosed()).isFalse();
    }
}
