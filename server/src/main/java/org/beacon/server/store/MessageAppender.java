package org.beacon.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.beacon.protocol.ServerMessage;

/**
 * Stores messages on the writer's connection, and keeps the per-session seq index
 * ({@code message_seqs}) written a group of entries at a time.
 *
 * <p>Why: an index entry per message, written in the message's own commit, put each commit's
 * messages into as many index pages as they had sessions (one at the end of each session's part),
 * and every page costs a WAL write, its share of the fsync and a copy at the checkpoint. With 300
 * busy sessions that was half the writer's CPU (bench/README.md, eighth sitting). Here a message's
 * row is written at once, under a row id and the session's next seq that this class assigns; its
 * index entry waits in memory until the session has {@link #GROUP} waiting, or until it is
 * {@link #MAX_UNINDEXED} rows old, and is then written with the others of its session, into one page.
 * When the traffic pauses (the writer's queue stays empty for a moment) with a few hundred rows
 * or more above the mark, the waiting entries are written, {@link #QUIET_SESSIONS} sessions per
 * transaction, so after a burst reads scan little.
 *
 * <p>What readers rely on: every message with a row id below {@code message_seqs_state.indexed_below}
 * has its entry in {@code message_seqs}; the rest (at most about {@link #MAX_UNINDEXED} rows) are
 * found by scanning the rows from there ({@link SessionRows}). Both change only in the writer's
 * transaction, so a reader's snapshot always holds them together. After a crash the entries that
 * were waiting in memory are simply missing; {@link #recover} adds them from the rows, which were
 * durable.
 *
 * <p>Writer thread only. What it keeps in memory (next row id, each session's number and latest
 * seq, waiting entries) follows the database: after a rollback (of a transaction, or of one write
 * to its savepoint), or a change by another program, it is thrown away and rebuilt by
 * {@link #recover} by the next transaction that stores a message (or before the current one
 * commits, if it stored one).
 */
final class MessageAppender implements GroupCommitWriter.TransactionHooks {
    /** A session's waiting index entries are written when this many have gathered. */
    static final int GROUP = 32;
    /** ...or when the oldest is this many rows behind the newest: what a read may have to scan. */
    static final int MAX_UNINDEXED = 4_096;
    /**
     * Sessions whose due entries one commit writes at most; the rest wait for the next commits.
     * Without a bound, sessions that began waiting together (all of them, after a start) fell
     * due together, and one commit in every few thousand messages wrote them all (~300 pages).
     */
    static final int SESSIONS_PER_COMMIT = 16;
    /** A pause in the traffic writes the waiting entries once reads would scan at least this many rows. */
    static final int QUIET_MIN_UNINDEXED = 256;
    /**
     * Sessions whose entries one quiet-time transaction writes: a few milliseconds at most, so that
     * a write arriving meanwhile waits little; the next pause writes the next ones.
     */
    static final int QUIET_SESSIONS = 32;
    /** Sessions kept in memory; beyond this, those without waiting entries are dropped (and reloaded when used). */
    static final int MAX_CACHED_SESSIONS = 10_000;

    private static final String INSERT = """
            INSERT INTO messages (id, session_no, seq, sender, text, sent_at, client_msg_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (client_msg_id, sender, session_no) DO NOTHING""";
    private static final String INSERT_ENTRY = "INSERT INTO message_seqs (session_no, seq, id) VALUES (?, ?, ?)";

    private final Map<String, SessionSeqs> sessions = new HashMap<>();
    /** The sessions with entries waiting, so that a commit looks at those only. */
    private final List<SessionSeqs> withWaiting = new ArrayList<>();
    private boolean needsRecovery = true;
    /** Whether this transaction stored a message through this appender. */
    private boolean used;
    private long nextId;
    private long indexedBelow;

    /** One session as the appender knows it: its number, latest seq, and index entries not yet written. */
    private static final class SessionSeqs {
        final long no;
        long latestSeq;
        long[] waitingSeqs = new long[4];
        long[] waitingIds = new long[4];
        int waiting;

        SessionSeqs(long no, long latestSeq) {
            this.no = no;
            this.latestSeq = latestSeq;
        }

        void add(long seq, long id) {
            if (waiting == waitingSeqs.length) {
                waitingSeqs = Arrays.copyOf(waitingSeqs, waiting * 2);
                waitingIds = Arrays.copyOf(waitingIds, waiting * 2);
            }
            waitingSeqs[waiting] = seq;
            waitingIds[waiting] = id;
            waiting++;
        }
    }

    /**
     * Stores a message under the session's next seq, unless this sender stored one with the same
     * client id before (a resend): then that one is returned, marked duplicate, and no seq is used.
     */
    AppendedMessage append(Connection c, String sessionId, String sender, String clientMsgId, String text,
            Instant sentAt) throws SQLException {
        prepare(c);
        SessionSeqs session = session(c, sessionId);
        long seq = session.latestSeq + 1;
        if (insertRow(c, session, seq, sender, clientMsgId, text, sentAt)) {
            session.latestSeq = seq;
            if (session.waiting == 0) {
                withWaiting.add(session);
            }
            session.add(seq, nextId++);
            return new AppendedMessage(new ServerMessage.Message(sessionId, seq, sender, text, sentAt, clientMsgId), false);
        }
        Optional<ServerMessage.Message> earlier = SessionRows.findMessage(c, sessionId, sender, clientMsgId);
        return new AppendedMessage(earlier.orElseThrow(() -> new IllegalStateException(
                "a message of " + sender + " in session " + sessionId + " was neither stored nor found")), true);
    }

    /**
     * Stores a message with the seq it carries, its index entry at once (tests and imports): a seq
     * the session has used already fails with a constraint error.
     */
    void insert(Connection c, ServerMessage.Message m) throws SQLException {
        prepare(c);
        SessionSeqs session = session(c, m.sessionId());
        writeWaiting(c, session); // so that the primary key of message_seqs sees every seq used
        if (!insertRow(c, session, m.seq(), m.sender(), m.clientMsgId(), m.text(), m.sentAt())) {
            throw new StoreException(StoreException.Reason.DUPLICATE, "session " + m.sessionId() + " has a message from "
                    + m.sender() + " with client id " + m.clientMsgId() + " already");
        }
        long id = nextId++;
        writeEntry(c, session.no, m.seq(), id);
        session.latestSeq = Math.max(session.latestSeq, m.seq());
    }

    /** Recovers first if memory was dropped; only a transaction that stores messages pays for it. */
    private void prepare(Connection c) throws SQLException {
        used = true;
        if (needsRecovery) {
            recover(c);
        }
    }

    private boolean insertRow(Connection c, SessionSeqs session, long seq, String sender, String clientMsgId,
            String text, Instant sentAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, nextId);
            ps.setLong(2, session.no);
            ps.setLong(3, seq);
            ps.setString(4, sender);
            ps.setString(5, text);
            ps.setLong(6, sentAt.toEpochMilli());
            ps.setString(7, clientMsgId);
            return ps.executeUpdate() == 1;
        }
    }

    private SessionSeqs session(Connection c, String sessionId) throws SQLException {
        SessionSeqs known = sessions.get(sessionId);
        if (known != null) {
            return known;
        }
        long no;
        try (PreparedStatement ps = c.prepareStatement("SELECT no FROM sessions WHERE id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "no session " + sessionId);
                }
                no = rs.getLong(1);
            }
        }
        SessionSeqs loaded = new SessionSeqs(no, SessionRows.latestSeq(c, sessionId));
        sessions.put(sessionId, loaded);
        return loaded;
    }

    // ---- the writer's transaction -------------------------------------------------------------

    @Override
    public void begun(Connection c) {
        used = false;
    }

    /**
     * Writes the entries that are due, and moves {@code indexed_below} up to the oldest entry
     * still waiting (or past the newest row).
     */
    @Override
    public void beforeCommit(Connection c) throws SQLException {
        if (needsRecovery) {
            if (used) { // a write of this transaction was undone to its savepoint
                recover(c);
            }
            return; // else nothing was stored: every row below indexed_below is still in the index
        }
        writeDue(c, s -> s.waiting >= GROUP || s.waitingIds[0] < nextId - MAX_UNINDEXED, SESSIONS_PER_COMMIT);
    }

    /**
     * Entries wait only while messages keep coming: in a quiet moment all are written, and reads
     * scan nothing; a few hundred rows are not worth a commit of their own (a conference at a few
     * messages a second would pay one per message).
     */
    @Override
    public boolean wantsQuietWork() {
        return !needsRecovery && nextId - indexedBelow >= QUIET_MIN_UNINDEXED;
    }

    @Override
    public void quiet(Connection c) throws SQLException {
        writeDue(c, s -> true, QUIET_SESSIONS);
    }

    /**
     * Writes the waiting entries of at most {@code most} of the sessions {@code due} picks, oldest
     * first (in the order they began waiting), and moves {@code indexed_below} up to the oldest
     * entry still waiting, or past the newest row.
     */
    private void writeDue(Connection c, Predicate<SessionSeqs> due, int most) throws SQLException {
        long below = nextId;
        int written = 0;
        for (SessionSeqs session : withWaiting) {
            if (session.waiting == 0) {
                continue; // written already, by insert()
            }
            if (written < most && due.test(session)) {
                writeWaiting(c, session);
                written++;
            } else {
                below = Math.min(below, session.waitingIds[0]);
            }
        }
        withWaiting.removeIf(session -> session.waiting == 0);
        if (below != indexedBelow) {
            setIndexedBelow(c, below);
        }
    }

    @Override
    public void committed() {
        if (sessions.size() > MAX_CACHED_SESSIONS) {
            sessions.values().removeIf(s -> s.waiting == 0);
        }
    }

    @Override
    public void rolledBack() {
        forget();
    }

    @Override
    public void externalChange() {
        forget();
    }

    /** Drops what memory holds; the next transaction starts with {@link #recover}. */
    private void forget() {
        sessions.clear();
        withWaiting.clear();
        needsRecovery = true;
    }

    /**
     * Brings {@code message_seqs} up to date with the stored rows (entries that were waiting in
     * memory when the server stopped, or when a transaction rolled back) and loads the next row
     * id. Runs inside the writer's transaction; idempotent.
     */
    private void recover(Connection c) throws SQLException {
        long below = queryLong(c, "SELECT indexed_below FROM message_seqs_state");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message_seqs (session_no, seq, id)
                SELECT session_no, seq, id FROM messages WHERE id >= ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, below);
            ps.executeUpdate();
        }
        sessions.clear();
        withWaiting.clear();
        nextId = queryLong(c, "SELECT coalesce(max(id), 0) + 1 FROM messages");
        setIndexedBelow(c, nextId);
        needsRecovery = false;
    }

    private void writeWaiting(Connection c, SessionSeqs session) throws SQLException {
        for (int i = 0; i < session.waiting; i++) {
            writeEntry(c, session.no, session.waitingSeqs[i], session.waitingIds[i]);
        }
        session.waiting = 0;
    }

    private static void writeEntry(Connection c, long sessionNo, long seq, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY)) {
            ps.setLong(1, sessionNo);
            ps.setLong(2, seq);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private void setIndexedBelow(Connection c, long below) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message_seqs_state SET indexed_below = ?")) {
            ps.setLong(1, below);
            ps.executeUpdate();
        }
        indexedBelow = below;
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(StoreException.Reason.INCOMPATIBLE, "no result for " + sql);
            }
            return rs.getLong(1);
        }
    }
}
