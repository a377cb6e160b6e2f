package org.beacon.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.client.it.ItRegion.ALICE;
import static org.beacon.client.it.ItRegion.BOB;
import static org.beacon.client.it.ItRegion.CAROL;
import static org.beacon.client.it.ModelClient.WAIT;
import static org.beacon.client.it.ModelClient.failure;
import static org.beacon.client.it.ModelClient.get;

import java.time.Duration;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.net.RequestFailedException;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.model.Rights;
import org.beacon.protocol.model.UserSummary;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.ResourceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Sign-in, directory, resource and presence through the library against the real server")
class SignInAndDirectoryTest {
    @TempDir
    Path dir;
    private LiveServer server;
    private final java.util.List<ModelClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void startServer() {
        server = LiveServer.start(dir);
    }

    @AfterEach
    void stop() {
        clients.forEach(ModelClient::close);
        server.close();
    }

    private ModelClient client(String username) {
        ModelClient client = ModelClient.headless(username, server.port());
        clients.add(client);
        return client;
    }

    @Test
    void login_withPassword_givesProfileZoneRightsAndImOn() throws Exception {
        ModelClient alice = client(ALICE);

        LoginResult login = alice.signIn();

        assertThat(login.user().username()).isEqualTo(ALICE);
        assertThat(login.user().rights()).containsExactly(Rights.INITIATE_IM);
        assertThat(login.imEnabled()).isTrue();
        assertThat(login.resumeToken()).isNotBlank();
        assertThat(alice.connection().state().isSignedIn()).isTrue();
        assertThat(alice.model().zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(alice.model().imEnabled()).isTrue();
        await().atMost(WAIT).until(() -> !alice.events(ModelEvent.SignedIn.class).isEmpty());
        assertThat(alice.events(ModelEvent.SignedIn.class).get(0).resumed()).isFalse();
    }

    @Test
    void login_usersInOtherZones_modelUsesEachProfileZone() throws Exception {
        ModelClient bob = client(BOB);
        ModelClient carol = client(CAROL);

        bob.signIn();
        carol.signIn();

        assertThat(bob.model().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(carol.model().zone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(bob.model().me().rights()).isEmpty();
    }

    @Test
    void login_wrongPassword_failsWithAuthFailed_andLeavesSignedOut() throws Exception {
        ModelClient alice = client(ALICE);

        Throwable error = failure(alice.connection().login(ALICE, "wrong"));

        assertThat(error).isInstanceOf(RequestFailedException.class);
        assertThat(((RequestFailedException) error).code()).isEqualTo(ErrorCode.AUTH_FAILED);
        assertThat(alice.connection().state().status()).isEqualTo(ConnectionState.Status.SIGNED_OUT);
        assertThat(alice.model().me()).isNull();
    }

    @Test
    void login_unknownUser_getsTheSameAnswerAsAWrongPassword() throws Exception {
        ModelClient ghost = client("ghost");

        Throwable error = failure(ghost.connection().login("ghost", "pw-ghost"));

        assertThat(error).isInstanceOf(RequestFailedException.class);
        assertThat(((RequestFailedException) error).code()).isEqualTo(ErrorCode.AUTH_FAILED);
    }

    @Test
    void login_afterAWrongPassword_succeedsOnTheSameConnection() throws Exception {
        ModelClient alice = client(ALICE);
        failure(alice.connection().login(ALICE, "wrong"));

        LoginResult login = alice.signIn();

        assertThat(login.user().username()).isEqualTo(ALICE);
    }

    @Test
    void directory_listsTheRegion() throws Exception {
        ModelClient alice = client(ALICE);
        alice.signIn();

        DirectoryResult directory = get(alice.connection().directory());

        assertThat(directory.organizations()).extracting(o -> o.organizationId())
                .containsExactlyInAnyOrder("county-ems", "st-mary");
        assertThat(directory.resources()).extracting(r -> r.resourceId())
                .containsExactlyInAnyOrder("station-1", "st-mary-er");
        assertThat(directory.users()).extracting(UserSummary::username)
                .containsExactlyInAnyOrder(ALICE, BOB, CAROL, ItRegion.DAVE);
    }

    @Test
    void resource_showsItsUsersWithWhoIsOnline() throws Exception {
        ModelClient alice = client(ALICE);
        alice.signIn();

        ResourceResult station = get(alice.connection().resource(ItRegion.STATION.id()));

        assertThat(station.resource().name()).isEqualTo("EMS Station 1");
        assertThat(station.users()).extracting(UserSummary::username, UserSummary::online)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ALICE, true),
                        org.assertj.core.groups.Tuple.tuple(CAROL, false));
    }

    @Test
    void resource_unknown_failsWithNotFound() throws Exception {
        ModelClient alice = client(ALICE);
        alice.signIn();

        Throwable error = failure(alice.connection().resource("no-such-place"));

        assertThat(((RequestFailedException) error).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void presence_followsSignInAndSignOutOfASubscribedUser() throws Exception {
        ModelClient alice = client(ALICE);
        alice.signIn();
        Map<String, Boolean> now = get(alice.model().subscribePresence(List.of(BOB, CAROL))).online();
        assertThat(now).containsEntry(BOB, false).containsEntry(CAROL, false);

        ModelClient bob = client(BOB);
        bob.signIn();
        await().atMost(WAIT).until(() -> alice.model().online(BOB).orElse(false));

        bob.logout();
        await().atMost(WAIT).until(() -> !alice.model().online(BOB).orElse(true));

        assertThat(alice.events(ModelEvent.PresenceChanged.class))
                .filteredOn(p -> p.username().equals(BOB))
                .extracting(ModelEvent.PresenceChanged::online)
                .containsExactly(false, true, false);
        assertThat(alice.model().online(CAROL)).contains(false);
    }

    @Test
    void passwordResetByAnAdministrator_signsTheDeskOut_insteadOfReconnecting() throws Exception {
        ModelClient bob = client(BOB);
        bob.signIn();
        server.resetPassword(BOB, "a-new-password");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> bob.connection().state().status() == ConnectionState.Status.SIGNED_OUT);
        assertThat(bob.connection().state().reason()).contains("password needed");
    }
}
