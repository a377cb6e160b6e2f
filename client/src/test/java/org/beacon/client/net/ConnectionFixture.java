package org.beacon.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.beacon.client.testing.FakeServer;
import org.beacon.client.testing.ManualScheduler;
import org.beacon.client.testing.Recorder;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.reply.LoginResult;

/**
 * A fake server, a connection to it driven by a {@link ManualScheduler}, and recorders of what the
 * connection reports. Backoff has no jitter here (0.5 s, 1 s, 2 s, ... up to 30 s) so tests can
 * name the delays.
 */
final class ConnectionFixture implements AutoCloseable {
    static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    };

    final FakeServer server;
    final ManualScheduler scheduler = new ManualScheduler();
    final Connection connection;
    final Recorder<ConnectionState> states = new Recorder<>();
    final Recorder<ServerMessage.Event> events = new Recorder<>();
    final Recorder<OutgoingMessage> outbox = new Recorder<>();

    ConnectionFixture() throws InterruptedException {
        this(builder -> { });
    }

    ConnectionFixture(java.util.function.Consumer<Connection.Builder> options) throws InterruptedException {
        server = FakeServer.start();
        Connection.Builder builder = Connection.builder("127.0.0.1", server.port())
                .clientName("test-client/1")
                .scheduler(scheduler)
                .clock(scheduler.clock())
                .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, NO_JITTER));
        options.accept(builder);
        connection = builder.build();
        connection.addListener(new ConnectionListener() {
            @Override
            public void onStateChanged(ConnectionState state) {
                states.add(state);
            }

            @Override
            public void onEvent(ServerMessage.Event event) {
                events.add(event);
            }
        });
        connection.outbox().addListener(outbox::add);
    }

    LoginResult signIn() {
        LoginResult result = connection.login("gblue", "demo").join();
        assertThat(connection.state().isSignedIn()).isTrue();
        return result;
    }

    ConnectionState awaitStatus(ConnectionState.Status status) {
        return states.await(state -> state.status() == status);
    }

    ConnectionState awaitStatusAfter(int index, ConnectionState.Status status) {
        return states.awaitFrom(index, state -> state.status() == status);
    }

    @Override
    public void close() {
        connection.close();
        server.close();
    }
}
