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
    private final Function<ByteBuffer, T> reader;

    private JsonMessageDecoder(Function<ByteBuffer, T> reader) {
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
        // A view of the frame: ProtocolJson reads a heap buffer's array, a direct one where it lies.
        out.add(reader.apply(body.nioBuffer()));
        body.skipBytes(length);
    }
}
