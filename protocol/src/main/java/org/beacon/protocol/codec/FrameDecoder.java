package org.beacon.protocol.codec;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.beacon.protocol.Protocol;

/**
 * Splits the byte stream into frames: a 4-byte big-endian unsigned length, then that many bytes of
 * UTF-8 JSON. Emits each frame's body without the prefix.
 *
 * <pre>
 * BEFORE (one TCP read)                       AFTER (two frames)
 * +--------+--------------+--------+------+   +--------------+  +------+
 * | 0x000E | {"type":...} | 0x0006 | {..} |-->| {"type":...} |  | {..} |
 * +--------+--------------+--------+------+   +--------------+  +------+
 * </pre>
 *
 * A length over {@code maxBody} fails at once, as soon as the prefix is read (fail-fast), with
 * {@link io.netty.handler.codec.TooLongFrameException}; the pipeline answers {@code TOO_LARGE}
 * and closes the connection without reading the body.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    private final int maxBody;

    public FrameDecoder(int maxBody) {
        super(checkMax(maxBody) + Protocol.LENGTH_PREFIX_BYTES, 0, Protocol.LENGTH_PREFIX_BYTES, 0,
                Protocol.LENGTH_PREFIX_BYTES, true);
        this.maxBody = maxBody;
    }

    public int maxBody() {
        return maxBody;
    }

    private static int checkMax(int maxBody) {
        if (maxBody < 64 || maxBody > Integer.MAX_VALUE - Protocol.LENGTH_PREFIX_BYTES) {
            throw new IllegalArgumentException("maxBody out of range: " + maxBody);
        }
        return maxBody;
    }
}
