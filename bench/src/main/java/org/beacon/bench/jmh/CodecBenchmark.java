package org.beacon.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.Protocol;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.FrameDecoder;
import org.beacon.protocol.codec.FrameEncoder;
import org.beacon.protocol.codec.JsonMessageDecoder;
import org.beacon.protocol.json.ProtocolJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire protocol's cost per message: JSON mapping of the two frames on the hot path, a client's
 * {@code send} and the server's {@code message} event, and the whole frame codec (length prefix +
 * JSON, the same Netty handlers the server and client use, driven through an
 * {@link EmbeddedChannel}). Texts of {@code textLength} characters; results in operations per
 * microsecond (higher is better; 1 op = 1 frame).
 *
 * <p>Run: {@code java -jar bench/target/beacon-bench.jar jmh CodecBenchmark} (add {@code -p
 * textLength=200}, {@code -f 1 -wi 3 -i 5} for a quick look; {@code -prof gc} for bytes allocated
 * per frame).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    @Param({"20", "200", "2000"})
    int textLength;

    private ProtocolJson json;
    private ClientMessage.Send send;
    private ServerMessage.Message message;
    private byte[] sendJson;
    private byte[] messageJson;
    private ByteBuf messageFrame;
    private EmbeddedChannel encoder;
    private EmbeddedChannel decoder;

    @Setup
    public void setUp() {
        json = new ProtocolJson();
        String text = "x".repeat(textLength).replace("xxxxx", "abcd ");
        String sessionId = UUID.randomUUID().toString();
        String clientMsgId = UUID.randomUUID().toString();
        send = new ClientMessage.Send(42L, sessionId, clientMsgId, text);
        message = new ServerMessage.Message(sessionId, 4242, "gblue", text, Instant.parse("2026-11-24T18:05:12.345Z"),
                clientMsgId);
        sendJson = json.write(send);
        messageJson = json.write(message);
        encoder = new EmbeddedChannel(new FrameEncoder(json));
        decoder = new EmbeddedChannel(new FrameDecoder(Protocol.MAX_SERVER_FRAME),
                JsonMessageDecoder.forServerMessages(json));
        messageFrame = ByteBufAllocator.DEFAULT.buffer(messageJson.length + 4);
        messageFrame.writeInt(messageJson.length).writeBytes(messageJson);
    }

    @TearDown
    public void tearDown() {
        messageFrame.release();
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    /** Client side: a {@code send} request to JSON bytes. */
    @Benchmark
    public byte[] encodeSend() {
        return json.write(send);
    }

    /** Server side: JSON bytes to a {@code send} request. */
    @Benchmark
    public ClientMessage decodeSend() {
        return json.readClient(sendJson);
    }

    /** Server side: a {@code message} event to JSON bytes (done once per message, not per recipient). */
    @Benchmark
    public byte[] encodeMessage() {
        return json.write(message);
    }

    /** Client side: JSON bytes to a {@code message} event. */
    @Benchmark
    public ServerMessage decodeMessage() {
        return json.readServer(messageJson);
    }

    /** The server's {@link FrameEncoder} writing a {@code message} frame into a pooled buffer. */
    @Benchmark
    public int frameEncodeMessage() {
        encoder.writeOutbound(message);
        ByteBuf out = encoder.readOutbound();
        int size = out.readableBytes();
        out.release();
        return size;
    }

    /** The client's frame decoder and JSON decoder turning one {@code message} frame into an event. */
    @Benchmark
    public Object frameDecodeMessage() {
        decoder.writeInbound(messageFrame.retainedDuplicate());
        return decoder.readInbound();
    }
}
