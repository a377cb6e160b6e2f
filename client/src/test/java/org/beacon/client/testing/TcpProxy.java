package org.beacon.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server, for faults the real network makes: {@link #cut()}
 * resets every connection through it at once (as a pulled cable or a dead switch does), and
 * {@link #dropServerToClient()} makes the current connections swallow what the server sends
 * (a request leaves, its reply never arrives). New connections after either are forwarded normally.
 * Plain blocking sockets, two daemon threads per connection.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean refusing;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop).start();
    }

    /** A proxy on a free loopback port forwarding to {@code targetPort} on loopback. */
    public static TcpProxy to(int targetPort) throws IOException {
        return new TcpProxy(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far (a reconnect adds one). */
    public int accepted() {
        return accepted.get();
    }

    /** Resets every open connection, both sides, without a FIN handshake. */
    public void cut() {
        for (Pair pair : pairs) {
            pair.close();
        }
    }

    /** From now on the open connections forward client→server bytes only. */
    public void dropServerToClient() {
        for (Pair pair : pairs) {
            pair.dropDownstream = true;
        }
    }

    /** While on, new connections are reset as soon as they are accepted (the server is "down"). */
    public void refuseNew(boolean refuse) {
        this.refusing = refuse;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Pair pair = new Pair(client, server);
                pairs.add(pair);
                accepted.incrementAndGet();
                daemon("proxy-up", () -> pair.pump(client, server, false)).start();
                daemon("proxy-down", () -> pair.pump(server, client, true)).start();
            } catch (IOException e) {
                // listener closed, or the server refused: the client sees a closed connection
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private final class Pair {
        private final Socket client;
        private final Socket server;
        volatile boolean dropDownstream;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to, boolean downstream) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!(downstream && dropDownstream)) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // reset or closed: close both sides below
            } finally {
                close();
            }
        }

        void close() {
            pairs.remove(this);
            reset(client);
            reset(server);
        }

        private void reset(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException e) {
                // already closed
            }
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
