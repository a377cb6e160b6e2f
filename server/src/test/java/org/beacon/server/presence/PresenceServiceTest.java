package org.beacon.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.EncodedFrame;
import org.beacon.protocol.json.ProtocolJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {
    private final ProtocolJson json = new ProtocolJson();
    private final PresenceService presence = new PresenceService(json);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channels.add(channel);
        return channel;
    }

    @AfterEach
    void closeChannels() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** Events written to a channel, decoded. */
    private List<ServerMessage> received(EmbeddedChannel channel) {
        List<ServerMessage> out = new ArrayList<>();
        Object frame;
        while ((frame = channel.readOutbound()) != null) {
            out.add(json.readServer(((EncodedFrame) frame).json()));
        }
        return out;
    }

    @Test
    void firstSignIn_andLastSignOut_arePushedToWatchers_only() {
        EmbeddedChannel watcherChannel = channel();
        EmbeddedChannel bystander = channel();
        presence.watcher(watcherChannel).subscribe(List.of("bob"));
        presence.watcher(bystander).subscribe(List.of("carol"));
        EmbeddedChannel bob1 = channel();
        EmbeddedChannel bob2 = channel();

        presence.signedIn("bob", bob1);
        presence.signedIn("bob", bob2);
        presence.signedOut("bob", bob1);
        assertThat(presence.isOnline("bob")).isTrue();
        presence.signedOut("bob", bob2);

        assertThat(received(watcherChannel)).containsExactly(
                new ServerMessage.Presence("bob", true), new ServerMessage.Presence("bob", false));
        assertThat(received(bystander)).isEmpty();
        assertThat(presence.isOnline("bob")).isFalse();
    }

    @Test
    void subscribe_reportsCurrentState_andIgnoresRepeats() {
        EmbeddedChannel bob = channel();
        presence.signedIn("bob", bob);
        PresenceService.Watcher watcher = presence.watcher(channel());
        assertThat(watcher.subscribe(List.of("bob", "carol", "bob"))).isEqualTo(Map.of("bob", true, "carol", false));
        assertThat(watcher.subscribe(List.of("bob"))).isEqualTo(Map.of("bob", true));
        assertThat(watcher.size()).isEqualTo(2);
    }

    @Test
    void unsubscribe_andClose_forgetTheWatcher_andEmptyEntriesGo() {
        EmbeddedChannel watcherChannel = channel();
        PresenceService.Watcher watcher = presence.watcher(watcherChannel);
        watcher.subscribe(List.of("bob", "carol", "dave"));
        assertThat(presence.trackedUsers()).isEqualTo(3);
        watcher.unsubscribe(List.of("bob", "nobody"));
        assertThat(presence.trackedUsers()).isEqualTo(2);
        watcher.close();
        assertThat(presence.trackedUsers()).isZero();

        EmbeddedChannel carol = channel();
        presence.signedIn("carol", carol);
        assertThat(received(watcherChannel)).isEmpty();
        presence.signedOut("carol", carol);
        assertThat(presence.trackedUsers()).isZero();
    }

    @Test
    void registry_sendsToEveryConnectionOfAUser_andToEveryone() {
        EmbeddedChannel bob1 = channel();
        EmbeddedChannel bob2 = channel();
        EmbeddedChannel carol = channel();
        presence.signedIn("bob", bob1);
        presence.signedIn("bob", bob2);
        presence.signedIn("carol", carol);
        assertThat(presence.channelsOf("bob")).containsExactlyInAnyOrder(bob1, bob2);
        assertThat(presence.connectionCount()).isEqualTo(3);

        assertThat(presence.sendTo("bob", new ServerMessage.ImSwitched(false))).isEqualTo(2);
        assertThat(presence.sendTo("nobody", new ServerMessage.ImSwitched(false))).isZero();
        assertThat(received(bob1)).containsExactly(new ServerMessage.ImSwitched(false));
        assertThat(received(bob2)).containsExactly(new ServerMessage.ImSwitched(false));
        assertThat(received(carol)).isEmpty();

        assertThat(presence.sendToAll(new ServerMessage.ImSwitched(true))).isEqualTo(3);
        assertThat(received(carol)).containsExactly(new ServerMessage.ImSwitched(true));
    }

    @Test
    void signOut_ofAConnectionNeverSignedIn_changesNothing() {
        presence.signedIn("bob", channel());
        presence.signedOut("bob", channel());
        assertThat(presence.isOnline("bob")).isTrue();
        assertThat(presence.connectionCount()).isEqualTo(1);
    }
}
