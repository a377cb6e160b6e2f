package org.beacon.client.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.FrameDecoder;
import org.beacon.protocol.codec.FrameEncoder;
import org.beacon.protocol.codec.JsonMessageDecoder;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.HelloResult;
import org.beacon.protocol.reply.HistoryResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.protocol.reply.PresenceResult;
import org.beacon.protocol.reply.ResourceResult;
import org.beacon.protocol.reply.SendResult;
import org.beacon.protocol.reply.SessionResult;
import org.beacon.protocol.reply.SessionsResult;
import org.beacon.protocol.reply.StatsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in connection to a Beacon server that survives drops.
 *
 * <p>{@link #login} (or {@link #resume} with a saved token) connects, says {@code hello} and signs
 * in. Requests are futures ({@link #request} and the typed helpers); events go to
 * {@link ConnectionListener}s. While signed in it pings every {@code heartbeat_seconds} and treats
 * two silent intervals as a drop. After an unexpected drop it reconnects with {@link Backoff},
 * says hello again and resumes with the token; a refused token leaves it
 * {@link ConnectionState.Status#SIGNED_OUT} (password needed). {@link #logout} and {@link #close}
 * never reconnect.
 *
 * <p>Every connection is pinned to one event loop of its {@link ClientTransport}; its state,
 * listener calls and future completions all happen there. Never block in a callback.
 */
public final class Connection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final String HANDLER = "beacon";

    private final String host;
    private final int port;
    private final String clientName;
    private final InetSocketAddress localAddress;
    private final ClientTransport transport;
    private final boolean ownsTransport;
    private final EventLoop loop;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration requestTimeout;
    private final Duration heartbeatOverride;
    private final ProtocolJson json;
    private final Bootstrap bootstrap;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Outbox outbox;
    private final AckCoalescer acks;

    // Confined to the loop (volatile where other threads read them).
    private Link link;
    private volatile ConnectionState state = ConnectionState.offline(null);
    private volatile LoginResult signedInAs;
    private volatile HelloResult hello;
    private String token;
    private Scheduler.Cancellable reconnectTimer;
    /** Bumped by every sign-in, logout and close so that callbacks of an abandoned attempt do nothing. */
    private long generation;

    private Connection(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.clientName = builder.clientName;
        this.localAddress = builder.localAddress;
        this.ownsTransport = builder.transport == null;
        this.transport = ownsTransport ? ClientTransport.create(1) : builder.transport;
        this.loop = transport.group().next();
        this.scheduler = builder.scheduler != null ? builder.scheduler : Scheduler.of(loop);
        this.clock = builder.clock;
        this.backoff = builder.backoff;
        this.requestTimeout = builder.requestTimeout;
        this.heartbeatOverride = builder.heartbeat;
        this.json = builder.json;
        this.outbox = new Outbox(this, scheduler, clock, builder.retryDelay);
        this.acks = new AckCoalescer(this, scheduler, builder.ackDelay, builder.retryDelay);
        FrameEncoder encoder = new FrameEncoder(json);
        JsonMessageDecoder<ServerMessage> decoder = JsonMessageDecoder.forServerMessages(json);
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(transport.channelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) builder.connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Link created = new Link(channel, scheduler, requestTimeout);
                        channel.pipeline()
                                .addLast("frame", new FrameDecoder(Protocol.MAX_SERVER_FRAME))
                                .addLast("json", decoder)
                                .addLast("encoder", encoder)
                                .addLast(HANDLER, new ConnectionHandler(created, Connection.this));
                    }
                });
    }

    /** A builder for a connection to {@code host:port}. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Connects (if needed), says hello and signs in with the password. The password is not kept. */
    public CompletableFuture<LoginResult> login(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        return signIn(id -> new ClientMessage.Login(id, username, password));
    }

    /** Connects (if needed), says hello and signs in with a resume token from an earlier login. */
    public CompletableFuture<LoginResult> resume(String token) {
        Objects.requireNonNull(token, "token");
        return signIn(id -> new ClientMessage.Resume(id, token));
    }

    /** Signs out (the server revokes the token) and closes the connection; no reconnect. */
    public CompletableFuture<Void> logout() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            generation++;
            cancelReconnect();
            token = null;
            acks.clear();
            Link current = link;
            setState(ConnectionState.signedOut("signed out"));
            if (current == null) {
                done.complete(null);
                return;
            }
            current.send(id -> new ClientMessage.Logout(id)).whenComplete((ok, error) -> {
                current.close();
                done.complete(null);
            });
        });
        return done;
    }

    /** Closes the connection for good (no reconnect) and an owned transport. Does not wait. */
    @Override
    public void close() {
        onLoop(() -> {
            generation++;
            cancelReconnect();
            token = null;
            acks.clear();
            closeLink();
            setState(ConnectionState.offline("closed"));
            if (ownsTransport) {
                transport.close();
            }
        });
    }

    public ConnectionState state() {
        return state;
    }

    /** The last login or resume reply, or {@code null} before the first. */
    public LoginResult signedInAs() {
        return signedInAs;
    }

    /** The server's hello reply on the current connection, or {@code null}. */
    public HelloResult serverHello() {
        return hello;
    }

    public void addListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /** Messages typed and not yet stored by the server. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * "Everything up to {@code seq} in this session was shown": coalesced with other calls and sent
     * as one {@code ack} with the highest seq per session after a short delay; resent after a resume.
     */
    public void ackUpTo(String sessionId, long seq) {
        Objects.requireNonNull(sessionId, "sessionId");
        onLoop(() -> acks.ackUpTo(sessionId, seq));
    }

    // ---------------------------------------------------------------- requests

    /**
     * Sends a request built with the id this connection assigns, e.g. {@code id -> new
     * ClientMessage.Ping(id)}. Fails with {@link RequestFailedException} on an {@code error} reply,
     * {@link ConnectionLostException} when not signed in or on a drop before the reply, and
     * {@link RequestTimeoutException} after the request timeout. Completes on the event loop.
     */
    public CompletableFuture<ServerMessage.Ok> request(LongFunction<? extends ClientMessage> builder) {
        Objects.requireNonNull(builder, "builder");
        if (loop.inEventLoop()) {
            return sendSignedIn(builder);
        }
        CompletableFuture<ServerMessage.Ok> reply = new CompletableFuture<>();
        onLoop(() -> sendSignedIn(builder).whenComplete((ok, error) -> {
            if (error == null) {
                reply.complete(ok);
            } else {
                reply.completeExceptionally(unwrap(error));
            }
        }));
        return reply;
    }

    /** {@link #request} with the {@code ok} reply read as {@code type}. */
    public <T> CompletableFuture<T> request(LongFunction<? extends ClientMessage> builder, Class<T> type) {
        return request(builder).thenApply(ok -> json.result(ok, type));
    }

    public CompletableFuture<DirectoryResult> directory() {
        return request(id -> new ClientMessage.Directory(id), DirectoryResult.class);
    }

    public CompletableFuture<ResourceResult> resource(String resourceId) {
        return request(id -> new ClientMessage.Resource(id, resourceId), ResourceResult.class);
    }

    public CompletableFuture<PresenceResult> subscribePresence(List<String> usernames) {
        return request(id -> new ClientMessage.SubscribePresence(id, usernames), PresenceResult.class);
    }

    public CompletableFuture<Void> unsubscribePresence(List<String> usernames) {
        return request(id -> new ClientMessage.UnsubscribePresence(id, usernames)).thenApply(ok -> null);
    }

    public CompletableFuture<SessionResult> startPrivate(String with) {
        return request(id -> new ClientMessage.StartPrivate(id, with), SessionResult.class);
    }

    public CompletableFuture<SessionResult> startConference(List<String> participants, String title, String resourceId) {
        return request(id -> new ClientMessage.StartConference(id, participants, title, resourceId), SessionResult.class);
    }

    public CompletableFuture<SessionResult> invite(String sessionId, List<String> usernames) {
        return request(id -> new ClientMessage.Invite(id, sessionId, usernames), SessionResult.class);
    }

    /**
     * One raw {@code send}. Views and tools should use {@link #outbox()}{@code .submit(...)},
     * which keeps the message until it is stored and resends it after a drop.
     */
    public CompletableFuture<SendResult> send(String sessionId, String clientMsgId, String text) {
        return request(id -> new ClientMessage.Send(id, sessionId, clientMsgId, text), SendResult.class);
    }

    /** One raw {@code ack}, sent now; see {@link #ackUpTo} for the coalesced form. */
    public CompletableFuture<Void> ack(String sessionId, long seq) {
        return request(id -> new ClientMessage.Ack(id, sessionId, seq)).thenApply(ok -> null);
    }

    /** Up to {@code limit} messages before {@code beforeSeq} ({@code null}: the latest), oldest first. */
    public CompletableFuture<HistoryResult> history(String sessionId, Long beforeSeq, int limit) {
        return request(id -> new ClientMessage.History(id, sessionId, beforeSeq, limit), HistoryResult.class);
    }

    public CompletableFuture<SessionsResult> sessions() {
        return request(id -> new ClientMessage.Sessions(id), SessionsResult.class);
    }

    public CompletableFuture<Void> leave(String sessionId) {
        return request(id -> new ClientMessage.Leave(id, sessionId)).thenApply(ok -> null);
    }

    public CompletableFuture<Void> end(String sessionId) {
        return request(id -> new ClientMessage.End(id, sessionId)).thenApply(ok -> null);
    }

    public CompletableFuture<PingResult> ping() {
        return request(id -> new ClientMessage.Ping(id), PingResult.class);
    }

    public CompletableFuture<StatsResult> stats() {
        return request(id -> new ClientMessage.Stats(id), StatsResult.class);
    }

    // ---------------------------------------------------------------- internals (event loop)

    /** Runs the task on this connection's event loop (now, if already there). */
    void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("event loop shut down; dropped a task of connection {}:{}", host, port);
        }
    }

    /** The cause inside the wrappers a {@code CompletableFuture} stage adds. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * An {@code ack} written to the socket but not flushed: the acks of one {@link AckCoalescer}
     * round leave together at {@link #flushWrites()}, in one socket write instead of one each.
     */
    CompletableFuture<ServerMessage.Ok> writeAck(String sessionId, long seq) {
        assert loop.inEventLoop();
        return sendSignedIn(id -> new ClientMessage.Ack(id, sessionId, seq), false);
    }

    /** Sends what {@link #writeAck} queued. Event loop only. */
    void flushWrites() {
        assert loop.inEventLoop();
        if (link != null) {
            link.channel().flush();
        }
    }

    private CompletableFuture<ServerMessage.Ok> sendSignedIn(LongFunction<? extends ClientMessage> builder) {
        return sendSignedIn(builder, true);
    }

    private CompletableFuture<ServerMessage.Ok> sendSignedIn(LongFunction<? extends ClientMessage> builder, boolean flush) {
        if (!state.isSignedIn() || link == null) {
            return CompletableFuture.failedFuture(new ConnectionLostException("not signed in (" + state.status() + ")"));
        }
        return link.send(builder, flush);
    }

    private CompletableFuture<LoginResult> signIn(LongFunction<ClientMessage> authenticate) {
        CompletableFuture<LoginResult> result = new CompletableFuture<>();
        onLoop(() -> {
            ConnectionState.Status status = state.status();
            if (status == ConnectionState.Status.CONNECTING || status == ConnectionState.Status.SIGNED_IN) {
                result.completeExceptionally(new IllegalStateException("already " + status));
                return;
            }
            cancelReconnect();
            long attemptOf = ++generation;
            setState(ConnectionState.connecting());
            openAndSignIn(authenticate).whenComplete((login, error) -> {
                if (attemptOf != generation) {
                    result.completeExceptionally(new ConnectionLostException("sign-in abandoned"));
                    return;
                }
                if (error == null) {
                    signedIn(login, false);
                    result.complete(login);
                    return;
                }
                Throwable cause = unwrap(error);
                closeLink();
                setState(isAuthFailed(cause)
                        ? ConnectionState.signedOut(cause.getMessage())
                        : ConnectionState.offline(cause.getMessage()));
                result.completeExceptionally(cause);
            });
        });
        return result;
    }

    /**
     * Connects, then sends {@code hello} and the sign-in request back to back, in one write: the
     * server answers {@code hello} before it reads the next request (PROTOCOL.md §4), so signing in
     * (and every reconnect) takes one round trip after the TCP handshake instead of two. A failed
     * {@code hello} (another protocol version, say) is the reported failure, not the sign-in that
     * the server then never answered. The link becomes current as soon as the socket is connected.
     */
    private CompletableFuture<LoginResult> openAndSignIn(LongFunction<ClientMessage> signIn) {
        CompletableFuture<LoginResult> signedIn = new CompletableFuture<>();
        ChannelFuture connect = localAddress == null
                ? bootstrap.connect(host, port)
                : bootstrap.connect(new InetSocketAddress(host, port), localAddress);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                signedIn.completeExceptionally(new ConnectionLostException(
                        "cannot connect to " + host + ":" + port + ": " + done.cause().getMessage()));
                return;
            }
            ChannelPipeline pipeline = connect.channel().pipeline();
            Link created = ((ConnectionHandler) pipeline.get(HANDLER)).link();
            closeLink();
            link = created;
            CompletableFuture<HelloResult> helloDone = created
                    .send(id -> new ClientMessage.Hello(id, Protocol.VERSION, clientName), false)
                    .thenApply(ok -> json.result(ok, HelloResult.class));
            CompletableFuture<LoginResult> signInDone = created.send(signIn)
                    .thenApply(ok -> json.result(ok, LoginResult.class));
            helloDone.thenCompose(helloResult -> {
                hello = helloResult;
                startHeartbeat(pipeline, helloResult);
                return signInDone;
            }).whenComplete((login, error) -> {
                if (error != null) {
                    signedIn.completeExceptionally(unwrap(error));
                } else {
                    signedIn.complete(login);
                }
            });
        });
        return signedIn;
    }

    private void startHeartbeat(ChannelPipeline pipeline, HelloResult helloResult) {
        Duration interval = heartbeatOverride != null
                ? heartbeatOverride
                : Duration.ofSeconds(Math.max(0, helloResult.heartbeatSeconds()));
        if (interval.isZero() || interval.isNegative() || pipeline.get(HANDLER) == null) {
            return;
        }
        long millis = interval.toMillis();
        pipeline.addBefore(HANDLER, "idle", new IdleStateHandler(false, millis, millis, 0, TimeUnit.MILLISECONDS));
    }

    private void signedIn(LoginResult login, boolean resumed) {
        LoginResult previous = signedInAs;
        if (previous != null && !previous.user().username().equals(login.user().username())) {
            outbox.abandonAll("signed in as " + login.user().username() + " before it was sent");
            acks.clear();
        }
        token = login.resumeToken();
        signedInAs = login;
        for (ConnectionListener listener : listeners) {
            try {
                listener.onSignedIn(login, resumed);
            } catch (RuntimeException e) {
                log.error("connection listener failed", e);
            }
        }
        setState(ConnectionState.signedIn());
        acks.onSignedIn();
        outbox.onSignedIn();
    }

    /** Called by the handler when a channel closed. */
    void onLinkClosed(Link closed) {
        if (closed != link) {
            return;
        }
        link = null;
        hello = null;
        if (state.isSignedIn()) {
            log.info("connection to {}:{} lost; reconnecting", host, port);
            scheduleReconnect(0, "connection lost");
        }
    }

    /** Called by the handler for each event. Events of a link that is no longer current are dropped. */
    void onEvent(Link from, ServerMessage.Event event) {
        if (from != link) {
            return;
        }
        if (event instanceof ServerMessage.ImSwitched switched && switched.enabled()) {
            acks.onImSwitchedOn();
        }
        for (ConnectionListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.error("connection listener failed on {}", event, e);
            }
        }
    }

    private void scheduleReconnect(int attempt, String reason) {
        if (token == null) {
            setState(ConnectionState.signedOut("signed out: password needed"));
            return;
        }
        Duration delay = backoff.delay(attempt);
        long attemptOf = generation;
        Instant nextAttemptAt = clock.instant().plus(delay);
        // Scheduled before listeners hear of it, so that what they do next finds the timer set.
        reconnectTimer = scheduler.schedule(() -> onLoop(() -> {
            if (attemptOf == generation && state.status() == ConnectionState.Status.RECONNECTING) {
                reconnect(attempt);
            }
        }), delay);
        setState(ConnectionState.reconnecting(nextAttemptAt, attempt, reason));
    }

    private void reconnect(int attempt) {
        reconnectTimer = null;
        long attemptOf = generation;
        String resumeToken = token;
        setState(ConnectionState.connecting());
        openAndSignIn(id -> new ClientMessage.Resume(id, resumeToken))
                .whenComplete((login, error) -> {
                    if (attemptOf != generation) {
                        return;
                    }
                    if (error == null) {
                        signedIn(login, true);
                        return;
                    }
                    Throwable cause = unwrap(error);
                    closeLink();
                    if (isAuthFailed(cause)) {
                        token = null;
                        setState(ConnectionState.signedOut("signed out: password needed (" + cause.getMessage() + ")"));
                    } else {
                        log.info("reconnect attempt {} to {}:{} failed: {}", attempt + 1, host, port, cause.getMessage());
                        scheduleReconnect(attempt + 1, cause.getMessage());
                    }
                });
    }

    private void cancelReconnect() {
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
            reconnectTimer = null;
        }
    }

    private void closeLink() {
        Link current = link;
        link = null;
        hello = null;
        if (current != null) {
            current.close();
        }
    }

    private void setState(ConnectionState next) {
        if (next.equals(state)) {
            return;
        }
        state = next;
        for (ConnectionListener listener : listeners) {
            try {
                listener.onStateChanged(next);
            } catch (RuntimeException e) {
                log.error("connection listener failed on {}", next, e);
            }
        }
    }

    private static boolean isAuthFailed(Throwable cause) {
        return cause instanceof RequestFailedException failed && failed.code() == ErrorCode.AUTH_FAILED;
    }

    /** Options of a {@link Connection}; every one has a default. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String clientName = "beacon-client/0.1.0";
        private InetSocketAddress localAddress;
        private ClientTransport transport;
        private Scheduler scheduler;
        private Clock clock = Clock.systemUTC();
        private Backoff backoff = Backoff.standard();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration heartbeat;
        private Duration ackDelay = Duration.ofMillis(150);
        private Duration retryDelay = Duration.ofSeconds(2);
        private ProtocolJson json;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
        }

        /** Sent in {@code hello}, e.g. {@code beacon-client/0.1.0}. */
        public Builder clientName(String clientName) {
            this.clientName = Objects.requireNonNull(clientName, "clientName");
            return this;
        }

        /**
         * The local address to connect from (default: any). The load generator gives each simulated
         * desk its own loopback address (127.x.y.z), so that the server sees many clients, as on a
         * real LAN, instead of thousands of sign-ins from one address.
         */
        public Builder localAddress(InetSocketAddress localAddress) {
            this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
            return this;
        }

        /** A shared transport (not closed with the connection). Default: a one-thread transport of its own. */
        public Builder transport(ClientTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Runs reconnect delays, request timeouts, retries and ack flushes. Default: the event loop. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** For "next attempt at" and message time stamps. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Heartbeat interval instead of the server's {@code heartbeat_seconds} (tests, tuning). */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = positive(heartbeat, "heartbeat");
            return this;
        }

        /** How long acks are gathered before the highest per session is sent. Default 150 ms. */
        public Builder ackDelay(Duration ackDelay) {
            this.ackDelay = positive(ackDelay, "ackDelay");
            return this;
        }

        /** Wait before resending a message or an ack after a transient server error. Default 2 s. */
        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = positive(retryDelay, "retryDelay");
            return this;
        }

        /** The JSON mapping to share among many connections. Default: a new one. */
        public Builder json(ProtocolJson json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        public Connection build() {
            if (json == null) {
                json = new ProtocolJson();
            }
            return new Connection(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
