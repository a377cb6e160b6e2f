package org.beacon.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.auth.Authenticator;
import org.beacon.server.auth.LoginThrottle;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.auth.ResumeTokens;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.im.SessionRequests;
import org.beacon.server.net.AcceptQueueCap;
import org.beacon.server.net.BeaconChannelInitializer;
import org.beacon.server.net.ImRequests;
import org.beacon.server.net.NetServices;
import org.beacon.server.net.PortListeners;
import org.beacon.server.presence.PresenceService;
import org.beacon.server.presence.SignedInConnections;
import org.beacon.server.region.RegionState;
import org.beacon.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Beacon server: listens, serves connections, keeps the region snapshot current. Built from its
 * configuration and a store it does not own (the caller opens and closes the store).
 *
 * <p>{@link #start()} loads the region, then starts the hashing threads, the event loops and the
 * listening socket, in that order; {@link #close()} stops them in reverse. A start that fails half
 * way undoes what it had done and rethrows.
 */
public final class BeaconServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BeaconServer.class);
    private static final long LOAD_TIMEOUT_SECONDS = 30;
    /** Connections the kernel may hold for accepting; more than Linux's default cap, for hosts that raise it. */
    static final int ACCEPT_BACKLOG = 16_384;

    private final ServerConfig config;
    private final Store store;
    private final PasswordHasher hasher;
    private final ProtocolJson json = new ProtocolJson();
    private final PresenceService presence = new PresenceService(json);
    private final RegionState region;
    private final ImRequests im;
    private final Deque<Runnable> stops = new ArrayDeque<>();
    private volatile boolean running;
    private Channel listener;
    private int acceptQueues;
    private ChannelGroup connections;

    /** A server with production password hashing. */
    public BeaconServer(ServerConfig config, Store store) {
        this(config, store, new PasswordHasher());
    }

    /** A server with IM sessions limited as the configuration says. */
    public BeaconServer(ServerConfig config, Store store, PasswordHasher hasher) {
        this(config, store, hasher, services -> SessionRequests.create(services, config.imLimits()));
    }

    /**
     * @param hasher checks passwords (tests pass a cheap one)
     * @param im     builds the session services from what the server provides
     */
    public BeaconServer(ServerConfig config, Store store, PasswordHasher hasher,
            Function<ServerServices, ImRequests> im) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.region = new RegionState(store, this::regionChanged);
        this.im = Objects.requireNonNull(
                im.apply(new ServerServices(store, region, presence, json, config.clock())), "im");
    }

    /**
     * Loads the region and starts listening.
     *
     * @return the bound port (the chosen one when the configuration says 0)
     * @throws IllegalStateException when already started, or when the region cannot be loaded or the
     *                               port cannot be bound (the cause says which)
     */
    public synchronized int start() {
        if (running || !stops.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        try {
            loadRegion();
            im.start().toCompletableFuture().join();
            stops.push(im::close);
            stops.push(() -> running = false);
            store.onExternalChange(() -> {
                if (running) {
                    region.reload();
                }
            });

            ThreadPoolExecutor hashing = new ThreadPoolExecutor(config.authThreads(), config.authThreads(),
                    0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.authQueue()),
                    new DefaultThreadFactory("beacon-auth", true));
            stops.push(hashing::shutdownNow);

            ServerTransport.Loops loops = config.transport().loops();
            // One accept queue and thread per event loop where the kernel can share a port out
            // (SO_REUSEPORT) and this server can check that no other process joined it: when a
            // whole site reconnects at once, one accept thread on a busy machine falls behind and
            // the connections that overflow its queue wait a second (bench/README.md).
            int acceptQueues = loops.isNative() && PortListeners.available() ? config.ioThreads() : 1;
            EventLoopGroup boss = new MultiThreadIoEventLoopGroup(acceptQueues, new DefaultThreadFactory("beacon-accept"),
                    loops.ioHandlers());
            stops.push(() -> shutDown(boss));
            EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                    new DefaultThreadFactory("beacon-io"), loops.ioHandlers());
            stops.push(() -> shutDown(workers));

            connections = new DefaultChannelGroup("beacon-connections", GlobalEventExecutor.INSTANCE);
            stops.push(() -> connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS));

            Authenticator auth = new Authenticator(hasher, hashing,
                    new LoginThrottle(config.throttle(), config.clock()), new ResumeTokens(new SecureRandom()),
                    store, () -> region.current().directory(), config.clock(), config.tokenLifetime());
            NetServices services = new NetServices(serverName(), config.maxFrame(), config.heartbeatSeconds(),
                    config.idleTimeout(), config.requestsPerSecond(), config.requestBurst(), config.clock(), json,
                    region, auth, presence, im, store, connections,
                    loops.kind().toString());

            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(loops.channelType())
                    // Room for a whole site reconnecting at once after a network blip. Linux caps
                    // it at net.core.somaxconn (4,096 by default): a connection that finds the
                    // queue full waits for the kernel's 1-s SYN-ACK retransmission (README).
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    // No child options that cost the accept thread a system call each and change
                    // nothing: Netty turns TCP_NODELAY on for every socket it makes, and the idle
                    // timeout finds a dead peer long before SO_KEEPALIVE's two hours would.
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 1024 * 1024))
                    .childHandler(new BeaconChannelInitializer(services));
            if (acceptQueues > 1) {
                bootstrap.option(UnixChannelOption.SO_REUSEPORT, true);
            }
            listener = bootstrap.bind(config.bindAddress(), config.port()).syncUninterruptibly().channel();
            stops.push(() -> listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS));
            List<Channel> listeners = new ArrayList<>(List.of(listener));
            while (listeners.size() < acceptQueues) {
                Channel more = bootstrap.bind(config.bindAddress(), port()).syncUninterruptibly().channel();
                stops.push(() -> more.close().awaitUninterruptibly(5, TimeUnit.SECONDS));
                listeners.add(more);
            }
            if (acceptQueues > 1) {
                requireOnlyOwnListeners(listeners);
            }
            this.acceptQueues = acceptQueues;
            running = true;
            log.info("Listening on {} ({} transport, {} accept queue{})", address(), loops.kind(),
                    acceptQueues, acceptQueues == 1 ? "" : "s");
            AcceptQueueCap.shortfall(ACCEPT_BACKLOG, AcceptQueueCap.read(AcceptQueueCap.LINUX_SOMAXCONN))
                    .ifPresent(log::info);
            return port();
        } catch (Exception e) { // Netty rethrows a bind failure's checked BindException undeclared
            stopAll();
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Fails the start when a socket of another process listens on this server's port too: with
     * SO_REUSEPORT it would have bound without error and taken a share of the connections.
     */
    private void requireOnlyOwnListeners(List<Channel> listeners) throws IOException {
        Set<Long> own = new HashSet<>();
        for (Channel channel : listeners) {
            PortListeners.inodeOf(((UnixChannel) channel).fd().intValue()).ifPresent(own::add);
        }
        Set<Long> others = new HashSet<>(PortListeners.listening(port()));
        others.removeAll(own);
        if (own.size() != listeners.size() || !others.isEmpty()) {
            throw new IllegalStateException("Cannot start: Address already in use: another process also listens on port "
                    + port() + " (" + others.size() + " socket(s) besides this server's " + listeners.size()
                    + (own.size() == listeners.size() ? "" : ", not all of which it could identify") + ")");
        }
    }

    /** The bound address; only after {@link #start()}. */
    public synchronized InetSocketAddress address() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /** The sockets this server listens on, one accept queue and thread each; only after {@link #start()}. */
    public synchronized int acceptQueues() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return acceptQueues;
    }

    /** The bound port; only after {@link #start()}. */
    public int port() {
        return address().getPort();
    }

    /** Signed-in connections, to push events to users. */
    public SignedInConnections connections() {
        return presence;
    }

    /** The region snapshot this server serves. */
    public RegionState region() {
        return region;
    }

    /** Stops listening, closes every connection, stops the threads. Idempotent; leaves the store open. */
    @Override
    public synchronized void close() {
        if (!stops.isEmpty()) {
            log.info("Stopping");
            stopAll();
        }
    }

    private void stopAll() {
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                log.warn("Error while stopping", e);
            }
        }
        listener = null;
    }

    private void loadRegion() {
        try {
            RegionState.Snapshot loaded = region.reload().get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Region \"{}\": {} organizations, {} resources, {} users; IM {}",
                    loaded.settings().regionName(), loaded.directory().organizations().size(),
                    loaded.directory().resources().size(), loaded.directory().users().size(),
                    loaded.imEnabled() ? "on" : "off");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot load the region from the store: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Loading the region took longer than " + LOAD_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the region", e);
        }
    }

    /** Called in swap order on a store thread: tells every signed-in client when IM was switched. */
    private void regionChanged(RegionState.Snapshot old, RegionState.Snapshot now) {
        if (running) {
            signOutRevoked(old.directory(), now.directory());
        }
        if (running && old.imEnabled() != now.imEnabled()) {
            int told = presence.sendToAll(new ServerMessage.ImSwitched(now.imEnabled()));
            im.imSwitched(now.imEnabled());
            log.info("Instant messaging switched {}; told {} connections", now.imEnabled() ? "on" : "off", told);
        } else if (running) {
            log.info("Directory reloaded: {} users", now.directory().users().size());
        }
    }

    /**
     * Closes the live connections of users whose password changed or who were removed: a reset
     * after a desk's account was misused must lock the intruder out now, not at the next sign-in
     * (their resume tokens are gone with the reset, so they cannot come back without the new password).
     */
    private void signOutRevoked(Directory before, Directory after) {
        for (User user : before.users()) {
            boolean revoked = after.user(user.username())
                    .map(now -> !now.passwordHash().equals(user.passwordHash()))
                    .orElse(true);
            List<Channel> channels = revoked ? presence.channelsOf(user.username()) : List.of();
            for (Channel channel : channels) {
                channel.writeAndFlush(new ServerMessage.Error(null, ErrorCode.AUTH_FAILED,
                        "Your password was changed or your account removed; sign in again."))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            if (!channels.isEmpty()) {
                log.info("Closed {} connection(s) of {}: password changed or account removed", channels.size(),
                        user.username());
            }
        }
    }

    private static void shutDown(EventLoopGroup group) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static String serverName() {
        String version = BeaconServer.class.getPackage().getImplementationVersion();
        return "beacon-server/" + (version == null ? "dev" : version);
    }
}
