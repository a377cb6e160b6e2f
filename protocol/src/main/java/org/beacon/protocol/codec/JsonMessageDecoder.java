package org.beacon.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Objects;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;

/**
 * Maps one frame body (from {@link FrameDecoder}) to a protocol message. A body that cannot be
 * mapped fails with a {@link org.beacon.protocol.ProtocolException} (wrapped by Netty in a
 * {@link io.netty.handler.codec.DecoderException}) saying {@code BAD_FRAME} or {@code BAD_REQUEST}.
 *
 * @param <T> {@link ClientMessage} on the server, {@link ServerMessage} on the client
 */
@io.netty.channel.ChannelHandler.Sharable
public final class JsonMessageDecoder<T> extends MessageToMessageDecoder<ByteBuf> {
    private interface Reader<T> {
        T read(byte[] bytes, int offset, int length);
    }

    private final Reader<T> reader;

    private JsonMessageDecoder(Reader<T> reader) {
        super(ByteBuf.class);
        this.reader = reader;
    }

    /** For a server: reads requests. */
    public static JsonMessageDecoder<ClientMessage> forRequests(ProtocolJson json) {
        Objects.requireNonNull(json, "json");
        return new JsonMessageDecoder<>(json::readClient);
    }

    /** For a client: reads replies and events. */
    public static JsonMessageDecoder<ServerMessage> forServerMessages(ProtocolJson json) {
        Objects.requireNonNull(json, "json");
        return new JsonMessageDecoder<>(json::readServer);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) {
        int length = body.readableBytes();
        if (body.hasArray()) {
            out.add(reader.read(body.array(), body.arrayOffset() + body.readerIndex(), length));
        } else {
            out.add(reader.read(ByteBufUtil.getBytes(body), 0, length));
        }
        body.skipBytes(length);
    }
}
