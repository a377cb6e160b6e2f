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
            s.id, s.kind, s.title, s.initiator, s.resource_id, s.started_at, s.ended_at, s.ended_by, """
            + "(" + latestSeqOf("s.no") + ") AS latest_seq";
    /** Messages are keyed by the session's integer number (see the schema); this finds it from the id, parameter 1. */
    private static final String SESSION_NO = "(SELECT no FROM sessions WHERE id = ?1)";
    private static final String MESSAGE_COLUMNS = "seq, sender, text, sent_at, client_msg_id";

    /**
     * Every message with a lower row id has its entry in {@code message_seqs}; later ones may not
     * yet (see {@link MessageAppender}), so each query below also scans the rows from there: at
     * most a few thousand, through the rowid.
     */
    private static final String INDEXED_BELOW = "(SELECT indexed_below FROM message_seqs_state)";

    /** The ids of a session's messages in the seq range, from the index and from the rows not in it yet. */
    private static String messageIds(String sessionNo, String seqCondition, String order) {
        return "SELECT id FROM (SELECT id FROM message_seqs WHERE session_no = " + sessionNo + " AND " + seqCondition
                + " ORDER BY seq " + order + " LIMIT ?3)"
                + " UNION ALL SELECT id FROM messages WHERE id >= " + INDEXED_BELOW + " AND session_no = " + sessionNo
                + " AND " + seqCondition;
    }

    // The statements on the messages table, each answered through an index or a rowid range
    // (SqliteStoreTest checks their query plans: a full scan would make every catch-up page cost
    // O(messages)). Appends are MessageAppender's.
    static final String LATEST_SEQ = latestSeqOf(SESSION_NO);
    static final String FIND_MESSAGE = "SELECT " + MESSAGE_COLUMNS
            + " FROM messages WHERE session_no = " + SESSION_NO + " AND sender = ?2 AND client_msg_id = ?3";
    static final String MESSAGES_AFTER = "SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE id IN ("
            + messageIds(SESSION_NO, "seq > ?2", "ASC") + ") ORDER BY seq LIMIT ?3";
    static final String MESSAGES_BEFORE = "SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE id IN ("
            + messageIds(SESSION_NO, "seq < ?2", "DESC") + ") ORDER BY seq DESC LIMIT ?3";
    static final String ACTIVE_SESSIONS =
            "SELECT " + SESSION_COLUMNS + " FROM sessions s WHERE s.ended_at IS NULL ORDER BY s.started_at, s.id";

    /** The latest seq of the session with this number (an expression), 0 when it has none. */
    private static String latestSeqOf(String sessionNo) {
        return "SELECT coalesce(max(seq), 0) FROM (SELECT max(seq) AS seq FROM message_seqs WHERE session_no = "
                + sessionNo + " UNION ALL SELECT max(seq) FROM messages WHERE id >= " + INDEXED_BELOW
                + " AND session_no = " + sessionNo + ")";
    }

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

    /** The highest seq in a session, 0 when empty: the end of its part of message_seqs, and the rows not in it yet. */
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
