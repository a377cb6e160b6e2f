package org.beacon.client.ui.login;

import org.beacon.protocol.Protocol;

/**
 * A server address as typed: {@code HOST:PORT}, or {@code HOST} for the default port.
 *
 * @param host host name or address
 * @param port TCP port
 */
public record ServerAddress(String host, int port) {
    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Enter the server as HOST:PORT, e.g. beacon.local:" + Protocol.DEFAULT_PORT);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 1 and 65535, not " + port);
        }
    }

    /** @throws IllegalArgumentException with a message for people */
    public static ServerAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new ServerAddress(value, Protocol.DEFAULT_PORT);
        }
        try {
            return new ServerAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port after \u201c:\u201d must be a number, e.g. beacon.local:"
                    + Protocol.DEFAULT_PORT);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
