/**
 * The Beacon wire protocol: the sealed request ({@link org.beacon.protocol.ClientMessage}) and
 * reply/event ({@link org.beacon.protocol.ServerMessage}) records, the stable
 * {@link org.beacon.protocol.ErrorCode}s and the protocol constants. See {@code protocol/PROTOCOL.md}.
 * Knows nothing of Swing, Netty's server side or SQLite.
 */
package org.beacon.protocol;
