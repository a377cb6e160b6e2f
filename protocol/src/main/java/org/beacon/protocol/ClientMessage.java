package org.beacon.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Objects;

/**
 * A request from client to server. Every request carries an {@code id} of the client's choosing
 * and gets exactly one reply ({@code ok} or {@code error}) carrying the same id.
 *
 * <p>Jackson 2 does not discover permitted subtypes, so each is listed in {@link JsonSubTypes};
 * a test checks that list against {@link Class#getPermittedSubclasses()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientMessage.Hello.class),
    @JsonSubTypes.Type(ClientMessage.Login.class),
    @JsonSubTypes.Type(ClientMessage.Resume.class),
    @JsonSubTypes.Type(ClientMessage.Logout.class),
    @JsonSubTypes.Type(ClientMessage.Directory.class),
    @JsonSubTypes.Type(ClientMessage.Resource.class),
    @JsonSubTypes.Type(ClientMessage.SubscribePresence.class),
    @JsonSubTypes.Type(ClientMessage.UnsubscribePresence.class),
    @JsonSubTypes.Type(ClientMessage.StartPrivate.class),
    @JsonSubTypes.Type(ClientMessage.StartConference.class),
    @JsonSubTypes.Type(ClientMessage.Invite.class),
    @JsonSubTypes.Type(ClientMessage.Send.class),
    @JsonSubTypes.Type(ClientMessage.Ack.class),
    @JsonSubTypes.Type(ClientMessage.History.class),
    @JsonSubTypes.Type(ClientMessage.Sessions.class),
    @JsonSubTypes.Type(ClientMessage.Leave.class),
    @JsonSubTypes.Type(ClientMessage.End.class),
    @JsonSubTypes.Type(ClientMessage.Ping.class),
    @JsonSubTypes.Type(ClientMessage.Stats.class),
})
public sealed interface ClientMessage {

    /** The request id chosen by the client; echoed in the reply. May be {@code null}. */
    Long id();

    /** First frame on every connection: the protocol version the client speaks. */
    @JsonTypeName("hello")
    record Hello(Long id, int version, String client) implements ClientMessage {
    }

    /** Sign in with a password. Replies with the profile, {@code im_enabled} and a {@code resume_token}. */
    @JsonTypeName("login")
    record Login(Long id, String username, String password) implements ClientMessage {
        public Login {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /** Never prints the password: requests end up in logs and assertion messages. */
        @Override
        public String toString() {
            return "Login[id=" + id + ", username=" + username + ", password=***]";
        }
    }

    /** Sign in again on a new connection with the token from a previous login, without the password. */
    @JsonTypeName("resume")
    record Resume(Long id, String token) implements ClientMessage {
        public Resume {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Resume[id=" + id + ", token=***]";
        }
    }

    /** Sign out: the resume token is revoked and the connection closed after the reply. */
    @JsonTypeName("logout")
    record Logout(Long id) implements ClientMessage {
    }

    /** The region's organizations, resources and users. */
    @JsonTypeName("directory")
    record Directory(Long id) implements ClientMessage {
    }

    /** One resource's detail page: the resource and its users with who is online. */
    @JsonTypeName("resource")
    record Resource(Long id, String resourceId) implements ClientMessage {
        public Resource {
            Objects.requireNonNull(resourceId, "resource_id");
        }
    }

    /** Start receiving {@code presence} events for these users; replies with their current state. */
    @JsonTypeName("subscribe_presence")
    record SubscribePresence(Long id, List<String> usernames) implements ClientMessage {
        public SubscribePresence {
            usernames = List.copyOf(Objects.requireNonNull(usernames, "usernames"));
        }
    }

    /** Stop receiving {@code presence} events for these users. */
    @JsonTypeName("unsubscribe_presence")
    record UnsubscribePresence(Long id, List<String> usernames) implements ClientMessage {
        public UnsubscribePresence {
            usernames = List.copyOf(Objects.requireNonNull(usernames, "usernames"));
        }
    }

    /** Start (or return the existing active) private chat with one user. Needs the initiate right. */
    @JsonTypeName("start_private")
    record StartPrivate(Long id, String with) implements ClientMessage {
        public StartPrivate {
            Objects.requireNonNull(with, "with");
        }
    }

    /** Start a conference with these participants. Needs the initiate right. */
    @JsonTypeName("start_conference")
    record StartConference(Long id, List<String> participants, String title, String resourceId)
            implements ClientMessage {
        public StartConference {
            participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        }
    }

    /** Add users to a conference (initiator only). */
    @JsonTypeName("invite")
    record Invite(Long id, String sessionId, List<String> usernames) implements ClientMessage {
        public Invite {
            Objects.requireNonNull(sessionId, "session_id");
            usernames = List.copyOf(Objects.requireNonNull(usernames, "usernames"));
        }
    }

    /**
     * Send a message. {@code client_msg_id} is the client's unique id for it: a resend with the
     * same id is stored once and acknowledged with the original {@code seq}.
     */
    @JsonTypeName("send")
    record Send(Long id, String sessionId, String clientMsgId, String text) implements ClientMessage {
        public Send {
            Objects.requireNonNull(sessionId, "session_id");
            Objects.requireNonNull(clientMsgId, "client_msg_id");
            Objects.requireNonNull(text, "text");
        }
    }

    /** I have received (and shown) everything in this session up to and including {@code seq}. */
    @JsonTypeName("ack")
    record Ack(Long id, String sessionId, long seq) implements ClientMessage {
        public Ack {
            Objects.requireNonNull(sessionId, "session_id");
        }
    }

    /** A page of a session's transcript: up to {@code limit} messages before {@code before_seq}, oldest first. */
    @JsonTypeName("history")
    record History(Long id, String sessionId, Long beforeSeq, Integer limit) implements ClientMessage {
        public History {
            Objects.requireNonNull(sessionId, "session_id");
        }
    }

    /** My active sessions, each with my cursor and its latest {@code seq}. */
    @JsonTypeName("sessions")
    record Sessions(Long id) implements ClientMessage {
    }

    /** Leave a session; the others are told. */
    @JsonTypeName("leave")
    record Leave(Long id, String sessionId) implements ClientMessage {
        public Leave {
            Objects.requireNonNull(sessionId, "session_id");
        }
    }

    /** End a session for everyone (initiator only). */
    @JsonTypeName("end")
    record End(Long id, String sessionId) implements ClientMessage {
        public End {
            Objects.requireNonNull(sessionId, "session_id");
        }
    }

    /** Keep-alive; replies with the server's clock. */
    @JsonTypeName("ping")
    record Ping(Long id) implements ClientMessage {
    }

    /** Server statistics (connections, process CPU, heap); for operators and the load generator. */
    @JsonTypeName("stats")
    record Stats(Long id) implements ClientMessage {
    }
}
