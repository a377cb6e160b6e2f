package org.beacon.client.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.model.SessionSummary;
import org.beacon.client.net.Backoff;
import org.beacon.client.net.Connection;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionStatus;
import org.beacon.protocol.reply.LoginResult;

/**
 * One user's real {@link Connection} and {@link ClientModel} (listeners on the event loop, a direct
 * executor), recording every {@link ModelEvent} so that tests can wait for them with a deadline.
 * Reconnects after 10–50 ms instead of the production back-off.
 */
final class ModelClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration ACK_DELAY = Duration.ofMillis(20);
    static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0.5, new SplittableRandom(7));

    private final String username;
    private final Connection connection;
    private final ClientModel model;
    private final List<ModelEvent> events = new CopyOnWriteArrayList<>();

    private ModelClient(String username, int port, ClientModel.Options options, Consumer<Connection.Builder> tune) {
        this.username = username;
        Connection.Builder builder = Connection.builder("127.0.0.1", port)
                .clientName("beacon-it/" + username)
                .backoff(FAST)
                .requestTimeout(WAIT)
                .connectTimeout(Duration.ofSeconds(5))
                .ackDelay(ACK_DELAY)
                .retryDelay(Duration.ofMillis(100));
        tune.accept(builder);
        this.connection = builder.build();
        this.model = new ClientModel(connection, Runnable::run, options);
        model.addListener(events::add);
    }

    /** A headless client (auto-ack) on {@code port}, not yet signed in. */
    static ModelClient headless(String username, int port) {
        return new ModelClient(username, port, ClientModel.Options.headless(), builder -> { });
    }

    /** A client like a view's: acks only what {@link ClientModel#markShown} says. */
    static ModelClient forViews(String username, int port) {
        return forViews(username, port, builder -> { });
    }

    /** {@link #forViews(String, int)} with other connection options (e.g. a hand-driven scheduler). */
    static ModelClient forViews(String username, int port, Consumer<Connection.Builder> tune) {
        return new ModelClient(username, port, ClientModel.Options.forViews(), tune);
    }

    /** Signs in with the user's password and waits for it. */
    LoginResult signIn() throws Exception {
        return get(model.signIn(username, ItRegion.password(username)));
    }

    String username() {
        return username;
    }

    Connection connection() {
        return connection;
    }

    ClientModel model() {
        return model;
    }

    List<ModelEvent> events() {
        return List.copyOf(events);
    }

    <E extends ModelEvent> List<E> events(Class<E> type) {
        List<E> matching = new ArrayList<>();
        for (ModelEvent event : events) {
            if (type.isInstance(event)) {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    /** Every message the model announced as new in the session, in the order announced. */
    List<ServerMessage.Message> received(String sessionId) {
        List<ServerMessage.Message> messages = new ArrayList<>();
        for (ModelEvent.MessageReceived event : events(ModelEvent.MessageReceived.class)) {
            if (event.sessionId().equals(sessionId)) {
                messages.add(event.message());
            }
        }
        return messages;
    }

    List<Long> receivedSeqs(String sessionId) {
        return received(sessionId).stream().map(ServerMessage.Message::seq).toList();
    }

    /** Waits until the model has announced at least {@code count} messages in the session. */
    List<ServerMessage.Message> awaitReceived(String sessionId, int count) {
        await().atMost(WAIT).until(() -> received(sessionId).size() >= count);
        return received(sessionId);
    }

    /** Waits until the model has a session matching the condition; returns it. */
    SessionSummary awaitSession(Predicate<SessionSummary> condition) {
        return await().atMost(WAIT).until(
                () -> model.sessions().stream().filter(condition).findFirst(), Optional::isPresent).get();
    }

    SessionSummary awaitSession(String sessionId) {
        return awaitSession(s -> s.sessionId().equals(sessionId));
    }

    /** Waits until the outbox has stored or refused every message. */
    void awaitOutboxEmpty() {
        await().atMost(WAIT).until(() -> connection.outbox().pending().isEmpty());
    }

    /** The latest outbox state of each of my messages in the session, in the order first seen. */
    List<OutgoingMessage> outgoing(String sessionId, OutgoingMessage.Status status) {
        java.util.LinkedHashMap<String, OutgoingMessage> latest = new java.util.LinkedHashMap<>();
        for (ModelEvent.OutboxChanged changed : events(ModelEvent.OutboxChanged.class)) {
            if (changed.message().sessionId().equals(sessionId)) {
                latest.put(changed.message().clientMsgId(), changed.message());
            }
        }
        return latest.values().stream().filter(m -> m.status() == status).toList();
    }

    /** The server's view of my cursor in the session (0 if it is not among my active sessions). */
    long serverCursor(String sessionId) throws Exception {
        return get(connection.sessions()).sessions().stream()
                .filter(s -> s.session().sessionId().equals(sessionId))
                .mapToLong(SessionStatus::cursor).findFirst().orElse(0);
    }

    void logout() throws Exception {
        get(connection.logout());
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The future's value within {@link #WAIT}; its failure unwrapped and rethrown. */
    static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        }
    }

    /** The failure of a future that must fail within {@link #WAIT}. */
    static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        }
        throw new AssertionError("expected a failure, got success");
    }
}
