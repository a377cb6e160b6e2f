package org.beacon.client.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.FrameDecoder;
import org.beacon.protocol.codec.FrameEncoder;
import org.beacon.protocol.codec.JsonMessageDecoder;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;
import org.beacon.protocol.model.UserProfile;
import org.beacon.protocol.reply.HelloResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.protocol.reply.SessionsResult;

/**
 * A scripted Beacon server on a real loopback socket, speaking the real frame codec. By default it
 * answers like a well-behaved server: hello, login (password {@code demo}), resume (tokens it
 * issued and not revoked), ping, sessions (none), ack, send (stored once per client_msg_id with
 * per-session seqs), everything else {@code ok}. A test replaces any answer with
 * {@link #on(Class, BiConsumer)}, pushes events through a {@link Peer}, and drops connections
 * with {@link Peer#kill()}. Every request is recorded in {@link #requests()}.
 */
public final class FakeServer implements AutoCloseable {

    /** A request and the connection it came on. */
    public record Request(Peer peer, ClientMessage message) {
    }

    /** One client connection as the server sees it. */
    public final class Peer {
        private final Channel channel;
        private volatile String username;

        Peer(Channel channel) {
            this.channel = channel;
        }

        /**
         * Writes a frame. Called from a test thread, it returns once the frame is on the socket:
         * a write handed to the event loop could otherwise go out after a reply the loop writes
         * directly, and "ping, then check" would no longer prove the pushes arrived.
         */
        public void send(ServerMessage message) {
            var write = channel.writeAndFlush(message);
            if (!channel.eventLoop().inEventLoop()) {
                write.awaitUninterruptibly(Recorder.DEADLINE.toMillis());
            }
        }

        public void ok(ClientMessage request, Object result) {
            send(json.ok(request.id(), result));
        }

        public void error(ClientMessage request, ErrorCode code, String message) {
            send(new ServerMessage.Error(request.id(), code, message));
        }

        /** Drops the connection at once, without a reply to anything pending. */
        public void kill() {
            channel.close();
        }

        public boolean isOpen() {
            return channel.isOpen();
        }

        public String username() {
            return username;
        }
    }

    private final ProtocolJson json = new ProtocolJson();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Recorder<Request> requests = new Recorder<>();
    private final Recorder<Peer> peers = new Recorder<>();
    private final Map<Class<?>, BiConsumer<Peer, ClientMessage>> script = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final Map<String, SendResult> stored = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();
    private volatile int heartbeatSeconds = 30;
    private final Channel serverChannel;

    private FakeServer() throws InterruptedException {
        FrameEncoder encoder = new FrameEncoder(json);
        JsonMessageDecoder<ClientMessage> decoder = JsonMessageDecoder.forRequests(json);
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Peer peer = new Peer(channel);
                        channel.pipeline()
                                .addLast(new FrameDecoder(64 * 1024))
                                .addLast(decoder)
                                .addLast(encoder)
                                .addLast(new SimpleChannelInboundHandler<ClientMessage>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        peers.add(peer);
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
                                        requests.add(new Request(peer, message));
                                        answer(peer, message);
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    public static FakeServer start() throws InterruptedException {
        return new FakeServer();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public ProtocolJson json() {
        return json;
    }

    public Recorder<Request> requests() {
        return requests;
    }

    public Recorder<Peer> peers() {
        return peers;
    }

    /** The latest connection, waiting for one to exist. */
    public Peer latestPeer() {
        peers.await(peer -> true);
        List<Peer> all = peers.all();
        return all.get(all.size() - 1);
    }

    /** Replaces the answer to requests of this type. Runs on the server's event loop. */
    @SuppressWarnings("unchecked")
    public <T extends ClientMessage> void on(Class<T> type, BiConsumer<Peer, T> answer) {
        script.put(type, (peer, message) -> answer.accept(peer, (T) message));
    }

    public void heartbeatSeconds(int seconds) {
        heartbeatSeconds = seconds;
    }

    /** Makes every resume token issued so far invalid. */
    public void revokeTokens() {
        tokens.clear();
    }

    /** Waits for a request of this type matching the test. */
    public <T extends ClientMessage> T awaitRequest(Class<T> type, java.util.function.Predicate<T> match) {
        return type.cast(requests.await(request -> type.isInstance(request.message())
                && match.test(type.cast(request.message()))).message());
    }

    public <T extends ClientMessage> List<T> requestsOf(Class<T> type) {
        return requests.all().stream().map(Request::message).filter(type::isInstance).map(type::cast).toList();
    }

    public static UserProfile profile(String username) {
        return new UserProfile(username, username.toUpperCase(), "org-1", "IMX EMS", "America/Chicago",
                List.of("initiate_im"), List.of());
    }

    public static SessionInfo session(String sessionId, String... participants) {
        return new SessionInfo(sessionId, SessionKind.CONFERENCE, "Incident " + sessionId, participants[0],
                List.of(participants), Instant.parse("2026-11-24T17:00:00Z"), true, null, null);
    }

    public static ServerMessage.Message message(String sessionId, long seq, String sender) {
        return new ServerMessage.Message(sessionId, seq, sender, "message " + seq,
                Instant.parse("2026-11-24T18:00:00Z").plusSeconds(seq), "cm-" + sessionId + "-" + seq);
    }

    private void answer(Peer peer, ClientMessage message) {
        BiConsumer<Peer, ClientMessage> scripted = script.get(message.getClass());
        if (scripted != null) {
            scripted.accept(peer, message);
            return;
        }
        if (message instanceof ClientMessage.Hello hello) {
            peer.ok(hello, new HelloResult(1, "fake-server/1", 64 * 1024, heartbeatSeconds));
        } else if (message instanceof ClientMessage.Login login) {
            if ("demo".equals(login.password())) {
                signIn(peer, login, login.username());
            } else {
                peer.error(login, ErrorCode.AUTH_FAILED, "wrong username or password");
            }
        } else if (message instanceof ClientMessage.Resume resume) {
            String username = tokens.get(resume.token());
            if (username == null) {
                peer.error(resume, ErrorCode.AUTH_FAILED, "resume token expired");
            } else {
                signIn(peer, resume, username);
            }
        } else if (message instanceof ClientMessage.Ping ping) {
            peer.ok(ping, new PingResult(Instant.now()));
        } else if (message instanceof ClientMessage.Sessions sessions) {
            peer.ok(sessions, new SessionsResult(List.of()));
        } else if (message instanceof ClientMessage.Send send) {
            peer.ok(send, store(send));
        } else if (message instanceof ClientMessage.Logout logout) {
            peer.ok(logout, null);
            peer.kill();
        } else {
            peer.ok(message, null);
        }
    }

    private void signIn(Peer peer, ClientMessage request, String username) {
        String token = "token-" + tokenCounter.incrementAndGet();
        tokens.put(token, username);
        peer.username = username;
        peer.ok(request, new LoginResult(profile(username), true, token));
    }

    /** Stores a send once per client_msg_id, as the real server must. */
    public synchronized SendResult store(ClientMessage.Send send) {
        SendResult earlier = stored.get(send.clientMsgId());
        if (earlier != null) {
            return new SendResult(earlier.seq(), earlier.sentAt(), true);
        }
        long seq = seqs.merge(send.sessionId(), 1L, Long::sum);
        SendResult result = new SendResult(seq, Instant.parse("2026-11-24T18:00:00Z").plusSeconds(seq), false);
        stored.put(send.clientMsgId(), result);
        return result;
    }

    @Override
    public void close() {
        serverChannel.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
