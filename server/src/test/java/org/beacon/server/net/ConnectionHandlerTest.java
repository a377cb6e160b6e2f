package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.auth.Authenticator;
import org.beacon.server.auth.LoginThrottle;
import org.beacon.server.auth.ResumeTokens;
import org.beacon.server.presence.PresenceService;
import org.beacon.server.region.RegionState;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestRegion;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state machine and error mapping on an {@link EmbeddedChannel}: bytes in, frames out. */
class ConnectionHandlerTest {
    @TempDir
    Path dir;
    SqliteStore store;
    EmbeddedChannel channel;
    final ProtocolJson json = new ProtocolJson();

    /**
     * Password checks wait here until {@link #awaitSignedIn()} runs them on the test thread, so a test decides
     * when a sign-in can finish instead of racing a pool thread.
     */
    private final Queue<Runnable> heldPasswordChecks = new ConcurrentLinkedQueue<>();

    /** Session requests go here; tests that send one replace it. */
    private ImRequests im = (caller, request) -> {
        throw new AssertionError("unexpected session request " + request);
    };

    @BeforeEach
    void setUp() throws Exception {
        store = SqliteStore.open(dir.resolve("r.db"), OpenMode.CREATE_NEW, Clock.systemUTC());
        store.importDirectory(TestRegion.organizations(), TestRegion.resources(), List.of(TestServer.user("alice",
                Set.of(), TestRegion.EMS.id(), TestRegion.STATION.id()))).get(10, TimeUnit.SECONDS);
        store.setImEnabled(true).get(10, TimeUnit.SECONDS);
        RegionState region = new RegionState(store, (a, b) -> { });
        region.reload().get(10, TimeUnit.SECONDS);
        PresenceService presence = new PresenceService(json);
        Authenticator auth = new Authenticator(TestServer.HASHER, heldPasswordChecks::add,
                new LoginThrottle(LoginThrottle.Settings.defaults(), Clock.systemUTC()),
                new ResumeTokens(new SecureRandom()), store, () -> region.current().directory(), Clock.systemUTC(),
                Duration.ofDays(7));
        NetServices services = new NetServices("beacon-server/test", 1_024, 30, Duration.ofSeconds(90), 50, 200,
                Clock.systemUTC(), json, region, auth, presence, (caller, request) -> im.handle(caller, request), store,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), "embedded");
        channel = new EmbeddedChannel(new BeaconChannelInitializer(services));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        store.close();
    }

    private ServerMessage exchange(ClientMessage request) {
        writeFrame(request);
        return readOne();
    }

    private void writeFrame(ClientMessage request) {
        channel.writeInbound(frame(request));
    }

    /** The request as it comes off the wire: length prefix, then the JSON body. */
    private ByteBuf frame(ClientMessage request) {
        byte[] body = json.write(request);
        return Unpooled.buffer().writeInt(body.length).writeBytes(body);
    }

    private void awaitSignedIn() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Runnable check;
            while ((check = heldPasswordChecks.poll()) != null) {
                check.run();
            }
            channel.runPendingTasks();
            return handler().state() == ConnectionHandler.State.SIGNED_IN;
        });
    }

    private ServerMessage readOne() {
        channel.runPendingTasks(); // flushes outside a read are consolidated into a task of the loop
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("a frame was written").isNotNull();
        try {
            byte[] body = new byte[out.readInt()];
            out.readBytes(body);
            return json.readServer(body);
        } finally {
            out.release();
        }
    }

    private ConnectionHandler handler() {
        return channel.pipeline().get(ConnectionHandler.class);
    }

    @Test
    void states_helloThenLogin() {
        assertThat(handler().state()).isEqualTo(ConnectionHandler.State.AWAITING_HELLO);
        assertThat(exchange(new ClientMessage.Ping(1L)))
                .isEqualTo(new ServerMessage.Error(1L, ErrorCode.AUTH_REQUIRED, "Send hello first."));
        assertThat(exchange(new ClientMessage.Hello(2L, 1, "t"))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(handler().state()).isEqualTo(ConnectionHandler.State.AWAITING_LOGIN);
        assertThat(exchange(new ClientMessage.Directory(3L)))
                .isEqualTo(new ServerMessage.Error(3L, ErrorCode.AUTH_REQUIRED, "Sign in first."));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void sessionReply_completedAtOnce_doesNotOvertakeEventsAlreadyQueuedForTheChannel() throws Exception {
        exchange(new ClientMessage.Hello(1L, 1, "t"));
        writeFrame(new ClientMessage.Login(2L, "alice", "pw-alice"));
        awaitSignedIn();
        assertThat(readOne()).isInstanceOf(ServerMessage.Ok.class);
        ServerMessage.Message earlier = new ServerMessage.Message("s-1", 7, "bob", "earlier", Instant.EPOCH, "b-7");
        im = (caller, request) -> {
            // As the store's writer thread does: the push is queued on the channel's loop ...
            caller.channel().eventLoop().execute(() -> caller.channel().writeAndFlush(earlier));
            // ... and the reply to a later send is already complete when the handler sees it.
            return CompletableFuture.completedFuture(json.ok(request.id(), null));
        };

        writeFrame(new ClientMessage.Send(3L, "s-1", "a-8", "later"));
        channel.runPendingTasks();

        assertThat(readOne()).isEqualTo(earlier);
        assertThat(readOne()).isInstanceOf(ServerMessage.Ok.class);
    }

    @Test
    void signIn_withNothingElseSent_neverPausesReading() throws Exception {
        exchange(new ClientMessage.Hello(1L, 1, "t"));
        writeFrame(new ClientMessage.Login(2L, "alice", "pw-alice"));
        assertThat(channel.config().isAutoRead()).isTrue();
        awaitSignedIn();
        assertThat(readOne()).isInstanceOf(ServerMessage.Ok.class);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void requestDuringSignIn_pausesReading_untilTheSignInIsDone_thenIsAnsweredInOrder() throws Exception {
        exchange(new ClientMessage.Hello(1L, 1, "t"));
        // Both in one read, as a client that pipelines them sends them.
        channel.writeInbound(frame(new ClientMessage.Login(2L, "alice", "pw-alice"))
                .writeBytes(frame(new ClientMessage.Ping(3L))));
        assertThat(channel.config().isAutoRead()).as("paused while the ping waits").isFalse();
        awaitSignedIn();
        assertThat(readOne()).isInstanceOfSatisfying(ServerMessage.Ok.class, ok -> assertThat(ok.id()).isEqualTo(2L));
        assertThat(readOne()).isInstanceOfSatisfying(ServerMessage.Ok.class, ok -> assertThat(ok.id()).isEqualTo(3L));
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void oversizedLength_answersTooLarge_andCloses() {
        ConnectionHandler handler = handler();
        channel.writeInbound(Unpooled.buffer().writeInt(1_025));
        ServerMessage.Error error = (ServerMessage.Error) readOne();
        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(error.id()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(handler.state()).isEqualTo(ConnectionHandler.State.CLOSING);
    }

    @Test
    void unexpectedException_answersInternal_withoutDetails_andCloses() {
        channel.pipeline().fireExceptionCaught(new IllegalStateException("secret detail"));
        ServerMessage.Error error = (ServerMessage.Error) readOne();
        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(error.message()).doesNotContain("secret");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void framesAfterAFatalError_areIgnored() {
        byte[] bad = "{\"type\":\"nope\"}".getBytes();
        channel.writeInbound(Unpooled.buffer().writeInt(bad.length).writeBytes(bad)
                .writeBytes(frame(new ClientMessage.Ping(5L))));
        assertThat(((ServerMessage.Error) readOne()).code()).isEqualTo(ErrorCode.BAD_FRAME);
        Object next = channel.readOutbound();
        assertThat(next).isNull();
    }
}
