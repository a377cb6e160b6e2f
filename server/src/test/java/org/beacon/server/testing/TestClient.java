package org.beacon.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;

/**
 * A blocking protocol client on a plain socket, for tests: writes length-prefixed frames, and a
 * reader thread sorts what arrives into replies and events. Every wait has a deadline.
 */
public final class TestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProtocolJson json;
    private final Socket socket;
    private final DataOutputStream out;
    private final BlockingQueue<ServerMessage.Reply> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerMessage.Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong ids = new AtomicLong(100);
    private final Thread reader;

    public TestClient(ProtocolJson json, InetSocketAddress server) throws IOException {
        this.json = json;
        this.socket = new Socket(server.getAddress(), server.getPort());
        this.socket.setTcpNoDelay(true);
        this.out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        this.reader = new Thread(() -> read(in), "test-client-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                int length = in.readInt();
                byte[] body = new byte[length];
                in.readFully(body);
                ServerMessage message = json.readServer(body);
                if (message instanceof ServerMessage.Reply reply) {
                    replies.add(reply);
                } else {
                    events.add((ServerMessage.Event) message);
                }
            }
        } catch (EOFException e) {
            // closed by the server
        } catch (IOException e) {
            // reset or closed by us
        } finally {
            closed.countDown();
        }
    }

    /** Resets the connection (RST, no orderly close), as a crashed client or a pulled cable would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** The replies received so far, without waiting. */
    public List<ServerMessage.Reply> drainReplies() {
        List<ServerMessage.Reply> out = new ArrayList<>();
        replies.drainTo(out);
        return out;
    }

    /** The next {@code count} message events in arrival order; other events are skipped. */
    public List<ServerMessage.Message> awaitMessages(int count) throws InterruptedException {
        return awaitMessages(count, TIMEOUT);
    }

    public List<ServerMessage.Message> awaitMessages(int count, Duration timeout) throws InterruptedException {
        List<ServerMessage.Message> out = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            ServerMessage.Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("got " + out.size() + " of " + count + " messages within " + timeout
                        + (closed.getCount() == 0 ? " (connection closed)" : ""));
            }
            if (event instanceof ServerMessage.Message message) {
                out.add(message);
            }
        }
        return out;
    }

    /** A fresh request id. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Sends a frame without waiting. */
    public synchronized void send(ClientMessage message) throws IOException {
        writeFrame(json.write(message));
    }

    /** Sends any bytes as one frame body (with a correct length prefix). */
    public synchronized void writeFrame(byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** Sends raw bytes, e.g. a length prefix alone. */
    public synchronized void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a request and waits for the reply with its id. */
    public ServerMessage.Reply request(ClientMessage message) throws Exception {
        send(message);
        return awaitReply(message.id());
    }

    /** Sends a request, expects {@code ok}, and reads its result as {@code type}. */
    public <T> T requestOk(ClientMessage message, Class<T> type) throws Exception {
        ServerMessage.Reply reply = request(message);
        assertThat(reply).as("reply to %s", message).isInstanceOf(ServerMessage.Ok.class);
        return json.result((ServerMessage.Ok) reply, type);
    }

    /** Sends a request and expects an error with this code; returns it. */
    public ServerMessage.Error requestError(ClientMessage message, ErrorCode code) throws Exception {
        ServerMessage.Reply reply = request(message);
        assertThat(reply).as("reply to %s", message).isInstanceOf(ServerMessage.Error.class);
        ServerMessage.Error error = (ServerMessage.Error) reply;
        assertThat(error.code()).as("error %s", error).isEqualTo(code);
        return error;
    }

    /** The next reply with this id (replies with other ids that arrive first are kept). */
    public ServerMessage.Reply awaitReply(Long id) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<ServerMessage.Reply> others = new ArrayList<>();
        try {
            while (true) {
                ServerMessage.Reply reply = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (reply == null) {
                    throw new AssertionError("no reply with id " + id + " within " + TIMEOUT
                            + (closed.getCount() == 0 ? " (connection closed)" : ""));
                }
                if (java.util.Objects.equals(reply.id(), id)) {
                    return reply;
                }
                others.add(reply);
            }
        } finally {
            replies.addAll(others);
        }
    }

    /** The next error frame without an id (sent before the server closes). */
    public ServerMessage.Error awaitError() throws InterruptedException {
        ServerMessage.Reply reply = awaitReply(null);
        assertThat(reply).isInstanceOf(ServerMessage.Error.class);
        return (ServerMessage.Error) reply;
    }

    /** Waits for an event of this type; events of other types that arrive first are dropped. */
    public <E extends ServerMessage.Event> E awaitEvent(Class<E> type) throws InterruptedException {
        return awaitEvent(type, TIMEOUT);
    }

    public <E extends ServerMessage.Event> E awaitEvent(Class<E> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServerMessage.Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    /**
     * Asserts that no event of this type arrives: first a ping round trip (so that anything the
     * server queued before it is here), then a short quiet period for stragglers.
     */
    public void assertNoEvent(Class<? extends ServerMessage.Event> type, Duration quiet) throws Exception {
        requestOk(new ClientMessage.Ping(nextId()), Object.class);
        long deadline = System.nanoTime() + quiet.toNanos();
        ServerMessage.Event event;
        while ((event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            assertThat(event).as("unexpected event").isNotInstanceOf(type);
        }
    }

    /** Waits until the server has closed the connection. */
    public void awaitClosed() throws InterruptedException {
        assertThat(closed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .as("connection closed by the server within %s", TIMEOUT).isTrue();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** hello with the current protocol version; returns the reply. */
    public ServerMessage.Reply hello() throws Exception {
        return request(new ClientMessage.Hello(nextId(), Protocol.VERSION, "test/1"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
