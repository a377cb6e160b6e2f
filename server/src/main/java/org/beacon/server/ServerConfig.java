package org.beacon.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.beacon.server.im.ImLimits;
import org.beacon.protocol.Protocol;
import org.beacon.server.auth.LoginThrottle;

/**
 * Everything a {@link BeaconServer} is tuned with. Values only; the store, the password hasher and
 * the IM services are passed to the server separately.
 *
 * <p>Start from {@link #defaults()} and change what differs with the {@code with...} methods:
 * <pre>{@code ServerConfig.defaults().withPort(0).withHeartbeatSeconds(1)}</pre>
 *
 * @param bindAddress      address to listen on; {@code 0.0.0.0} for every interface
 * @param port             TCP port; 0 picks a free one (tests)
 * @param maxFrame         largest client frame body accepted, in bytes
 * @param heartbeatSeconds how often clients are asked to ping (told in {@code hello})
 * @param idleTimeout      a connection silent this long is closed; normally 3 × heartbeat
 * @param throttle         login failure throttling
 * @param requestsPerSecond sustained requests one connection may send; more get {@code RATE_LIMITED}
 * @param requestBurst     requests one connection may send at once above that rate
 * @param authThreads      threads that hash passwords (never on an event loop)
 * @param authQueue        logins that may wait for those threads; more get {@code RATE_LIMITED}
 * @param tokenLifetime    how long a resume token stays valid after its last use
 * @param transport        the event loops' I/O: io_uring, epoll or NIO ({@link ServerTransport#AUTO}: the
 *                         first of them this machine offers)
 * @param clock            time source for tokens, throttling and pings
 * @param imLimits         per-user send rate and conference limits of the IM service
 * @param ioThreads        event-loop threads serving the connections; one per CPU core by default
 *                         (more only add wake-ups and thread switches: the loops never block)
 */
public record ServerConfig(
        String bindAddress,
        int port,
        int maxFrame,
        int heartbeatSeconds,
        Duration idleTimeout,
        LoginThrottle.Settings throttle,
        int requestsPerSecond,
        int requestBurst,
        int authThreads,
        int authQueue,
        Duration tokenLifetime,
        ServerTransport transport,
        Clock clock,
        ImLimits imLimits,
        int ioThreads) {

    public static final int DEFAULT_HEARTBEAT_SECONDS = 30;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        require(port >= 0 && port <= 65_535, "port", port);
        require(maxFrame >= 64, "maxFrame", maxFrame);
        require(heartbeatSeconds >= 1, "heartbeatSeconds", heartbeatSeconds);
        require(idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout", idleTimeout);
        Objects.requireNonNull(throttle, "throttle");
        require(requestsPerSecond >= 1, "requestsPerSecond", requestsPerSecond);
        require(requestBurst >= 1, "requestBurst", requestBurst);
        require(authThreads >= 1, "authThreads", authThreads);
        require(authQueue >= 1, "authQueue", authQueue);
        require(tokenLifetime != null && !tokenLifetime.isNegative() && !tokenLifetime.isZero(),
                "tokenLifetime", tokenLifetime);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(imLimits, "imLimits");
        require(ioThreads >= 1, "ioThreads", ioThreads);
    }

    /** Production defaults: port 7400 on every interface, 64 KiB frames, 30 s heartbeat, 90 s idle. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", Protocol.DEFAULT_PORT, Protocol.DEFAULT_MAX_FRAME,
                DEFAULT_HEARTBEAT_SECONDS, Duration.ofSeconds(3L * DEFAULT_HEARTBEAT_SECONDS),
                LoginThrottle.Settings.defaults(), 50, 200,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2)), 256,
                Duration.ofDays(7), ServerTransport.AUTO, Clock.systemUTC(), ImLimits.defaults(),
                Runtime.getRuntime().availableProcessors());
    }

    public ServerConfig withBindAddress(String value) {
        return new ServerConfig(value, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withMaxFrame(int value) {
        return new ServerConfig(bindAddress, port, value, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    /** Sets the heartbeat and the idle timeout to three times it. */
    public ServerConfig withHeartbeatSeconds(int value) {
        return new ServerConfig(bindAddress, port, maxFrame, value, Duration.ofSeconds(3L * value), throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    /** Only the idle timeout (tests use a fraction of a second). */
    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, value, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withThrottle(LoginThrottle.Settings value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, value,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withRequestRate(int perSecond, int burst) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                perSecond, burst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits, ioThreads);
    }

    public ServerConfig withTokenLifetime(Duration value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, value, transport, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withTransport(ServerTransport value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, value, clock, imLimits,
                ioThreads);
    }

    public ServerConfig withClock(Clock value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, value, imLimits,
                ioThreads);
    }

    public ServerConfig withImLimits(ImLimits value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, value,
                ioThreads);
    }

    public ServerConfig withIoThreads(int value) {
        return new ServerConfig(bindAddress, port, maxFrame, heartbeatSeconds, idleTimeout, throttle,
                requestsPerSecond, requestBurst, authThreads, authQueue, tokenLifetime, transport, clock, imLimits,
                value);
    }

    private static void require(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
