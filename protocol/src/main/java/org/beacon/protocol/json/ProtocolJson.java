package org.beacon.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ProtocolException;
import org.beacon.protocol.ServerMessage;

/**
 * JSON mapping of the wire protocol: snake_case fields, ISO-8601 instants, the {@code type}
 * discriminator, unknown fields ignored (so newer peers can add fields).
 *
 * <p>Reading tells two failures apart, because they are answered differently:
 * <ul>
 *   <li>not JSON, not an object, no or unknown {@code type}: {@link ErrorCode#BAD_FRAME}
 *       (the connection is closed);</li>
 *   <li>a known type with a missing or ill-typed field: {@link ErrorCode#BAD_REQUEST} carrying the
 *       request's {@code id} when it can be read (the connection stays open).</li>
 * </ul>
 * A frame may be read from a {@code byte[]} or, without copying it first, from a
 * {@link ByteBuffer} (a direct buffer's frame, as the Netty decoder hands it over).
 *
 * <p>Requests are read with the parser's duplicate-field check: a request naming any field twice
 * is {@link ErrorCode#BAD_FRAME}, so no two readers of the same request can disagree about it.
 * Replies and events, written by the server's own mapper, are read without it: the check builds a
 * set of field names for every object read, a quarter of what reading a {@code message} event
 * allocated (1,936 → 1,488 bytes, {@code CodecBenchmark.decodeMessage}). A repeated
 * field of the event's own record is still refused, by the mapping.
 *
 * <p>Thread-safe; create one per process and share it.
 */
public final class ProtocolJson {
    private final ObjectMapper mapper;
    private final ObjectReader clientReader;
    private final ObjectReader serverReader;
    private final ObjectWriter writer;

    public ProtocolJson() {
        this.mapper = newMapper();
        this.clientReader = mapper.readerFor(ClientMessage.class);
        // Duplicate detection is the factory's choice, made as each parser is created; a reader's
        // without(...) would leave the set of field names in place, so events get their own mapper.
        this.serverReader = wireMapper().build().readerFor(ServerMessage.class);
        this.writer = mapper.writer();
    }

    /** A mapper configured for the wire format, refusing duplicate fields; for tests and tools that map other types. */
    public static ObjectMapper newMapper() {
        return wireMapper().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private static JsonMapper.Builder wireMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(WireInstants.module())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ClientMessage readClient(byte[] json) {
        return read(clientReader, json, 0, json.length);
    }

    public ClientMessage readClient(byte[] json, int offset, int length) {
        return read(clientReader, json, offset, length);
    }

    public ServerMessage readServer(byte[] json) {
        return read(serverReader, json, 0, json.length);
    }

    public ServerMessage readServer(byte[] json, int offset, int length) {
        return read(serverReader, json, offset, length);
    }

    /**
     * Reads the buffer's remaining bytes (its position is left as it was): from its array where it
     * has one, else where it lies, without copying it into a new array first.
     */
    public ClientMessage readClient(ByteBuffer json) {
        return read(clientReader, json);
    }

    /** Reads the buffer's remaining bytes (its position is left as it was). */
    public ServerMessage readServer(ByteBuffer json) {
        return read(serverReader, json);
    }

    public ClientMessage readClient(InputStream json) {
        return read(clientReader, readAll(json));
    }

    public ServerMessage readServer(InputStream json) {
        return read(serverReader, readAll(json));
    }

    public byte[] write(Object message) {
        try {
            return writer.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public void write(Object message, OutputStream out) throws IOException {
        writer.writeValue(out, message);
    }

    public String writeString(Object message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** An {@code ok} reply whose fields are those of {@code result} (a record, map or {@code null}). */
    public ServerMessage.Ok ok(Long id, Object result) {
        return new ServerMessage.Ok(id, result == null ? null : mapper.valueToTree(result));
    }

    /** The result of an {@code ok} reply as the given record type. */
    public <T> T result(ServerMessage.Ok ok, Class<T> type) {
        try {
            return mapper.treeToValue(ok.result(), type);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, ok.id(),
                    "reply does not match " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private <T> T read(ObjectReader reader, byte[] json) {
        return read(reader, json, 0, json.length);
    }

    private <T> T read(ObjectReader reader, byte[] json, int offset, int length) {
        return read(() -> reader.readValue(json, offset, length),
                () -> Arrays.copyOfRange(json, offset, offset + length));
    }

    private <T> T read(ObjectReader reader, ByteBuffer json) {
        if (json.hasArray()) {
            return read(reader, json.array(), json.arrayOffset() + json.position(), json.remaining());
        }
        return read(() -> reader.readValue(new ByteBufferBackedInputStream(json.duplicate())), () -> {
            byte[] bytes = new byte[json.remaining()];
            json.duplicate().get(bytes);
            return bytes;
        });
    }

    /** One Jackson read of a frame; throws what Jackson throws. */
    private interface Parse<T> {
        T run() throws IOException;
    }

    /** Runs the read, mapping its failures to protocol errors; {@code frame} gives the bytes again to explain one. */
    private <T> T read(Parse<T> parse, Supplier<byte[]> frame) {
        try {
            return parse.run();
        } catch (StreamReadException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid JSON: " + e.getOriginalMessage());
        } catch (InvalidTypeIdException e) {
            String typeId = e.getTypeId();
            throw new ProtocolException(ErrorCode.BAD_FRAME, typeId == null
                    ? "frame has no \"type\" field"
                    : "unknown frame type \"" + typeId + "\"");
        } catch (JsonProcessingException e) {
            return rejectFields(frame.get(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame of a known type whose fields do not bind: {@code BAD_REQUEST}, or {@code BAD_FRAME} if no object. */
    private <T> T rejectFields(byte[] json, JsonProcessingException cause) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid JSON: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not a JSON object");
        }
        JsonNode id = object.get("id");
        Long requestId = id != null && id.canConvertToLong() ? id.asLong() : null;
        String type = object.path("type").asText("?");
        throw new ProtocolException(ErrorCode.BAD_REQUEST, requestId,
                "invalid \"" + type + "\" request: " + describe(cause));
    }

    private static String describe(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == e ? e.getOriginalMessage() : root.getMessage();
        if (root instanceof NullPointerException && detail != null) {
            return "missing field \"" + detail + "\"";
        }
        return detail == null ? e.getClass().getSimpleName() : detail.lines().findFirst().orElse(detail);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
