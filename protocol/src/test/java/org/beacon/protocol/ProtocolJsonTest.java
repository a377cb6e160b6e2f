package org.beacon.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.reply.SendResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolJsonTest {
    private final ProtocolJson json = new ProtocolJson();

    static Stream<ClientMessage> requests() {
        return SampleMessages.requests().stream();
    }

    static Stream<ServerMessage> serverMessages() {
        return SampleMessages.serverMessages().stream();
    }

    @Nested
    @DisplayName("every type round-trips")
    class RoundTrip {
        @ParameterizedTest
        @MethodSource("org.beacon.protocol.ProtocolJsonTest#requests")
        void request_roundTrips(ClientMessage request) {
            assertThat(json.readClient(json.write(request))).isEqualTo(request);
        }

        @ParameterizedTest
        @MethodSource("org.beacon.protocol.ProtocolJsonTest#serverMessages")
        void serverMessage_roundTrips(ServerMessage message) {
            assertThat(json.readServer(json.write(message))).isEqualTo(message);
        }

        @ParameterizedTest
        @MethodSource("org.beacon.protocol.ProtocolJsonTest#requests")
        void request_readsFromADirectBuffer_leavingItsPosition(ClientMessage request) {
            ByteBuffer buffer = direct(json.write(request));
            assertThat(json.readClient(buffer)).isEqualTo(request);
            assertThat(buffer.position()).isEqualTo(3);
        }

        @ParameterizedTest
        @MethodSource("org.beacon.protocol.ProtocolJsonTest#requests")
        void request_readsFromAHeapBufferSlice_leavingItsPosition(ClientMessage request) {
            byte[] frame = json.write(request);
            byte[] padded = new byte[frame.length + 5];
            System.arraycopy(frame, 0, padded, 2, frame.length);
            ByteBuffer slice = ByteBuffer.wrap(padded, 1, frame.length + 1).slice(); // array offset 1
            slice.position(1);
            assertThat(json.readClient(slice)).isEqualTo(request);
            assertThat(slice.position()).isEqualTo(1);
        }

        @ParameterizedTest
        @MethodSource("org.beacon.protocol.ProtocolJsonTest#serverMessages")
        void serverMessage_readsFromADirectBuffer(ServerMessage message) {
            assertThat(json.readServer(direct(json.write(message)))).isEqualTo(message);
        }

        @Test
        void samples_coverEveryPermittedType() {
            assertThat(SampleMessages.requests().stream().map(Object::getClass).distinct())
                    .containsExactlyInAnyOrderElementsOf(leaves(ClientMessage.class));
            assertThat(SampleMessages.serverMessages().stream().map(Object::getClass).distinct())
                    .containsExactlyInAnyOrderElementsOf(leaves(ServerMessage.class));
        }

        @Test
        void jsonSubTypes_listEveryPermittedType() {
            assertThat(listed(ClientMessage.class)).containsExactlyInAnyOrderElementsOf(leaves(ClientMessage.class));
            assertThat(listed(ServerMessage.class)).containsExactlyInAnyOrderElementsOf(leaves(ServerMessage.class));
        }
    }

    @Nested
    @DisplayName("the wire shape")
    class WireShape {
        @Test
        void fields_areSnakeCase_andTypeComesFirst() {
            String text = json.writeString(new ClientMessage.Send(12L, "s-1", "c-1", "hi"));
            assertThat(text).isEqualTo(
                    "{\"type\":\"send\",\"id\":12,\"session_id\":\"s-1\",\"client_msg_id\":\"c-1\",\"text\":\"hi\"}");
        }

        @Test
        void ok_carriesResultFieldsBesideTypeAndId() {
            ServerMessage.Ok ok = json.ok(7L, new SendResult(12, SampleMessages.AT, false));
            assertThat(json.writeString(ok)).isEqualTo(
                    "{\"type\":\"ok\",\"id\":7,\"seq\":12,\"sent_at\":\"2026-11-24T18:03:07.512Z\",\"duplicate\":false}");
            ServerMessage.Ok read = (ServerMessage.Ok) json.readServer(json.write(ok));
            assertThat(json.result(read, SendResult.class)).isEqualTo(new SendResult(12, SampleMessages.AT, false));
        }

        @Test
        void error_withoutRequestId_writesNullId() {
            String text = json.writeString(new ServerMessage.Error(null, ErrorCode.BAD_FRAME, "bad"));
            assertThat(text).isEqualTo("{\"type\":\"error\",\"id\":null,\"code\":\"BAD_FRAME\",\"message\":\"bad\"}");
        }

        @Test
        void instants_areIsoUtc() throws Exception {
            JsonNode tree = json.mapper().readTree(json.write(SampleMessages.serverMessages().get(3)));
            assertThat(tree.get("sent_at").asText()).isEqualTo("2026-11-24T18:03:07.512Z");
        }

        @Test
        void unknownFields_areIgnored_forForwardCompatibility() {
            ClientMessage read = json.readClient(
                    "{\"type\":\"ping\",\"id\":3,\"priority\":\"urgent\"}".getBytes(UTF_8));
            assertThat(read).isEqualTo(new ClientMessage.Ping(3L));
        }

        @Test
        void unknownErrorCode_readsAsUnknown() {
            ServerMessage read = json.readServer(
                    "{\"type\":\"error\",\"id\":1,\"code\":\"SOMETHING_NEW\",\"message\":\"x\"}".getBytes(UTF_8));
            assertThat(((ServerMessage.Error) read).code()).isEqualTo(ErrorCode.UNKNOWN);
        }

        @Test
        void passwords_neverAppearInToString() {
            assertThat(new ClientMessage.Login(1L, "gblue", "s3cret").toString()).doesNotContain("s3cret");
            assertThat(new ClientMessage.Resume(1L, "t0ken").toString()).doesNotContain("t0ken");
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "{\"type\":\"ping\"", "[1,2]", "42", "{}",
            "{\"id\":1}", "{\"type\":\"launch_missiles\",\"id\":1}", "{\"type\":7,\"id\":1}",
            "{\"type\":\"ping\",\"id\":1} trailing"})
        void malformedFrame_isBadFrame(String frame) {
            assertThatThrownBy(() -> json.readClient(frame.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        }

        @Test
        void knownType_missingField_isBadRequestWithId() {
            assertThatThrownBy(() -> json.readClient("{\"type\":\"login\",\"id\":5,\"username\":\"gblue\"}"
                    .getBytes(UTF_8)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                        assertThat(e.requestId()).isEqualTo(5L);
                        assertThat(e.getMessage()).contains("password");
                    });
        }

        @Test
        void knownType_wrongFieldType_isBadRequestWithId() {
            assertThatThrownBy(() -> json.readClient("{\"type\":\"ack\",\"id\":6,\"session_id\":\"s\",\"seq\":\"x\"}"
                    .getBytes(UTF_8)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                        assertThat(e.requestId()).isEqualTo(6L);
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "{\"type\":\"launch_missiles\",\"id\":1}",
            "{\"type\":\"ping\",\"id\":1} trailing"})
        void malformedFrame_inADirectBuffer_isBadFrame(String frame) {
            assertThatThrownBy(() -> json.readClient(direct(frame.getBytes(UTF_8))))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        }

        @Test
        void knownType_wrongFieldType_inADirectBuffer_isBadRequestWithId() {
            byte[] frame = "{\"type\":\"ack\",\"id\":6,\"session_id\":\"s\",\"seq\":\"x\"}".getBytes(UTF_8);
            assertThatThrownBy(() -> json.readClient(direct(frame)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                        assertThat(e.requestId()).isEqualTo(6L);
                        assertThat(e.getMessage()).contains("\"ack\"");
                    });
        }

        /** Two readers of such a request could disagree about it, so the server refuses it whole. */
        @Test
        void request_namingAFieldTwice_isBadFrame() {
            byte[] frame = "{\"type\":\"send\",\"id\":4,\"session_id\":\"s-1\",\"session_id\":\"s-2\",\"client_msg_id\":\"c\",\"text\":\"hi\"}"
                    .getBytes(UTF_8);
            for (Runnable read : List.<Runnable>of(() -> json.readClient(frame), () -> json.readClient(direct(frame)))) {
                assertThatThrownBy(read::run)
                        .isInstanceOfSatisfying(ProtocolException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME);
                            assertThat(e.getMessage()).contains("session_id");
                        });
            }
        }

        /**
         * Events are read without the parser's duplicate check (they come from the server's own
         * writer): a repeated field the client ignores costs nothing, and a repeated field of the
         * event's record is still refused, by the mapping.
         */
        @Test
        void event_namingAFieldTwice_isRefusedOnlyWhenTheFieldIsItsOwn() {
            ServerMessage read = json.readServer("{\"type\":\"im_switched\",\"enabled\":true,\"note\":1,\"note\":2}"
                    .getBytes(UTF_8));
            assertThat(read).isEqualTo(new ServerMessage.ImSwitched(true));
            assertThatThrownBy(() -> json.readServer("{\"type\":\"im_switched\",\"enabled\":true,\"enabled\":false}"
                    .getBytes(UTF_8))).isInstanceOf(ProtocolException.class);
        }

        @Test
        void invalidUtf8_isBadFrame() {
            byte[] frame = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            assertThatThrownBy(() -> json.readClient(frame))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        }
    }

    /** The bytes in a direct buffer, after three bytes of something else, as a frame arrives from the wire. */
    private static ByteBuffer direct(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(frame.length + 3);
        buffer.put(new byte[] {9, 9, 9}).put(frame).flip();
        return buffer.position(3);
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                out.addAll(leaves(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }

    private static List<Class<?>> listed(Class<?> base) {
        return Arrays.stream(base.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value).toList();
    }
}
