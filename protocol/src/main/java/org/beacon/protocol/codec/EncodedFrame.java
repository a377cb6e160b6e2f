package org.beacon.protocol.codec;

import java.util.Objects;

/**
 * A frame already serialized to JSON, written as is. Lets the server serialize an event once and
 * send the same bytes to every recipient.
 *
 * @param json the frame body (UTF-8 JSON, without the length prefix); never modified
 */
public record EncodedFrame(byte[] json) {
    public EncodedFrame {
        Objects.requireNonNull(json, "json");
    }
}
