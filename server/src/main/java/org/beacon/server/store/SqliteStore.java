package org.beacon.server.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.beacon.protocol.ServerMessage;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The {@link Store} on one SQLite file: WAL mode, {@code synchronous=FULL}, foreign keys on, a
 * busy timeout so the admin CLI and a running server can share the file.
 *
 * <p>Threads: one writer with group commit ({@link GroupCommitWriter}), a few read-only
 * connections for reads ({@link ReadPool}), one daemon thread that calls the
 * {@link #onExternalChange external-change} listeners.
 *
 * <p>Message times: {@code sent_at} is stored in epoch milliseconds, the precision of the wire
 * format. {@link #insertMessage} refuses a finer instant instead of silently changing the time the
 * sender was told; stamp messages with {@code clock.instant().truncatedTo(ChronoUnit.MILLIS)}.
 */
public final class SqliteStore implements Store {
    /** How long a statement waits for another program's lock before failing with LOCKED. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BATCH = 1_000;
    static final Duration CHANGE_POLL = Duration.ofMillis(250);
    /** Least time between the starts of two commits under load (see GroupCommitWriter). */
    static final Duration COMMIT_SPACING = Duration.ofMillis(1);
    /**
     * WAL pages after which a commit checkpoints them into the database (SQLite's default is 1,000).
     * The checkpoint runs inside that COMMIT, on the writer, and costs ~8 µs per page it writes back
     * (mostly the database file's fsync): at 1,000 pages every write queued behind it waited ~7 ms,
     * the p99 of {@code steady}. At 300 the stalls are ~2 ms; the writer spends about the same time
     * in them overall (steady p99 10.0 -> 6.4 ms, capacity 10,000 -> 12,500/s; bench/README.md).
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 300;
    /**
     * How long the writer's queue stays empty before the seq index entries still waiting in memory
     * are written (MessageAppender): only a pause in the traffic, never under steady load.
     */
    static final Duration QUIET = Duration.ofMillis(20);
    private static final int READERS = 3;
    private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);

    private final Path file;
    private final Clock clock;
    /** The writer's: messages and their seq index (used on the writer thread only). */
    private final MessageAppender appender = new MessageAppender();
    private final GroupCommitWriter writer;
    private final ReadPool readers;
    private final ExecutorService notifier;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SqliteStore(Path file, Clock clock, Connection writeConnection, List<Connection> readConnections,
            Duration quiet) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "beacon-store-change-listeners");
            t.setDaemon(true);
            return t;
        });
        this.readers = new ReadPool(readConnections, file.toString());
        this.writer = new GroupCommitWriter(writeConnection, file.toString(), MAX_BATCH, CHANGE_POLL, COMMIT_SPACING,
                () -> notifier.execute(this::fireExternalChange), appender, quiet);
        this.writer.start();
    }

    /** Opens (and if needed creates and migrates) the store with the default busy timeout. */
    public static SqliteStore open(Path db, OpenMode mode, Clock clock) {
        return open(db, mode, clock, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the store.
     *
     * @throws StoreException DUPLICATE (CREATE_NEW and the file exists), NOT_FOUND (EXISTING and
     *                        it does not), INCOMPATIBLE (not a Beacon database, or a newer schema),
     *                        LOCKED or IO
     */
    public static SqliteStore open(Path db, OpenMode mode, Clock clock, Duration busyTimeout) {
        return open(db, mode, clock, busyTimeout, Schema.current());
    }

    static SqliteStore open(Path db, OpenMode mode, Clock clock, Duration busyTimeout, Schema schema) {
        return open(db, mode, clock, busyTimeout, schema, QUIET);
    }

    /** @param quiet how long the writer waits for more writes before it writes the waiting index entries */
    static SqliteStore open(Path db, OpenMode mode, Clock clock, Duration busyTimeout, Schema schema, Duration quiet) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Path file = db.toAbsolutePath().normalize();
        String name = db.toString();
        boolean fresh = createIfWanted(file, name, mode);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writeConnection = connect(file, busyTimeout, false);
            opened.add(writeConnection);
            schema.prepare(writeConnection, fresh, name);
            // After the format check, so that another program's SQLite file is never switched to WAL.
            Schema.exec(writeConnection, "PRAGMA journal_mode = WAL");
            Schema.exec(writeConnection, "PRAGMA synchronous = FULL");
            Schema.exec(writeConnection, "PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
            List<Connection> readConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = connect(file, busyTimeout, true);
                opened.add(reader);
                readConnections.add(reader);
            }
            SqliteStore store = new SqliteStore(file, clock, writeConnection, readConnections, quiet);
            log.debug("Opened {} (schema version {})", name, schema.latestVersion());
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            if (fresh) {
                deleteQuietly(file);
            }
            if (e instanceof SQLException sql) {
                throw SqlErrors.translate("open " + name, name, sql);
            }
            throw (RuntimeException) e;
        }
    }

    private static boolean createIfWanted(Path file, String name, OpenMode mode) {
        boolean exists = Files.exists(file);
        if (mode == OpenMode.EXISTING || (mode == OpenMode.CREATE_IF_MISSING && exists)) {
            if (!exists) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "no database at " + name);
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new StoreException(StoreException.Reason.IO, name + " is not a readable file");
            }
            return false;
        }
        try {
            Files.createFile(file); // atomic: two creators cannot both succeed
            return true;
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.DUPLICATE, name + " exists already", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot create " + name + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, Duration busyTimeout, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // Nothing here asks for generated keys (the appender picks row ids); left on, the driver runs an
        // extra "SELECT last_insert_rowid()" statement after every INSERT.
        config.setGetGeneratedKeys(false);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    // ---- directory and region settings ------------------------------------------------------

    @Override
    public CompletableFuture<Directory> loadDirectory() {
        return readers.submit("load directory", DirectoryRows::load);
    }

    @Override
    public CompletableFuture<RegionSettings> loadSettings() {
        return readers.submit("load settings", DirectoryRows::loadSettings);
    }

    @Override
    public void onExternalChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void fireExternalChange() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("An external-change listener failed", e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> importDirectory(List<Organization> organizations, List<Resource> resources,
                                                   List<User> users) {
        return importRegion(null, null, organizations, resources, users);
    }

    /**
     * {@link #importDirectory(List, List, List)} plus region settings, all in one transaction.
     *
     * @param regionName new region name, or {@code null} to keep it
     * @param imEnabled  new IM switch, or {@code null} to keep it
     */
    public CompletableFuture<Void> importRegion(String regionName, Boolean imEnabled, List<Organization> organizations,
                                                List<Resource> resources, List<User> users) {
        List<Organization> o = List.copyOf(organizations);
        List<Resource> r = List.copyOf(resources);
        List<User> u = List.copyOf(users);
        return writer.submit("import directory", c -> {
            if (regionName != null) {
                DirectoryRows.setRegionName(c, regionName.strip());
            }
            if (imEnabled != null) {
                DirectoryRows.setImEnabled(c, imEnabled);
            }
            for (Organization organization : o) {
                DirectoryRows.upsertOrganization(c, organization);
            }
            for (Resource resource : r) {
                DirectoryRows.upsertResource(c, resource);
            }
            for (User user : u) {
                DirectoryRows.upsertUser(c, user);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> addUser(User user) {
        Objects.requireNonNull(user, "user");
        return writer.submit("add user " + user.username(), c -> {
            DirectoryRows.insertUser(c, user);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setPasswordHash(String username, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        return writer.submit("set password of " + username, c -> {
            DirectoryRows.setPasswordHash(c, username, passwordHash);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> grant(String username, String right) {
        return writer.submit("grant " + right + " to " + username, c -> {
            DirectoryRows.grant(c, username, right);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> revoke(String username, String right) {
        return writer.submit("revoke " + right + " from " + username, c -> {
            DirectoryRows.revoke(c, username, right);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setImEnabled(boolean enabled) {
        return writer.submit("switch IM " + (enabled ? "on" : "off"), c -> {
            DirectoryRows.setImEnabled(c, enabled);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setRegionName(String regionName) {
        if (regionName == null || regionName.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("region name must not be blank"));
        }
        return writer.submit("rename region", c -> {
            DirectoryRows.setRegionName(c, regionName.strip());
            return null;
        });
    }

    /**
     * Writes a consistent snapshot with {@code VACUUM INTO} from a read connection: writers go on
     * meanwhile, and the copy is compact and opens as a normal store.
     */
    @Override
    public CompletableFuture<Void> backup(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return CompletableFuture.failedFuture(
                    new StoreException(StoreException.Reason.DUPLICATE, "backup target " + target + " exists already"));
        }
        return readers.submitWithoutTransaction("back up to " + target, c -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, absolute.toString());
                ps.execute();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<StoreStats> stats() {
        return readers.submit("read stats", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM resources),
                           (SELECT count(*) FROM users), (SELECT count(*) FROM sessions),
                           (SELECT count(*) FROM sessions WHERE ended_at IS NULL), (SELECT count(*) FROM messages)""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StoreStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), fileSize(), writer.commits(), writer.writesCommitted());
            }
        });
    }

    private long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- resume tokens ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> saveResumeToken(String tokenDigest, String username, Instant expiresAt) {
        return writer.submit("save resume token for " + username, c -> {
            TokenRows.save(c, tokenDigest, username, expiresAt, clock.instant());
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> renewResumeToken(String tokenDigest, Instant expiresAt) {
        return writer.submit("renew resume token", c -> {
            TokenRows.renew(c, tokenDigest, expiresAt);
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<String>> findResumeToken(String tokenDigest, Instant now) {
        // One statement, so no BEGIN/COMMIT around it: every resume of a reconnect storm comes here.
        return readers.submitWithoutTransaction("find resume token", c -> TokenRows.find(c, tokenDigest, now));
    }

    @Override
    public CompletableFuture<Void> deleteResumeToken(String tokenDigest) {
        return writer.submit("delete resume token", c -> {
            TokenRows.delete(c, tokenDigest);
            return null;
        });
    }

    // ---- sessions, messages, cursors ---------------------------------------------------------

    @Override
    public CompletableFuture<Void> insertSession(SessionRecord session) {
        return writer.submit("store session " + session.sessionId(), c -> {
            SessionRows.insertSession(c, session);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> addParticipants(String sessionId, List<String> usernames, Instant at) {
        List<String> copy = List.copyOf(usernames);
        return writer.submit("add participants to session " + sessionId, c -> {
            SessionRows.addParticipants(c, sessionId, copy, at);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> markLeft(String sessionId, String username, Instant at) {
        return writer.submit(username + " leaves session " + sessionId, c -> {
            SessionRows.markLeft(c, sessionId, username, at);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> markEnded(String sessionId, String endedBy, Instant at) {
        return writer.submit("end session " + sessionId, c -> {
            SessionRows.markEnded(c, sessionId, endedBy, at);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> insertMessage(ServerMessage.Message message) {
        if (message.sentAt().getNano() % 1_000_000 != 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "sent_at must be whole milliseconds (the stored and wire precision): " + message.sentAt()));
        }
        return writer.submit("store message " + message.seq() + " of session " + message.sessionId(), c -> {
            appender.insert(c, message);
            return null;
        });
    }

    @Override
    public CompletableFuture<AppendedMessage> appendMessage(String sessionId, String sender, String clientMsgId,
            String text, Instant sentAt) {
        if (sentAt.getNano() % 1_000_000 != 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "sent_at must be whole milliseconds (the stored and wire precision): " + sentAt));
        }
        return writer.submit("append a message to session " + sessionId,
                c -> appender.append(c, sessionId, sender, clientMsgId, text, sentAt));
    }

    @Override
    public CompletableFuture<Void> advanceCursor(String sessionId, String username, long seq) {
        return writer.submit("advance cursor of " + username + " in session " + sessionId, c -> {
            SessionRows.advanceCursor(c, sessionId, username, seq);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> advanceCursors(List<CursorAdvance> advances) {
        List<CursorAdvance> copy = List.copyOf(advances);
        return writer.submit("advance " + copy.size() + " cursors", c -> {
            SessionRows.advanceCursors(c, copy);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<SessionRecord>> loadActiveSessions() {
        return readers.submit("load active sessions", SessionRows::loadActive);
    }

    @Override
    public CompletableFuture<Optional<SessionRecord>> loadSession(String sessionId) {
        return readers.submit("load session " + sessionId, c -> SessionRows.load(c, sessionId));
    }

    @Override
    public CompletableFuture<Optional<ServerMessage.Message>> findMessage(String sessionId, String sender,
                                                                          String clientMsgId) {
        return readers.submit("find message", c -> SessionRows.findMessage(c, sessionId, sender, clientMsgId));
    }

    @Override
    public CompletableFuture<List<ServerMessage.Message>> messagesAfter(String sessionId, long afterSeq, int limit) {
        return readers.submit("read messages of session " + sessionId, c -> SessionRows.after(c, sessionId, afterSeq, limit));
    }

    @Override
    public CompletableFuture<List<ServerMessage.Message>> messagesBefore(String sessionId, long beforeSeq, int limit) {
        return readers.submit("read history of session " + sessionId,
                c -> SessionRows.before(c, sessionId, beforeSeq, limit));
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Runs every write submitted so far, then closes all connections. Later calls fail with CLOSED. */
    @Override
    public void close() {
        writer.close();
        readers.close();
        notifier.shutdown();
    }

    private static void closeQuietly(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("close after a failed open: {}", e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                log.warn("Could not remove the half-created {}: {}", file + suffix, e.getMessage());
            }
        }
    }
}
