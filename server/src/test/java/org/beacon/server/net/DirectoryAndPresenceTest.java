package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.UserSummary;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.PresenceResult;
import org.beacon.protocol.reply.ResourceResult;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAndPresenceTest {
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

    @Nested
    @DisplayName("directory")
    class Directory {
        @Test
        void listsOrganizationsResourcesAndUsers_withoutOnline() throws Exception {
            TestClient client = server.signedIn("alice");
            DirectoryResult result = client.requestOk(new ClientMessage.Directory(3L), DirectoryResult.class);
            assertThat(result.organizations()).extracting(o -> o.name())
                    .containsExactly("County EMS", "St. Mary Hospital");
            assertThat(result.resources()).extracting(r -> r.resourceId() + "/" + r.organizationName())
                    .containsExactly("station-1/County EMS", "st-mary-er/St. Mary Hospital");
            assertThat(result.users()).extracting(UserSummary::username)
                    .containsExactlyInAnyOrder("alice", "bob", "carol", "dave", "nopass");
            assertThat(result.users()).allSatisfy(u -> assertThat(u.online()).isNull());
        }

        @Test
        void resource_listsItsUsersWithOnlineFlags() throws Exception {
            TestClient alice = server.signedIn("alice");
            server.signedIn("carol");
            ResourceResult result = alice.requestOk(new ClientMessage.Resource(4L, "station-1"), ResourceResult.class);
            assertThat(result.resource().name()).isEqualTo("EMS Station 1");
            assertThat(result.resource().organizationName()).isEqualTo("County EMS");
            assertThat(result.users()).extracting(u -> u.username() + "=" + u.online())
                    .containsExactlyInAnyOrder("alice=true", "bob=false", "carol=true", "nopass=false");
        }

        @Test
        void resource_unknown_failsNotFound() throws Exception {
            server.signedIn("alice").requestError(new ClientMessage.Resource(4L, "nowhere"), ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("presence")
    class Presence {
        @Test
        void subscribe_repliesCurrentState_ofKnownUsersOnly() throws Exception {
            TestClient alice = server.signedIn("alice");
            server.signedIn("bob");
            PresenceResult result = alice.requestOk(
                    new ClientMessage.SubscribePresence(5L, List.of("bob", "carol", "ghost")), PresenceResult.class);
            assertThat(result.online()).isEqualTo(Map.of("bob", true, "carol", false));
        }

        @Test
        void signInAndOut_pushedToSubscribers_notToOthers() throws Exception {
            TestClient alice = server.signedIn("alice");
            TestClient carol = server.signedIn("carol");
            alice.requestOk(new ClientMessage.SubscribePresence(5L, List.of("bob")), PresenceResult.class);
            carol.requestOk(new ClientMessage.SubscribePresence(5L, List.of("dave")), PresenceResult.class);

            TestClient bob = server.signedIn("bob");
            assertThat(alice.awaitEvent(ServerMessage.Presence.class))
                    .isEqualTo(new ServerMessage.Presence("bob", true));
            bob.close();
            assertThat(alice.awaitEvent(ServerMessage.Presence.class))
                    .isEqualTo(new ServerMessage.Presence("bob", false));
            carol.assertNoEvent(ServerMessage.Presence.class, TestServer.quiet());
        }

        @Test
        void secondConnection_ofAnOnlineUser_pushesNothing_untilTheLastCloses() throws Exception {
            TestClient alice = server.signedIn("alice");
            alice.requestOk(new ClientMessage.SubscribePresence(5L, List.of("bob")), PresenceResult.class);
            TestClient bob1 = server.signedIn("bob");
            assertThat(alice.awaitEvent(ServerMessage.Presence.class).online()).isTrue();
            TestClient bob2 = server.signedIn("bob");
            bob1.close();
            alice.assertNoEvent(ServerMessage.Presence.class, TestServer.quiet());
            bob2.close();
            assertThat(alice.awaitEvent(ServerMessage.Presence.class).online()).isFalse();
        }

        @Test
        void unsubscribe_stopsPushes() throws Exception {
            TestClient alice = server.signedIn("alice");
            alice.requestOk(new ClientMessage.SubscribePresence(5L, List.of("bob")), PresenceResult.class);
            alice.requestOk(new ClientMessage.UnsubscribePresence(6L, List.of("bob")), Object.class);
            server.signedIn("bob");
            alice.assertNoEvent(ServerMessage.Presence.class, TestServer.quiet());
        }
    }
}
