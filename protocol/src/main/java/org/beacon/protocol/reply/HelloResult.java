package org.beacon.protocol.reply;

/**
 * Reply to {@code hello}.
 *
 * @param version          the protocol version the server will speak
 * @param server           server name and version, e.g. {@code beacon-server/0.1.0}
 * @param maxFrame         largest frame body, in bytes, the server accepts from this client
 * @param heartbeatSeconds the client should send {@code ping} at least this often; a connection
 *                         silent for three times as long is closed
 */
public record HelloResult(int version, String server, int maxFrame, int heartbeatSeconds) {
}
