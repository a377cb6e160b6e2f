package org.beacon.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.beacon.client.net.ClientTransport;
import org.beacon.client.net.Connection;
import org.beacon.client.net.ConnectionListener;
import org.beacon.client.net.ConnectionState;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.reply.LoginResult;

/**
 * Many client connections, each from its own loopback source address, on one shared {@link ClientTransport} (a few event-loop threads for all
 * of them) and one shared JSON mapping, which is what keeps 15,000 connections in one JVM cheap.
 * Every client's {@code message} events go to one {@link MessageSink}; a client that starts
 * reconnecting counts as a {@code RECONNECT} error (the generator never drops connections unless a
 * scenario says so).
 */
public final class Fleet implements AutoCloseable {
    public static final String PASSWORD = "bench";
    /** Long enough for 10,000 sockets' closes to complete on the loops. */
    private static final Duration CLOSE_QUIET_PERIOD = Duration.ofMillis(200);

    private final String host;
    private final int port;
    private final ClientTransport transport;
    private final ProtocolJson json = new ProtocolJson();
    private final Errors errors;
    private final List<BenchClient> clients = new ArrayList<>();
    private volatile MessageSink sink = MessageSink.IGNORE;

    /** Takes over {@code transport}: {@link #close()} closes it. */
    public Fleet(String host, int port, ClientTransport transport, Errors errors) {
        this.host = host;
        this.port = port;
        this.errors = errors;
        this.transport = transport;
    }

    /** The generator's transport: {@code io_uring}, {@code epoll} or {@code nio}. */
    public String transportName() {
        return GeneratorTransport.name(transport);
    }

    /** {@code u00000}, {@code u00001}, ...: five digits at least (no {@code String.format}: a storm names thousands). */
    public static String username(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " < 0");
        }
        String digits = Integer.toString(index);
        return "u" + "00000".substring(Math.min(5, digits.length())) + digits;
    }

    /**
     * The loopback address client {@code index} connects from: 127.1.x.y, one per simulated desk.
     * The server throttles sign-ins per remote address (20 in flight or failed); a LAN has one
     * address per desk, so one shared address would measure the throttle instead of the server.
     */
    public static InetAddress sourceAddress(int index) {
        byte[] ip = {127, 1, (byte) ((index / 250) % 250), (byte) (index % 250 + 1)};
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sink(MessageSink sink) {
        this.sink = sink;
    }

    /** A new, not yet connected client for user {@code index}. */
    public synchronized BenchClient client(int index) {
        Connection connection = Connection.builder(host, port)
                .clientName("beacon-bench/0.1.0")
                .transport(transport)
                .json(json)
                .requestTimeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(30))
                .localAddress(new InetSocketAddress(sourceAddress(index), 0))
                .build();
        BenchClient client = new BenchClient(index, username(index), connection);
        connection.addListener(new ConnectionListener() {
            @Override
            public void onStateChanged(ConnectionState state) {
                if (state.status() == ConnectionState.Status.RECONNECTING) {
                    errors.count("RECONNECT");
                }
            }

            @Override
            public void onEvent(ServerMessage.Event event) {
                if (event instanceof ServerMessage.Message message) {
                    sink.onMessage(client, message, System.nanoTime());
                }
            }
        });
        clients.add(client);
        return client;
    }

    /** New clients for users {@code from .. to-1}. */
    public List<BenchClient> clients(int from, int to) {
        List<BenchClient> created = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            created.add(client(i));
        }
        return created;
    }

    /** Signs every client in with the bench password, at most {@code concurrency} at a time. */
    public void loginAll(List<BenchClient> toSignIn, int concurrency, Duration timeout) throws InterruptedException {
        this.<BenchClient, org.beacon.protocol.reply.LoginResult>runAll(toSignIn, concurrency, timeout,
                c -> c.connection().login(c.username(), PASSWORD), "sign in");
    }

    /**
     * Runs one asynchronous step per client, at most {@code concurrency} outstanding, and waits for
     * all of them; throws with the first failure's message if any failed or the deadline passed.
     */
    public <I, T> void runAll(List<I> targets, int concurrency, Duration timeout,
            Function<I, CompletableFuture<T>> step, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore permits = new Semaphore(concurrency);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<CompletableFuture<T>> all = new ArrayList<>(targets.size());
        for (I target : targets) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(what + ": timed out after " + timeout.toSeconds() + " s");
            }
            CompletableFuture<T> done = step.apply(target).whenComplete((ok, error) -> {
                permits.release();
                if (error != null) {
                    firstFailure.compareAndSet(null, error);
                }
            });
            all.add(done);
        }
        if (!permits.tryAcquire(concurrency, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(what + ": timed out after " + timeout.toSeconds() + " s");
        }
        permits.release(concurrency);
        Throwable failure = firstFailure.get();
        if (failure != null) {
            long failed = all.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            throw new IllegalStateException(what + ": " + failed + " of " + targets.size() + " failed, e.g. "
                    + Errors.codeOf(failure) + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Closes these clients' connections (no reconnect). The clients stay in the fleet: a dropped
     * client signs in again with its own {@link Connection}, as a desk's client does after a drop,
     * so a scenario that drops and resumes N clients round after round allocates no new ones.
     */
    public void drop(List<BenchClient> toDrop) {
        for (BenchClient client : toDrop) {
            client.connection().close();
        }
    }

    /** The login reply of a signed-in client. */
    public static LoginResult signedIn(BenchClient client) {
        return client.connection().signedInAs();
    }

    /**
     * Closes every connection, then the transport once its loops have had nothing to do for a
     * moment (the sockets' closes complete on them), and waits (bounded) for its threads to end.
     */
    @Override
    public void close() {
        List<BenchClient> all;
        synchronized (this) {
            all = new ArrayList<>(clients);
        }
        for (BenchClient client : all) {
            client.connection().close();
        }
        transport.closeWhenQuiet(CLOSE_QUIET_PERIOD);
        transport.group().terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
