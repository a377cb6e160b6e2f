package org.beacon.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database schema as an ordered list of {@link Migration}s, applied on open.
 *
 * <p>{@code PRAGMA application_id} marks a file as Beacon's; {@code PRAGMA user_version} holds the
 * number of the last step applied. Each step runs in its own transaction together with the
 * version bump, so a crash mid-migration leaves the previous version intact.
 *
 * <p>Instants are stored as INTEGER epoch milliseconds (UTC): exact to the millisecond the wire
 * format shows, compact, and ordered, so that {@code expires_at < ?} and {@code ORDER BY} are
 * plain integer comparisons. ISO text would not sort correctly with a varying number of fraction
 * digits.
 *
 * <p>Records stay open to new columns: a later step adds e.g. {@code messages.priority} with a
 * default, and old rows read as that default.
 */
final class Schema {
    /** "BCN1" in ASCII: tells a Beacon database from any other SQLite file. */
    static final int APPLICATION_ID = 0x42434E31;

    private static final Logger log = LoggerFactory.getLogger(Schema.class);

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "directory, region settings, sessions, participants, messages", List.of(
                    """
                    CREATE TABLE region_settings (
                        id          INTEGER PRIMARY KEY CHECK (id = 1),
                        region_name TEXT    NOT NULL,
                        im_enabled  INTEGER NOT NULL CHECK (im_enabled IN (0, 1))
                    )""",
                    "INSERT INTO region_settings (id, region_name, im_enabled) VALUES (1, 'Beacon region', 1)",
                    """
                    CREATE TABLE organizations (
                        id   TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL DEFAULT ''
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE resources (
                        id              TEXT PRIMARY KEY,
                        name            TEXT NOT NULL,
                        kind            TEXT NOT NULL DEFAULT '',
                        organization_id TEXT NOT NULL REFERENCES organizations (id)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE users (
                        username        TEXT PRIMARY KEY,
                        full_name       TEXT NOT NULL,
                        organization_id TEXT NOT NULL REFERENCES organizations (id),
                        time_zone       TEXT NOT NULL,
                        password_hash   TEXT NOT NULL DEFAULT ''
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE user_rights (
                        username   TEXT NOT NULL REFERENCES users (username),
                        right_name TEXT NOT NULL,
                        PRIMARY KEY (username, right_name)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE user_resources (
                        username    TEXT NOT NULL REFERENCES users (username),
                        resource_id TEXT NOT NULL REFERENCES resources (id),
                        PRIMARY KEY (username, resource_id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX user_resources_by_resource ON user_resources (resource_id)",
                    """
                    CREATE TABLE sessions (
                        id          TEXT    PRIMARY KEY,
                        kind        TEXT    NOT NULL CHECK (kind IN ('private', 'conference')),
                        title       TEXT,
                        initiator   TEXT    NOT NULL REFERENCES users (username),
                        resource_id TEXT    REFERENCES resources (id),
                        started_at  INTEGER NOT NULL,
                        ended_at    INTEGER,
                        ended_by    TEXT
                    ) WITHOUT ROWID""",
                    "CREATE INDEX sessions_active ON sessions (id) WHERE ended_at IS NULL",
                    """
                    CREATE TABLE participants (
                        session_id TEXT    NOT NULL REFERENCES sessions (id),
                        username   TEXT    NOT NULL REFERENCES users (username),
                        joined_at  INTEGER NOT NULL,
                        left_at    INTEGER,
                        cursor     INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (session_id, username)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE messages (
                        session_id    TEXT    NOT NULL REFERENCES sessions (id),
                        seq           INTEGER NOT NULL,
                        sender        TEXT    NOT NULL REFERENCES users (username),
                        client_msg_id TEXT,
                        text          TEXT    NOT NULL,
                        sent_at       INTEGER NOT NULL,
                        PRIMARY KEY (session_id, seq),
                        UNIQUE (session_id, sender, client_msg_id)
                    ) WITHOUT ROWID""")),
            new Migration(2, "resume tokens by digest, so clients resume across restarts", List.of(
                    """
                    CREATE TABLE resume_tokens (
                        digest     TEXT    PRIMARY KEY,
                        username   TEXT    NOT NULL REFERENCES users (username),
                        expires_at INTEGER NOT NULL
                    ) WITHOUT ROWID""",
                    "CREATE INDEX resume_tokens_by_expiry ON resume_tokens (expires_at)")),
            new Migration(3, "messages in arrival order under an integer session number", List.of(
                    // Why: the messages of all sessions were one B-tree ordered by (session id, seq),
                    // so each append landed in a different leaf and split pages of other sessions;
                    // every commit and checkpoint wrote ~4 pages per message. Rows in rowid order
                    // are appended at the end of the table, the (session, seq) index holds small
                    // integer keys, and the resend index leads with client_msg_id, so the
                    // time-ordered ids our client makes (UUID version 7) are appended at its end
                    // too: ~1.8 pages per message instead of ~4 (bench/README.md).
                    "ALTER TABLE sessions ADD COLUMN no INTEGER",
                    """
                    UPDATE sessions SET no = numbered.n
                    FROM (SELECT id, row_number() OVER (ORDER BY started_at, id) AS n FROM sessions) AS numbered
                    WHERE numbered.id = sessions.id""",
                    "CREATE UNIQUE INDEX sessions_by_no ON sessions (no)",
                    """
                    CREATE TABLE messages_by_arrival (
                        id            INTEGER PRIMARY KEY,
                        session_no    INTEGER NOT NULL REFERENCES sessions (no),
                        seq           INTEGER NOT NULL,
                        sender        TEXT    NOT NULL REFERENCES users (username),
                        client_msg_id TEXT,
                        text          TEXT    NOT NULL,
                        sent_at       INTEGER NOT NULL,
                        UNIQUE (session_no, seq),
                        UNIQUE (client_msg_id, sender, session_no)
                    )""",
                    """
                    INSERT INTO messages_by_arrival (session_no, seq, sender, client_msg_id, text, sent_at)
                    SELECT s.no, m.seq, m.sender, m.client_msg_id, m.text, m.sent_at
                    FROM messages m JOIN sessions s ON s.id = m.session_id
                    ORDER BY m.sent_at, s.no, m.seq""",
                    "DROP TABLE messages",
                    "ALTER TABLE messages_by_arrival RENAME TO messages")),
            new Migration(4, "the per-session seq index written in groups, apart from the messages", List.of(
                    // Why: each message added an entry at the end of its session's part of the
                    // (session_no, seq) index, so a commit of N messages to N sessions wrote ~N
                    // index pages to the WAL and the checkpoint copied them again: half the
                    // writer's CPU with 300 busy sessions (bench/README.md, eighth sitting). Now
                    // the writer assigns seqs itself and adds a session's entries to message_seqs
                    // some at a time (MessageAppender); messages with an id at or above
                    // message_seqs_state.indexed_below may not be in it yet, and reads look there too.
                    """
                    CREATE TABLE messages_v4 (
                        id            INTEGER PRIMARY KEY,
                        session_no    INTEGER NOT NULL REFERENCES sessions (no),
                        seq           INTEGER NOT NULL,
                        sender        TEXT    NOT NULL REFERENCES users (username),
                        client_msg_id TEXT,
                        text          TEXT    NOT NULL,
                        sent_at       INTEGER NOT NULL,
                        UNIQUE (client_msg_id, sender, session_no)
                    )""",
                    """
                    INSERT INTO messages_v4 (id, session_no, seq, sender, client_msg_id, text, sent_at)
                    SELECT id, session_no, seq, sender, client_msg_id, text, sent_at FROM messages ORDER BY id""",
                    "DROP TABLE messages",
                    "ALTER TABLE messages_v4 RENAME TO messages",
                    """
                    CREATE TABLE message_seqs (
                        session_no INTEGER NOT NULL,
                        seq        INTEGER NOT NULL,
                        id         INTEGER NOT NULL,
                        PRIMARY KEY (session_no, seq)
                    ) WITHOUT ROWID""",
                    "INSERT INTO message_seqs (session_no, seq, id) SELECT session_no, seq, id FROM messages",
                    """
                    CREATE TABLE message_seqs_state (
                        id            INTEGER PRIMARY KEY CHECK (id = 1),
                        indexed_below INTEGER NOT NULL
                    )""",
                    """
                    INSERT INTO message_seqs_state (id, indexed_below)
                    VALUES (1, (SELECT coalesce(max(id), 0) + 1 FROM messages))""")));

    private final List<Migration> migrations;

    Schema(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " has version " + migrations.get(i).version());
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    static Schema current() {
        return new Schema(MIGRATIONS);
    }

    int latestVersion() {
        return migrations.size();
    }

    /**
     * Checks that the open connection holds a Beacon database this program can use and brings it
     * to {@link #latestVersion()}.
     *
     * @param fresh whether the file was just created by us (then an empty database is initialised)
     * @param db    the file name for messages
     */
    void prepare(Connection connection, boolean fresh, String db) throws SQLException {
        int applicationId = intPragma(connection, "application_id");
        int version = intPragma(connection, "user_version");
        if (applicationId != APPLICATION_ID) {
            if (!(fresh && applicationId == 0 && version == 0 && isEmpty(connection))) {
                throw new StoreException(StoreException.Reason.INCOMPATIBLE, db + " is not a Beacon database");
            }
            exec(connection, "PRAGMA application_id = " + APPLICATION_ID);
        }
        if (version > latestVersion()) {
            throw new StoreException(StoreException.Reason.INCOMPATIBLE, db + " has schema version " + version
                    + ", newer than this program knows (" + latestVersion() + "); use a newer Beacon server");
        }
        for (Migration step : migrations.subList(version, migrations.size())) {
            apply(connection, step);
        }
    }

    private static void apply(Connection connection, Migration step) throws SQLException {
        exec(connection, "BEGIN IMMEDIATE");
        try (Statement statement = connection.createStatement()) {
            for (String sql : step.statements()) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + step.version());
            statement.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            exec(connection, "ROLLBACK");
            throw e;
        }
        log.info("Database schema migrated to version {}: {}", step.version(), step.description());
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void exec(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
