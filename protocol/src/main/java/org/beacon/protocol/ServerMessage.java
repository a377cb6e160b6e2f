package org.beacon.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.beacon.protocol.json.OkDeserializer;
import org.beacon.protocol.json.OkSerializer;
import org.beacon.protocol.model.SessionInfo;

/**
 * A frame from server to client: a reply ({@link Ok}, {@link Error}) to a request, or an event
 * pushed without an id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ServerMessage.Ok.class),
    @JsonSubTypes.Type(ServerMessage.Error.class),
    @JsonSubTypes.Type(ServerMessage.Message.class),
    @JsonSubTypes.Type(ServerMessage.SessionOpened.class),
    @JsonSubTypes.Type(ServerMessage.ParticipantJoined.class),
    @JsonSubTypes.Type(ServerMessage.ParticipantLeft.class),
    @JsonSubTypes.Type(ServerMessage.SessionEnded.class),
    @JsonSubTypes.Type(ServerMessage.Presence.class),
    @JsonSubTypes.Type(ServerMessage.ImSwitched.class),
})
public sealed interface ServerMessage {

    /** Replies to one request; events. */
    sealed interface Reply extends ServerMessage {
        /** The id of the request answered; {@code null} when the request had none. */
        Long id();
    }

    /** Pushed by the server without a request. */
    sealed interface Event extends ServerMessage {
    }

    /**
     * Success. The result's fields sit beside {@code type} and {@code id} in the same JSON object:
     * {@code {"type":"ok","id":7,"seq":12,"sent_at":"..."}}. {@code result} holds those fields.
     */
    @JsonTypeName("ok")
    @JsonSerialize(using = OkSerializer.class)
    @JsonDeserialize(using = OkDeserializer.class)
    record Ok(Long id, ObjectNode result) implements Reply {
        public Ok {
            result = result == null ? JsonNodeFactory.instance.objectNode() : result;
        }
    }

    /**
     * Failure: a stable {@code code} for programs and a {@code message} for people.
     * {@code retry_after_ms} is set with {@link ErrorCode#RATE_LIMITED}.
     */
    @JsonTypeName("error")
    record Error(
            @JsonInclude(JsonInclude.Include.ALWAYS) Long id,
            ErrorCode code,
            String message,
            Long retryAfterMs) implements Reply {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        public Error(Long id, ErrorCode code, String message) {
            this(id, code, message, null);
        }
    }

    /** A message of a session, stamped by the server. Also the element of a {@code history} page. */
    @JsonTypeName("message")
    record Message(String sessionId, long seq, String sender, String text, Instant sentAt, String clientMsgId)
            implements Event {
        public Message {
            Objects.requireNonNull(sessionId, "session_id");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(sentAt, "sent_at");
        }
    }

    /** I was added to a session (started by someone, or invited). */
    @JsonTypeName("session_opened")
    record SessionOpened(SessionInfo session) implements Event {
        public SessionOpened {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Someone was invited into a session I am in. */
    @JsonTypeName("participant_joined")
    record ParticipantJoined(String sessionId, String username, String invitedBy, Instant at) implements Event {
        public ParticipantJoined {
            Objects.requireNonNull(sessionId, "session_id");
            Objects.requireNonNull(username, "username");
        }
    }

    /** Someone left a session I am in. */
    @JsonTypeName("participant_left")
    record ParticipantLeft(String sessionId, String username, Instant at) implements Event {
        public ParticipantLeft {
            Objects.requireNonNull(sessionId, "session_id");
            Objects.requireNonNull(username, "username");
        }
    }

    /** The initiator ended a session; nothing more can be sent to it. */
    @JsonTypeName("session_ended")
    record SessionEnded(String sessionId, String endedBy, Instant endedAt) implements Event {
        public SessionEnded {
            Objects.requireNonNull(sessionId, "session_id");
        }
    }

    /** A user I subscribed to signed in or out. */
    @JsonTypeName("presence")
    record Presence(String username, boolean online) implements Event {
        public Presence {
            Objects.requireNonNull(username, "username");
        }
    }

    /** The administrator switched instant messaging on or off for the region. */
    @JsonTypeName("im_switched")
    record ImSwitched(boolean enabled) implements Event {
    }
}
