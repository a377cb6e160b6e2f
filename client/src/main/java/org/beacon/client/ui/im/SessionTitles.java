package org.beacon.client.ui.im;

import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;

/** How a session is named to the viewer: "Chat with ablack", or the conference's title. */
public final class SessionTitles {
    private SessionTitles() {
    }

    public static String of(SessionInfo session, String me) {
        if (session.kind() == SessionKind.PRIVATE) {
            String other = session.participants().stream().filter(p -> !p.equals(me)).findFirst()
                    .orElse(session.initiator().equals(me) ? "" : session.initiator());
            return "Chat with " + other;
        }
        if (session.title() != null && !session.title().isBlank()) {
            return session.title();
        }
        return "Conference of " + session.initiator();
    }
}
