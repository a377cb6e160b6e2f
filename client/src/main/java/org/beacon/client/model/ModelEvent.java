package org.beacon.client.model;

import java.util.Objects;
import org.beacon.client.net.ConnectionState;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.UserProfile;

/** What changed in a {@link ClientModel}; delivered to listeners through the model's executor. */
public sealed interface ModelEvent {

    /** The connection's state changed (e.g. for "reconnecting in 4 s"). */
    record ConnectionStateChanged(ConnectionState state) implements ModelEvent {
    }

    /** Signed in by password or resumed: my profile and whether IM is on. */
    record SignedIn(UserProfile me, boolean imEnabled, boolean resumed) implements ModelEvent {
    }

    /** The administrator switched IM on or off. */
    record ImSwitched(boolean enabled) implements ModelEvent {
    }

    record PresenceChanged(String username, boolean online) implements ModelEvent {
    }

    /** A session I am in appeared (started, invited, or found after sign-in). */
    record SessionOpened(SessionSummary session) implements ModelEvent {
    }

    /** Participants, unread count or seqs of a session changed. */
    record SessionUpdated(SessionSummary session) implements ModelEvent {
    }

    /**
     * A session ended (or was found ended after a reconnect), or I left it: then {@code endedBy}
     * is my username and the session goes on for the others, but not for me.
     */
    record SessionEnded(SessionSummary session, String endedBy) implements ModelEvent {
    }

    /** A message new to this client was added to a transcript (pushed, or my own once stored). */
    record MessageReceived(String sessionId, ServerMessage.Message message, boolean mine) implements ModelEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /** An older page was loaded into a transcript. */
    record OlderMessagesLoaded(String sessionId, int count) implements ModelEvent {
    }

    /** One of my messages is pending, sent or failed. */
    record OutboxChanged(OutgoingMessage message) implements ModelEvent {
    }
}
