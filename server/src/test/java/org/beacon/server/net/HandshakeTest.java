package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.nio.file.Path;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.HelloResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.protocol.reply.StatsResult;
import org.beacon.server.BeaconServer;
import org.beacon.server.ServerConfig;
import org.beacon.server.ServerTransport;
import org.beacon.server.testing.TestClient;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandshakeTest {
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
    void hello_version1_repliesWithServerLimits() throws Exception {
        TestClient client = server.connect();
        HelloResult hello = client.requestOk(new ClientMessage.Hello(1L, 1, "test/1"), HelloResult.class);
        assertThat(hello.version()).isEqualTo(1);
        assertThat(hello.server()).startsWith("beacon-server/");
        assertThat(hello.maxFrame()).isEqualTo(Protocol.DEFAULT_MAX_FRAME);
        assertThat(hello.heartbeatSeconds()).isEqualTo(30);
    }

    @Test
    void acceptedConnections_sendSmallFramesAtOnce() throws Exception {
        server.signedIn("alice");

        // Nagle's algorithm would hold a small event back until the previous one is acked. The
        // server sets no option for it: Netty turns TCP_NODELAY on for each socket it accepts.
        Channel serverSide = server.server().connections().channelsOf("alice").get(0);
        assertThat(serverSide.config().getOption(ChannelOption.TCP_NODELAY)).isTrue();
    }

    @Test
    void hello_otherVersion_failsUnsupportedAndCloses() throws Exception {
        TestClient client = server.connect();
        client.requestError(new ClientMessage.Hello(1L, 2, "future/9"), ErrorCode.UNSUPPORTED_VERSION);
        client.awaitClosed();
    }

    @Test
    void requestBeforeHello_failsAuthRequired_connectionStaysOpen() throws Exception {
        TestClient client = server.connect();
        client.requestError(new ClientMessage.Login(5L, "alice", "pw-alice"), ErrorCode.AUTH_REQUIRED);
        client.requestError(new ClientMessage.Ping(6L), ErrorCode.AUTH_REQUIRED);
        assertThat(client.hello()).isInstanceOf(ServerMessage.Ok.class);
    }

    @Test
    void requestBeforeLogin_failsAuthRequired_butPingWorks() throws Exception {
        TestClient client = server.helloed();
        client.requestError(new ClientMessage.Directory(2L), ErrorCode.AUTH_REQUIRED);
        client.requestError(new ClientMessage.Stats(3L), ErrorCode.AUTH_REQUIRED);
        client.requestError(new ClientMessage.StartPrivate(4L, "bob"), ErrorCode.AUTH_REQUIRED);
        client.requestError(new ClientMessage.Logout(5L), ErrorCode.AUTH_REQUIRED);
        assertThat(client.requestOk(new ClientMessage.Ping(6L), PingResult.class).serverTime()).isNotNull();
    }

    @Test
    void secondHello_failsBadRequest_connectionStaysOpen() throws Exception {
        TestClient client = server.helloed();
        client.requestError(new ClientMessage.Hello(9L, 1, "again"), ErrorCode.BAD_REQUEST);
        client.requestOk(new ClientMessage.Ping(10L), PingResult.class);
    }

    @Test
    void stats_afterSignIn_reportsConnectionsAndProcess() throws Exception {
        TestClient alice = server.signedIn("alice");
        server.helloed();
        StatsResult stats = alice.requestOk(new ClientMessage.Stats(7L), StatsResult.class);
        assertThat(stats.connections()).isEqualTo(2);
        assertThat(stats.signedIn()).isEqualTo(1);
        assertThat(stats.cpuSeconds()).isPositive();
        assertThat(stats.heapUsedBytes()).isPositive();
        assertThat(stats.messagesStored()).isZero();
        assertThat(stats.transport()).isIn("io_uring", "epoll", "nio");
    }

    @Test
    void start_onABusyPort_failsAndUndoesItself() throws Exception {
        BeaconServer second = new BeaconServer(ServerConfig.defaults().withBindAddress("127.0.0.1")
                .withPort(server.server().port()), server.otherStore(), TestServer.HASHER);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Address already in use");
        second.close();
        assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
        // With one accept queue per loop (SO_REUSEPORT) the second server could bind; it must
        // not have taken any of the port's connections with it.
        assertThat(server.helloed()).isNotNull();
        if (PortListeners.available()) {
            assertThat(PortListeners.listening(server.server().port())).hasSize(server.server().acceptQueues());
        }
    }

    @Test
    void start_listensWithOneAcceptQueuePerEventLoop() throws Exception {
        assumeTrue(PortListeners.available(), "the host does not list its sockets");

        BeaconServer wide = new BeaconServer(ServerConfig.defaults().withBindAddress("127.0.0.1").withPort(0)
                .withIoThreads(3), server.otherStore(), TestServer.HASHER);
        try {
            wide.start();
            assertThat(PortListeners.listening(wide.port())).hasSize(3);
            assertThat(wide.acceptQueues()).isEqualTo(3);
        } finally {
            wide.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerTransport.class)
    void everyTransport_serves(ServerTransport transport, @TempDir Path other) throws Exception {
        TestServer served;
        try {
            served = TestServer.start(other, c -> c.withTransport(transport));
        } catch (IllegalStateException e) {
            // io_uring or epoll asked for by name on a machine without it: the start says so.
            assertThat(e).hasStackTraceContaining("transport is not available on this machine");
            assumeTrue(false, e.getMessage());
            return;
        }
        try (served) {
            TestClient bob = served.signedIn("bob");
            TestClient alice = served.signedIn("alice");
            assertThat(bob.requestOk(new ClientMessage.Ping(3L), PingResult.class).serverTime()).isNotNull();
            assertThat(alice.requestOk(new ClientMessage.Ping(4L), PingResult.class).serverTime()).isNotNull();
        }
    }
}
