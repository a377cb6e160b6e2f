package org.beacon.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.HelloResult;
import org.beacon.protocol.reply.LoginResult;
import org.beacon.protocol.reply.PingResult;
import org.beacon.protocol.reply.PresenceResult;
import org.beacon.server.auth.Authenticator.Outcome;
import org.beacon.server.directory.Directory;
import org.beacon.server.presence.PresenceService;
import org.beacon.server.region.RegionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: its state, its requests, and the single place where its failures become error
 * frames. One instance per channel (not {@code @Sharable}: it holds the connection's state); every
 * method runs on the channel's event loop, and work that may take long (password hashing, the
 * store) completes back on it through {@link #onLoop}, so no field needs a lock.
 *
 * <h2>States</h2>
 * <pre>
 *            hello v1                 login / resume ok
 * AWAITING_HELLO ──► AWAITING_LOGIN ───────────────────► SIGNED_IN
 *      │  other: AUTH_REQUIRED │  other (but ping): AUTH_REQUIRED │ logout: ok, then close
 *      └─ hello v≠1: UNSUPPORTED_VERSION, close                   │
 *  any state ── BAD_FRAME / TOO_LARGE / IDLE_TIMEOUT / peer gone ─┴──► CLOSING
 * </pre>
 * While a sign-in or sign-out is in flight the connection is {@code busy}: requests that arrive
 * meanwhile wait in a short queue, so a client may send {@code login} and {@code directory} back
 * to back and get both answered in order. The first such request also pauses reading until the
 * sign-in is done. Only then: a client that sends nothing while it signs in (the usual case)
 * costs no pause and resume of reading, which are two {@code epoll_ctl} calls and a tenth of the
 * server's CPU in a reconnect storm.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> implements IdleSweep.Watched {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    /** Most users one connection may watch for presence. */
    static final int MAX_WATCHED = 1_000;
    /** Requests held while a sign-in is in flight; the reader is paused, so only one read's worth. */
    private static final int MAX_PENDING = 64;
    private static final String WRONG_CREDENTIALS = "Wrong username or password.";

    enum State { AWAITING_HELLO, AWAITING_LOGIN, SIGNED_IN, CLOSING }

    private final NetServices services;
    private final DirectoryViews views;
    private final StatsReporter stats;
    private final ArrayDeque<ClientMessage> pending = new ArrayDeque<>(0);
    private RequestRateLimiter rate;
    private ChannelHandlerContext ctx;
    private State state = State.AWAITING_HELLO;
    private boolean busy;
    /** A complete frame arrived since the idle sweep last looked ({@link IdleSweep}). */
    private boolean heard;
    /** Reading was paused because a request arrived while {@code busy}. */
    private boolean readsPaused;
    private String remote = "?";
    private String remoteHost;
    private long openedNanos;
    private Caller caller;
    private String tokenDigest;
    private PresenceService.Watcher watcher;

    ConnectionHandler(NetServices services, DirectoryViews views, StatsReporter stats) {
        super(ClientMessage.class);
        this.services = services;
        this.views = views;
        this.stats = stats;
    }

    State state() {
        return state;
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.rate = new RequestRateLimiter(services.clock(), services.requestsPerSecond(), services.requestBurst());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        openedNanos = System.nanoTime();
        SocketAddress address = ctx.channel().remoteAddress();
        if (address instanceof InetSocketAddress inet) {
            remoteHost = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            remote = remoteHost + ":" + inet.getPort();
        } else if (address != null) {
            remote = address.toString();
            remoteHost = remote;
        }
        // DEBUG: the INFO line comes at the close and says it all (address, user, duration). Two
        // synchronous console lines per connection were a tenth of the server's CPU in a storm.
        log.debug("Connection opened from {}", remote);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state = State.CLOSING;
        pending.clear();
        if (watcher != null) {
            watcher.close();
        }
        if (caller != null) {
            services.presence().signedOut(caller.username(), ctx.channel());
            services.im().closed(caller);
        }
        long tenths = (System.nanoTime() - openedNanos) / 100_000_000L; // not String.format: every close logs
        log.info("Connection closed from {}{} after {}.{} s", remote,
                caller == null ? "" : " (" + caller.username() + ")", tenths / 10, tenths % 10);
        super.channelInactive(ctx);
    }

    // ---- idle timeout (IdleSweep) ----------------------------------------------------------------

    @Override
    public boolean takeHeard() {
        boolean wasHeard = heard;
        heard = false;
        return wasHeard;
    }

    @Override
    public boolean isOpen() {
        return state != State.CLOSING;
    }

    @Override
    public void idleTimedOut() {
        log.debug("Idle timeout on {}", remote);
        failAndClose(new ServerMessage.Error(null, ErrorCode.IDLE_TIMEOUT,
                "Nothing received for " + services.idleTimeout().toSeconds() + " s; closing."));
    }

    /**
     * A client that stops reading would make its outgoing frames pile up in memory. When the
     * outbound buffer passes its high-water mark and is still there after the idle timeout, the
     * client is not keeping up: the connection is closed (no error frame, it could not be read).
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            ctx.executor().schedule(() -> {
                if (!ctx.channel().isWritable() && state != State.CLOSING) {
                    log.warn("Closing {}{}: not reading what is sent to it", remote,
                            caller == null ? "" : " (" + caller.username() + ")");
                    state = State.CLOSING;
                    ctx.close();
                }
            }, services.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(null, cause, true);
    }

    // ---- requests -------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        heard = true;
        super.channelRead(ctx, message);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage request) {
        if (state == State.CLOSING) {
            return;
        }
        if (busy) {
            if (pending.size() >= MAX_PENDING) {
                reply(new ServerMessage.Error(request.id(), ErrorCode.RATE_LIMITED,
                        "Too many requests while signing in.", 1_000L));
            } else {
                pending.add(request);
                pauseReads();
            }
            return;
        }
        long wait = rate.tryAcquire();
        if (wait > 0) {
            reply(new ServerMessage.Error(request.id(), ErrorCode.RATE_LIMITED, "Too many requests.", wait));
            return;
        }
        try {
            dispatch(request);
        } catch (RuntimeException e) {
            fail(request.id(), e, false);
        }
    }

    private void dispatch(ClientMessage request) {
        if (request instanceof ClientMessage.Hello hello) {
            hello(hello);
        } else if (state == State.AWAITING_HELLO) {
            authRequired(request, "Send hello first.");
        } else if (request instanceof ClientMessage.Ping ping) {
            ok(ping.id(), new PingResult(services.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        } else if (request instanceof ClientMessage.Login login) {
            login(login);
        } else if (request instanceof ClientMessage.Resume resume) {
            resume(resume);
        } else if (state != State.SIGNED_IN) {
            authRequired(request, "Sign in first.");
        } else if (request instanceof ClientMessage.Logout logout) {
            logout(logout);
        } else if (request instanceof ClientMessage.Directory directory) {
            reply(new ServerMessage.Ok(directory.id(), views.directoryTree(snapshot().directory())));
        } else if (request instanceof ClientMessage.Resource resource) {
            resource(resource);
        } else if (request instanceof ClientMessage.SubscribePresence subscribe) {
            subscribe(subscribe);
        } else if (request instanceof ClientMessage.UnsubscribePresence unsubscribe) {
            if (watcher != null) {
                watcher.unsubscribe(unsubscribe.usernames());
            }
            ok(unsubscribe.id(), null);
        } else if (request instanceof ClientMessage.Stats stats) {
            replyLater(stats.id(), this.stats.snapshot(), result -> ok(stats.id(), result));
        } else if (ImRequests.isSessionRequest(request)) {
            session(request);
        } else {
            throw new IllegalStateException("no handler for " + request.getClass().getSimpleName());
        }
    }

    private void hello(ClientMessage.Hello hello) {
        if (state != State.AWAITING_HELLO) {
            reply(new ServerMessage.Error(hello.id(), ErrorCode.BAD_REQUEST, "hello was already sent."));
        } else if (hello.version() != Protocol.VERSION) {
            failAndClose(new ServerMessage.Error(hello.id(), ErrorCode.UNSUPPORTED_VERSION,
                    "This server speaks protocol version " + Protocol.VERSION + ", not " + hello.version() + "."));
        } else {
            state = State.AWAITING_LOGIN;
            ok(hello.id(), new HelloResult(Protocol.VERSION, services.serverName(), services.maxFrame(),
                    services.heartbeatSeconds()));
        }
    }

    private void login(ClientMessage.Login login) {
        if (state == State.SIGNED_IN) {
            reply(new ServerMessage.Error(login.id(), ErrorCode.BAD_REQUEST, "Already signed in."));
            return;
        }
        String username = login.username();
        startBusy();
        onLoop(services.auth().login(username, login.password(), remoteHost),
                (outcome, failure) -> signInDone(login.id(), username, outcome, failure));
    }

    private void resume(ClientMessage.Resume resume) {
        if (state == State.SIGNED_IN) {
            reply(new ServerMessage.Error(resume.id(), ErrorCode.BAD_REQUEST, "Already signed in."));
            return;
        }
        startBusy();
        onLoop(services.auth().resume(resume.token(), remoteHost),
                (outcome, failure) -> signInDone(resume.id(), null, outcome, failure));
    }

    private void signInDone(Long id, String attempted, Outcome outcome, Throwable failure) {
        endBusy();
        if (state == State.CLOSING) {
            return;
        }
        if (failure != null) {
            fail(id, failure, false);
        } else if (outcome instanceof Outcome.SignedIn in) {
            signIn(id, in);
        } else if (outcome instanceof Outcome.Failed) {
            log.warn("Sign-in failed for {} from {}", attempted == null ? "(resume token)" : LogSafe.name(attempted),
                    remoteHost);
            reply(new ServerMessage.Error(id, ErrorCode.AUTH_FAILED,
                    attempted == null ? "The sign-in has expired; please sign in again." : WRONG_CREDENTIALS));
        } else if (outcome instanceof Outcome.Limited limited) {
            log.warn("Sign-in refused for {} from {}: too many failures, retry in {} ms",
                    attempted == null ? "(resume token)" : LogSafe.name(attempted), remoteHost,
                    limited.retryAfter().toMillis());
            reply(new ServerMessage.Error(id, ErrorCode.RATE_LIMITED,
                    "Too many failed sign-ins; try again later.", Math.max(1, limited.retryAfter().toMillis())));
        } else {
            throw new IllegalStateException("unknown outcome " + outcome);
        }
        drainPending();
    }

    private void signIn(Long id, Outcome.SignedIn in) {
        String username = in.user().username();
        Channel channel = ctx.channel();
        state = State.SIGNED_IN;
        caller = new Caller(username, channel);
        tokenDigest = in.tokenDigest();
        services.im().signingIn(caller);
        // Registered before the settings are read: an IM switch after this point is pushed to us,
        // one before it is in the snapshot we read next.
        services.presence().signedIn(username, channel);
        RegionState.Snapshot snapshot = snapshot();
        Directory directory = snapshot.directory();
        ok(id, new LoginResult(DirectoryViews.profile(directory.user(username).orElse(in.user()), directory),
                snapshot.imEnabled(), in.token()));
        log.debug("{} signed in as {}", remote, username);
        services.im().signedIn(caller);
    }

    private void logout(ClientMessage.Logout logout) {
        startBusy();
        onLoop(services.auth().logout(tokenDigest), (done, failure) -> {
            endBusy();
            if (state == State.CLOSING) {
                return;
            }
            if (failure != null) {
                fail(logout.id(), failure, false);
                drainPending();
                return;
            }
            state = State.CLOSING;
            pending.clear();
            ctx.writeAndFlush(new ServerMessage.Ok(logout.id(), null)).addListener(ChannelFutureListener.CLOSE);
        });
    }

    private void resource(ClientMessage.Resource resource) {
        DirectoryViews.resource(resource.resourceId(), snapshot().directory(), services.presence())
                .ifPresentOrElse(result -> ok(resource.id(), result),
                        () -> reply(new ServerMessage.Error(resource.id(), ErrorCode.NOT_FOUND, "No such resource.")));
    }

    private void subscribe(ClientMessage.SubscribePresence subscribe) {
        Directory directory = snapshot().directory();
        // The directory's own name instances, not the request's copies: a kiosk connection watches
        // its users all shift, and 15,000 connections each holding 20 decoded copies cost ~1.8 KB each.
        List<String> known = subscribe.usernames().stream()
                .filter(java.util.Objects::nonNull)
                .map(name -> directory.user(name).map(org.beacon.server.directory.User::username).orElse(null))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (watcher == null) {
            watcher = services.presence().watcher(ctx.channel());
        }
        if (watcher.size() + known.size() > MAX_WATCHED) {
            reply(new ServerMessage.Error(subscribe.id(), ErrorCode.BAD_REQUEST,
                    "At most " + MAX_WATCHED + " users can be watched on one connection."));
            return;
        }
        Map<String, Boolean> online = watcher.subscribe(known);
        ok(subscribe.id(), new PresenceResult(online));
    }

    private void session(ClientMessage request) {
        if (!snapshot().imEnabled()) {
            reply(new ServerMessage.Error(request.id(), ErrorCode.FEATURE_DISABLED,
                    "Instant messaging is switched off for this region."));
            return;
        }
        Channel channel = ctx.channel();
        CompletionStage<ServerMessage.Reply> served = services.im().handle(caller, request);
        // The reply is always queued on the channel's loop, even when the stage completes on it: a
        // write made inline there would overtake events (earlier messages of the session) that the
        // store's completion thread has already queued for this channel.
        served.whenComplete((reply, failure) -> channel.eventLoop().execute(() -> {
            if (failure != null) {
                Failures.Failure f = Failures.classify(failure, request.id(), services.maxFrame(), false);
                logUnforeseen(f, failure);
                if (f.reply() != null) {
                    channel.writeAndFlush(f.reply());
                }
            } else {
                channel.writeAndFlush(reply);
            }
        }));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private RegionState.Snapshot snapshot() {
        return services.region().current();
    }

    private void authRequired(ClientMessage request, String message) {
        reply(new ServerMessage.Error(request.id(), ErrorCode.AUTH_REQUIRED, message));
    }

    private void ok(Long id, Object result) {
        reply(services.json().ok(id, result));
    }

    private void reply(ServerMessage message) {
        ctx.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** Replies with the result of a store call once it completes, or with the mapped failure. */
    private <T> void replyLater(Long id, CompletableFuture<T> future, Consumer<T> onResult) {
        onLoop(future, (result, failure) -> {
            if (state == State.CLOSING) {
                return;
            }
            if (failure != null) {
                fail(id, failure, false);
            } else {
                onResult.accept(result);
            }
        });
    }

    /** Runs the callback on this connection's event loop once the stage completes. */
    private <T> void onLoop(CompletionStage<T> stage, BiConsumer<T, Throwable> callback) {
        Channel channel = ctx.channel();
        stage.whenComplete((result, failure) -> {
            try {
                channel.eventLoop().execute(() -> {
                    try {
                        callback.accept(result, failure);
                    } catch (RuntimeException e) {
                        fail(null, e, true);
                    }
                });
            } catch (RejectedExecutionException e) {
                // The server is stopping; the connection is being closed anyway.
            }
        });
    }

    private void startBusy() {
        busy = true;
    }

    private void endBusy() {
        busy = false;
        if (readsPaused && state != State.CLOSING) {
            readsPaused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void pauseReads() {
        if (!readsPaused) {
            readsPaused = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void drainPending() {
        ClientMessage next;
        while (!busy && state != State.CLOSING && (next = pending.poll()) != null) {
            channelRead0(ctx, next);
        }
    }

    /** Maps a failure (see {@link Failures}) and answers it; closes when the mapping says so. */
    private void fail(Long requestId, Throwable failure, boolean inPipeline) {
        Failures.Failure f = Failures.classify(failure, requestId, services.maxFrame(), inPipeline);
        logUnforeseen(f, failure);
        if (f.close()) {
            if (f.reply() == null) {
                state = State.CLOSING;
                ctx.close();
            } else {
                failAndClose(f.reply());
            }
        } else if (f.reply() != null && state != State.CLOSING) {
            reply(f.reply());
        }
    }

    private void logUnforeseen(Failures.Failure f, Throwable failure) {
        if (f.unforeseen()) {
            log.error("Request from {}{} failed", remote, caller == null ? "" : " (" + caller.username() + ")", failure);
        } else if (f.reply() != null && f.close()) {
            log.info("Closing {}: {}", remote, f.reply().code());
        }
    }

    /** Writes the error, flushes, then closes; reads nothing more from this connection. */
    private void failAndClose(ServerMessage.Error error) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        pending.clear();
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
    }
}
