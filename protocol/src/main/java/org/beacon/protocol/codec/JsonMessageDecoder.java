package org.beacon.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
    private interface ArrayReader<T> {
        T read(byte[] bytes, int offset, int length);
    }

    private final ArrayReader<T> arrayReader;
    private final Function<ByteBuffer, T> bufferReader;

    private JsonMessageDecoder(ArrayReader<T> arrayReader, Function<ByteBuffer, T> bufferReader) {
        super(ByteBuf.class);
        this.arrayReader = arrayReader;
        this.bufferReader = bufferReader;
    }

    /** For a server: reads requests. */
    public static JsonMessageDecoder<ClientMessage> forRequests(ProtocolJson json) {
        Objects.requireNonNull(json, "json");
        return new JsonMessageDecoder<>(json::readClient, json::readClient);
    }

    /** For a client: reads replies and events. */
    public static JsonMessageDecoder<ServerMessage> forServerMessages(ProtocolJson json) {
        Objects.requireNonNull(json, "json");
        return new JsonMessageDecoder<>(json::readServer, json::readServer);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) {
        int length = body.readableBytes();
        if (body.hasArray()) {
            out.add(arrayReader.read(body.array(), body.arrayOffset() + body.readerIndex(), length));
        } else {
            // A direct buffer is parsed where it lies, not copied into a new array first.
            out.add(bufferReader.apply(body.nioBuffer()));
        }
        body.skipBytes(length);
    }
}
