package org.beacon.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionKind;
import org.beacon.server.store.SessionRecord.ParticipantRecord;

/** SQL for sessions, participants with their delivery cursors, and messages. */
final class SessionRows {
    private static final String SESSION_COLUMNS = """
            s.id, s.kind, s.title, s.initiator, s.resource_id, s.started_at, s.ended_at, s.ended_by,
            (SELECT coalesce(max(m.seq), 0) FROM messages m WHERE m.session_no = s.no) AS latest_seq""";
    /** Messages are keyed by the session's integer number (see the schema); this finds it from the id. */
    private static final String SESSION_NO = "(SELECT no FROM sessions WHERE id = ?)";
    private static final String MESSAGE_COLUMNS = "seq, sender, text, sent_at, client_msg_id";

    // The statements on the messages table, each answered through an index (SqliteStoreTest checks
    // their query plans: a full scan would make every append or catch-up page cost O(messages)).
    static final String APPEND = """
            INSERT INTO messages (session_no, seq, sender, text, sent_at, client_msg_id)
            SELECT s.no, coalesce((SELECT max(m.seq) FROM messages m WHERE m.session_no = s.no), 0) + 1,
                   ?2, ?3, ?4, ?5
            FROM sessions s WHERE s.id = ?1
            ON CONFLICT (client_msg_id, sender, session_no) DO NOTHING
            RETURNING seq""";
    static final String LATEST_SEQ = "SELECT coalesce(max(seq), 0) FROM messages WHERE session_no = " + SESSION_NO;
    static final String FIND_MESSAGE = "SELECT " + MESSAGE_COLUMNS
            + " FROM messages WHERE session_no = " + SESSION_NO + " AND sender = ? AND client_msg_id = ?";
    static final String MESSAGES_AFTER = "SELECT " + MESSAGE_COLUMNS
            + " FROM messages WHERE session_no = " + SESSION_NO + " AND seq > ? ORDER BY seq LIMIT ?";
    static final String MESSAGES_BEFORE = "SELECT " + MESSAGE_COLUMNS
            + " FROM messages WHERE session_no = " + SESSION_NO + " AND seq < ? ORDER BY seq DESC LIMIT ?";
    static final String ACTIVE_SESSIONS =
            "SELECT " + SESSION_COLUMNS + " FROM sessions s WHERE s.ended_at IS NULL ORDER BY s.started_at, s.id";

    private SessionRows() {
    }

    static void insertSession(Connection c, SessionRecord s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sessions (id, kind, title, initiator, resource_id, started_at, ended_at, ended_by, no)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(no), 0) + 1 FROM sessions))""")) {
            ps.setString(1, s.sessionId());
            ps.setString(2, s.kind().wireName());
            ps.setString(3, s.title());
            ps.setString(4, s.initiator());
            ps.setString(5, s.resourceId());
            ps.setLong(6, s.startedAt().toEpochMilli());
            setInstant(ps, 7, s.endedAt());
            ps.setString(8, s.endedBy());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO participants (session_id, username, joined_at, left_at, cursor) VALUES (?, ?, ?, ?, ?)""")) {
            for (ParticipantRecord p : s.participants()) {
                ps.setString(1, s.sessionId());
                ps.setString(2, p.username());
                ps.setLong(3, p.joinedAt().toEpochMilli());
                setInstant(ps, 4, p.leftAt());
                ps.setLong(5, p.cursor());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Adds users to a session with their cursor at the latest seq (newcomers read what came before
     * with history); one who had left is back with the cursor raised to at least that; one present
     * is unchanged.
     */
    static void addParticipants(Connection c, String sessionId, List<String> usernames, Instant at) throws SQLException {
        long latest = latestSeq(c, sessionId);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO participants (session_id, username, joined_at, cursor) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, username) DO UPDATE
                SET cursor = CASE WHEN left_at IS NULL THEN cursor ELSE max(cursor, excluded.cursor) END,
                    left_at = NULL""")) {
            for (String username : usernames) {
                ps.setString(1, sessionId);
                ps.setString(2, username);
                ps.setLong(3, at.toEpochMilli());
                ps.setLong(4, latest);
                ps.executeUpdate();
            }
        }
    }

    static void markLeft(Connection c, String sessionId, String username, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE participants SET left_at = coalesce(left_at, ?) WHERE session_id = ? AND username = ?""")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, sessionId);
            ps.setString(3, username);
            if (ps.executeUpdate() == 0) {
                throw new StoreException(StoreException.Reason.NOT_FOUND,
                        "\"" + username + "\" is not a participant of session " + sessionId);
            }
        }
    }

    /** Ends a session; ending one that has ended already keeps the first end. */
    static void markEnded(Connection c, String sessionId, String endedBy, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE sessions SET ended_at = coalesce(ended_at, ?),
                    ended_by = CASE WHEN ended_at IS NULL THEN ? ELSE ended_by END
                WHERE id = ?""")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, endedBy);
            ps.setString(3, sessionId);
            if (ps.executeUpdate() == 0) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no session " + sessionId);
            }
        }
    }

    static void insertMessage(Connection c, ServerMessage.Message m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (session_no, " + MESSAGE_COLUMNS
                + ") SELECT no, ?, ?, ?, ?, ? FROM sessions WHERE id = ?")) {
            ps.setLong(1, m.seq());
            ps.setString(2, m.sender());
            ps.setString(3, m.text());
            ps.setLong(4, m.sentAt().toEpochMilli());
            ps.setString(5, m.clientMsgId());
            ps.setString(6, m.sessionId());
            if (ps.executeUpdate() == 0) {
                throw noSession(m.sessionId());
            }
        }
    }

    /**
     * Stores a message under the session's next seq, unless this sender stored one with the same
     * client id before (a resend): then that one is returned, marked duplicate, and no seq is used.
     * One statement in the common case: the next seq is computed inside the INSERT (a lookup at the
     * end of the (session, seq) index), the unique (client id, sender, session) index turns a resend
     * into no row, and RETURNING hands back the seq. Runs in the writer's transaction, so seqs have
     * no gaps.
     */
    static AppendedMessage append(Connection c, String sessionId, String sender, String clientMsgId, String text,
            Instant sentAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(APPEND)) {
            ps.setString(1, sessionId);
            ps.setString(2, sender);
            ps.setString(3, text);
            ps.setLong(4, sentAt.toEpochMilli());
            ps.setString(5, clientMsgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new AppendedMessage(
                            new ServerMessage.Message(sessionId, rs.getLong(1), sender, text, sentAt, clientMsgId), false);
                }
            }
        }
        Optional<ServerMessage.Message> earlier = findMessage(c, sessionId, sender, clientMsgId);
        if (earlier.isPresent()) {
            return new AppendedMessage(earlier.get(), true);
        }
        throw noSession(sessionId); // no row and no earlier copy: the session does not exist
    }

    private static StoreException noSession(String sessionId) {
        return new StoreException(StoreException.Reason.NOT_FOUND, "no session " + sessionId);
    }

    /** The highest seq in a session, 0 when empty (a lookup at the end of the (session, seq) index). */
    static long latestSeq(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST_SEQ)) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String ADVANCE_CURSOR = """
            UPDATE participants SET cursor = max(cursor, ?) WHERE session_id = ? AND username = ?""";

    /** Raises each cursor; one of a non-participant changes nothing. */
    static void advanceCursors(Connection c, List<CursorAdvance> advances) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADVANCE_CURSOR)) {
            for (CursorAdvance advance : advances) {
                ps.setLong(1, advance.seq());
                ps.setString(2, advance.sessionId());
                ps.setString(3, advance.username());
                ps.executeUpdate();
            }
        }
    }

    static void advanceCursor(Connection c, String sessionId, String username, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADVANCE_CURSOR)) {
            ps.setLong(1, seq);
            ps.setString(2, sessionId);
            ps.setString(3, username);
            if (ps.executeUpdate() == 0) {
                throw new StoreException(StoreException.Reason.NOT_FOUND,
                        "\"" + username + "\" is not a participant of session " + sessionId);
            }
        }
    }

    /** Two queries whatever the number of sessions: the sessions with their latest seq, then all their participants. */
    static List<SessionRecord> loadActive(Connection c) throws SQLException {
        Map<String, List<ParticipantRecord>> participants = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.session_id, p.username, p.joined_at, p.left_at, p.cursor
                FROM participants p JOIN sessions s ON s.id = p.session_id
                WHERE s.ended_at IS NULL
                ORDER BY p.session_id, p.joined_at, p.username""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                participants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(participant(rs));
            }
        }
        List<SessionRecord> sessions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ACTIVE_SESSIONS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sessions.add(session(rs, participants.getOrDefault(rs.getString(1), List.of())));
            }
        }
        return sessions;
    }

    static Optional<SessionRecord> load(Connection c, String sessionId) throws SQLException {
        List<ParticipantRecord> participants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT session_id, username, joined_at, left_at, cursor FROM participants
                WHERE session_id = ? ORDER BY joined_at, username""")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    participants.add(participant(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM sessions s WHERE s.id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(session(rs, participants)) : Optional.empty();
            }
        }
    }

    static Optional<ServerMessage.Message> findMessage(Connection c, String sessionId, String sender, String clientMsgId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_MESSAGE)) {
            ps.setString(1, sessionId);
            ps.setString(2, sender);
            ps.setString(3, clientMsgId);
            List<ServerMessage.Message> found = messages(ps, sessionId);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    static List<ServerMessage.Message> after(Connection c, String sessionId, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MESSAGES_AFTER)) {
            ps.setString(1, sessionId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            return messages(ps, sessionId);
        }
    }

    static List<ServerMessage.Message> before(Connection c, String sessionId, long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MESSAGES_BEFORE)) {
            ps.setString(1, sessionId);
            ps.setLong(2, beforeSeq);
            ps.setInt(3, limit);
            List<ServerMessage.Message> newestFirst = messages(ps, sessionId);
            Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    /** The messages a query over {@link #MESSAGE_COLUMNS} of one session finds. */
    private static List<ServerMessage.Message> messages(PreparedStatement ps, String sessionId) throws SQLException {
        List<ServerMessage.Message> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new ServerMessage.Message(sessionId, rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)));
            }
        }
        return result;
    }

    private static ParticipantRecord participant(ResultSet rs) throws SQLException {
        return new ParticipantRecord(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), instant(rs, 4), rs.getLong(5));
    }

    private static SessionRecord session(ResultSet rs, List<ParticipantRecord> participants) throws SQLException {
        return new SessionRecord(rs.getString(1), kind(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7), rs.getString(8),
                participants, rs.getLong(9));
    }

    private static SessionKind kind(String wireName) {
        for (SessionKind kind : SessionKind.values()) {
            if (kind.wireName().equals(wireName)) {
                return kind;
            }
        }
        throw new StoreException(StoreException.Reason.INCOMPATIBLE, "unknown session kind in database: " + wireName);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }
}
