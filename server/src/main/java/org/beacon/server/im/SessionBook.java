package org.beacon.server.im;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every active session, indexed by id, by participant and (for private chats) by pair of users.
 * Confined to the {@link Sequencer}'s tasks: no locks, and nothing else may touch it.
 */
final class SessionBook {
    private final Map<String, LiveSession> byId = new HashMap<>();
    private final Map<String, Set<String>> byUser = new HashMap<>();
    private final Map<String, String> privateByPair = new HashMap<>();

    void add(LiveSession session) {
        byId.put(session.sessionId, session);
        for (String username : session.present()) {
            byUser.computeIfAbsent(username, u -> new LinkedHashSet<>()).add(session.sessionId);
        }
        if (session.kind == org.beacon.protocol.model.SessionKind.PRIVATE) {
            List<String> pair = session.everIn();
            if (pair.size() == 2) {
                privateByPair.putIfAbsent(pairKey(pair.get(0), pair.get(1)), session.sessionId);
            }
        }
    }

    Optional<LiveSession> get(String sessionId) {
        return Optional.ofNullable(byId.get(sessionId));
    }

    /** The active private chat between two users, if one exists. */
    Optional<LiveSession> privateChat(String a, String b) {
        String id = privateByPair.get(pairKey(a, b));
        return id == null ? Optional.empty() : get(id);
    }

    void joined(LiveSession session, String username) {
        byUser.computeIfAbsent(username, u -> new LinkedHashSet<>()).add(session.sessionId);
    }

    void left(LiveSession session, String username) {
        Set<String> ids = byUser.get(username);
        if (ids != null) {
            ids.remove(session.sessionId);
            if (ids.isEmpty()) {
                byUser.remove(username);
            }
        }
    }

    void remove(LiveSession session) {
        byId.remove(session.sessionId);
        for (String username : session.present()) {
            left(session, username);
        }
        privateByPair.values().remove(session.sessionId);
    }

    /** The active sessions the user is in now, oldest first. */
    List<LiveSession> sessionsOf(String username) {
        Set<String> ids = byUser.getOrDefault(username, Set.of());
        List<LiveSession> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(byId.get(id));
        }
        return out;
    }

    Collection<LiveSession> all() {
        return byId.values();
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }
}
