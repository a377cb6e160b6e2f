package org.beacon.bench.server;

import java.util.OptionalLong;

/** A server started by someone else ({@code --server HOST:PORT}); it must already hold the bench users. */
public record RemoteServer(String host, int port) implements ServerUnderTest {
    public static RemoteServer parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("--server must be HOST:PORT, not " + hostPort);
        }
        return new RemoteServer(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
    }
}
