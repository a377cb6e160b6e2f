package org.beacon.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Objects;
import org.beacon.protocol.json.ProtocolJson;

/**
 * Writes a protocol message (any record of {@code ClientMessage} or {@code ServerMessage}) or an
 * {@link EncodedFrame} as one frame: the 4-byte big-endian body length, then the UTF-8 JSON body.
 * The JSON is written straight into the outbound buffer; the length is patched in afterwards.
 * An {@code EncodedFrame}'s buffer is allocated at its exact size: Netty's default first size
 * (256 bytes) is smaller than a {@code message} event, and growing it cost an allocation and a
 * copy for each recipient of every message. Stateless, so one instance may serve every channel.
 */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToByteEncoder<Object> {
    private final ProtocolJson json;

    public FrameEncoder(ProtocolJson json) {
        super(Object.class);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object message, boolean preferDirect)
            throws Exception {
        if (message instanceof EncodedFrame frame) {
            int size = 4 + frame.json().length;
            return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
        }
        return super.allocateBuffer(ctx, message, preferDirect);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object message, ByteBuf out) throws Exception {
        int start = out.writerIndex();
        out.writeInt(0);
        if (message instanceof EncodedFrame frame) {
            out.writeBytes(frame.json());
        } else {
            try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
                json.write(message, stream);
            }
        }
        out.setInt(start, out.writerIndex() - start - 4);
    }
}
