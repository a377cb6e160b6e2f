package org.beacon.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.time.Instant;
import java.util.List;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ProtocolException;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static final int MAX = 1024;
    private final ProtocolJson json = new ProtocolJson();
    private final EmbeddedChannel server = new EmbeddedChannel(
            new FrameDecoder(MAX), JsonMessageDecoder.forRequests(json), new FrameEncoder(json));

    @AfterEach
    void finish() {
        server.finishAndReleaseAll();
    }

    @Test
    void encoder_writesLengthPrefixThenJson() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder(json));
        channel.writeOutbound(new ServerMessage.ImSwitched(true));
        ByteBuf out = channel.readOutbound();
        try {
            byte[] body = "{\"type\":\"im_switched\",\"enabled\":true}".getBytes(UTF_8);
            assertThat(out.readInt()).isEqualTo(body.length);
            assertThat(out.toString(UTF_8)).isEqualTo(new String(body, UTF_8));
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void encodedFrame_isWrittenAsIs() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder(json));
        byte[] body = json.write(new ServerMessage.Presence("ablack", true));
        channel.writeOutbound(new EncodedFrame(body));
        ByteBuf out = channel.readOutbound();
        try {
            assertThat(out.readInt()).isEqualTo(body.length);
            assertThat(ByteBufBytes.of(out)).isEqualTo(body);
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void encodedFrame_largerThanTheDefaultFirstBuffer_isWrittenIntoABufferOfItsSize() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder(json));
        byte[] body = json.write(new ServerMessage.Message("s-1", 7, "ablack", "x".repeat(600),
                Instant.EPOCH, "c-1"));
        channel.writeOutbound(new EncodedFrame(body));
        ByteBuf out = channel.readOutbound();
        try {
            assertThat(out.capacity()).isEqualTo(4 + body.length);
            assertThat(out.readInt()).isEqualTo(body.length);
            assertThat(ByteBufBytes.of(out)).isEqualTo(body);
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void everyRequest_survivesEncodeThenDecode() {
        EmbeddedChannel client = new EmbeddedChannel(new FrameEncoder(json));
        List<ClientMessage> requests = List.of(
                new ClientMessage.Hello(1L, 1, "test/1"),
                new ClientMessage.Send(2L, "s", "c", "héllo wörld ✓"),
                new ClientMessage.Ping(3L));
        requests.forEach(client::writeOutbound);
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf part; (part = client.readOutbound()) != null; ) {
            wire.writeBytes(part);
            part.release();
        }
        server.writeInbound(wire);
        assertThat(List.<Object>of(server.readInbound(), server.readInbound(), server.readInbound()))
                .containsExactlyElementsOf(requests);
        client.finishAndReleaseAll();
    }

    @Test
    void framesInDirectBuffers_decode_andABadOneIsStillBadFrame() {
        ByteBuf wire = Unpooled.directBuffer();
        wire.writeBytes(frame("{\"type\":\"ping\",\"id\":1}"));
        wire.writeBytes(frame("{\"type\":\"send\",\"id\":2,\"session_id\":\"s\",\"client_msg_id\":\"c\",\"text\":\"h\u00e9\"}"));
        server.writeInbound(wire);
        assertThat(List.<Object>of(server.readInbound(), server.readInbound()))
                .containsExactly(new ClientMessage.Ping(1L), new ClientMessage.Send(2L, "s", "c", "h\u00e9"));

        ByteBuf bad = Unpooled.directBuffer().writeBytes(frame("{nope"));
        assertThatThrownBy(() -> server.writeInbound(bad))
                .cause().isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        server.writeInbound(Unpooled.directBuffer().writeBytes(frame("{\"type\":\"ping\",\"id\":3}")));
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(3L));
    }

    @Test
    void frameSplitAcrossReads_isReassembled() {
        ByteBuf frame = frame("{\"type\":\"ping\",\"id\":9}");
        int length = frame.readableBytes();
        for (int i = 0; i < length; i++) {
            assertThat((Object) server.readInbound()).isNull();
            server.writeInbound(frame.readRetainedSlice(1));
        }
        frame.release();
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(9L));
    }

    @Test
    void coalescedFrames_areSplit() {
        ByteBuf wire = Unpooled.buffer();
        wire.writeBytes(frame("{\"type\":\"ping\",\"id\":1}"));
        wire.writeBytes(frame("{\"type\":\"ping\",\"id\":2}"));
        server.writeInbound(wire);
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(1L));
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(2L));
    }

    @Test
    void lengthOverMax_failsAsSoonAsPrefixIsRead() {
        ByteBuf prefixOnly = Unpooled.buffer().writeInt(MAX + 1);
        assertThatThrownBy(() -> server.writeInbound(prefixOnly)).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void hugeUnsignedLength_isTooLong() {
        ByteBuf prefixOnly = Unpooled.buffer().writeInt(0xFFFF_FFF0);
        assertThatThrownBy(() -> server.writeInbound(prefixOnly)).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void frameAtExactlyMax_isAccepted() {
        String padding = "x".repeat(MAX - "{\"type\":\"ping\",\"id\":1,\"pad\":\"\"}".length());
        server.writeInbound(frame("{\"type\":\"ping\",\"id\":1,\"pad\":\"" + padding + "\"}"));
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(1L));
    }

    @Test
    void malformedJson_isBadFrame_andLaterFramesStillDecode() {
        assertThatThrownBy(() -> server.writeInbound(frame("{nope")))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        server.writeInbound(frame("{\"type\":\"ping\",\"id\":2}"));
        assertThat((Object) server.readInbound()).isEqualTo(new ClientMessage.Ping(2L));
    }

    @Test
    void unknownType_isBadFrame() {
        assertThatThrownBy(() -> server.writeInbound(frame("{\"type\":\"teleport\",\"id\":1}")))
                .cause().isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
    }

    private static ByteBuf frame(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    private static final class ByteBufBytes {
        static byte[] of(ByteBuf buf) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        }
    }
}
