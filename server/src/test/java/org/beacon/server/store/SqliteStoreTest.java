package org.beacon.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.beacon.server.store.StoreAssertions.await;
import static org.beacon.server.store.StoreAssertions.failureReason;
import static org.beacon.server.testing.TestRegion.CLOCK;
import static org.beacon.server.testing.TestRegion.T0;
import static org.beacon.server.testing.TestRegion.aMessage;
import static org.beacon.server.testing.TestRegion.aSession;
import static org.beacon.server.testing.TestRegion.aUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.Rights;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.awaitility.Awaitility;
import org.beacon.server.testing.TestRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    @TempDir
    Path dir;
    Path db;
    SqliteStore store;

    @BeforeEach
    void createStore() {
        db = dir.resolve("region.db");
        store = SqliteStore.open(db, OpenMode.CREATE_NEW, CLOCK);
        await(store.importDirectory(TestRegion.organizations(), TestRegion.resources(), TestRegion.users()));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private SqliteStore reopen() {
        store.close();
        store = SqliteStore.open(db, OpenMode.EXISTING, CLOCK);
        return store;
    }

    /** Holds the database's write lock from another connection, as another program would. */
    private static Connection holdWriteLock(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        return c;
    }

    private static void release(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement()) {
            s.execute("ROLLBACK");
        }
        lock.close();
    }

    @Nested
    @DisplayName("opening")
    class Opening {
        @Test
        void createNew_fileExists_failsWithDuplicate() {
            assertThatThrownBy(() -> SqliteStore.open(db, OpenMode.CREATE_NEW, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.DUPLICATE));
        }

        @Test
        void existing_missingFile_failsWithNotFoundAndCreatesNothing() {
            Path missing = dir.resolve("missing.db");
            assertThatThrownBy(() -> SqliteStore.open(missing, OpenMode.EXISTING, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("no database at")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
            assertThat(missing).doesNotExist();
        }

        @Test
        void existing_textFile_failsWithIncompatible() throws Exception {
            Path text = dir.resolve("notes.db");
            Files.writeString(text, "shopping list: bandages, gauze, coffee ".repeat(100));
            assertThatThrownBy(() -> SqliteStore.open(text, OpenMode.EXISTING, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("not a database")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.INCOMPATIBLE));
        }

        @Test
        void existing_otherProgramsSqliteFile_failsWithIncompatibleAndIsLeftUnchanged() throws Exception {
            Path other = dir.resolve("other.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x)");
            }
            assertThatThrownBy(() -> SqliteStore.open(other, OpenMode.EXISTING, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("not a Beacon database")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.INCOMPATIBLE));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
                assertThat(Schema.intPragma(c, "application_id")).isZero();
            }
        }

        @Test
        void newerSchemaVersion_isRefusedWithIncompatible() throws Exception {
            store.close();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + (Schema.current().latestVersion() + 1));
            }
            assertThatThrownBy(() -> SqliteStore.open(db, OpenMode.EXISTING, CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("newer than this program knows")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.INCOMPATIBLE));
        }

        /** A database created by the schema up to {@code version}, with the test directory imported. */
        private Path olderDatabase(String name, int version) {
            Path db = dir.resolve(name);
            Schema older = new Schema(Schema.MIGRATIONS.subList(0, version));
            try (SqliteStore old = SqliteStore.open(db, OpenMode.CREATE_NEW, CLOCK, Duration.ofSeconds(5), older)) {
                await(old.importDirectory(TestRegion.organizations(), TestRegion.resources(), TestRegion.users()));
            }
            return db;
        }

        @Test
        void versionTwoDatabase_migratesItsMessages_keepingSeqsOrderAndResendDetection() throws Exception {
            Path v2 = olderDatabase("v2.db", 2);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v2); Statement s = c.createStatement()) {
                // The version 2 layout, written as that version's code did.
                s.execute("INSERT INTO sessions (id, kind, initiator, started_at) VALUES ('b', 'private', 'alice', 2000)");
                s.execute("INSERT INTO sessions (id, kind, initiator, started_at) VALUES ('a', 'conference', 'bob', 1000)");
                s.execute("INSERT INTO participants (session_id, username, joined_at, cursor) VALUES "
                        + "('a', 'alice', 1000, 1), ('a', 'bob', 1000, 2), ('b', 'alice', 2000, 0), ('b', 'carol', 2000, 0)");
                s.execute("INSERT INTO messages (session_id, seq, sender, client_msg_id, text, sent_at) VALUES "
                        + "('a', 1, 'bob', 'x-1', 'a one', 1100), ('b', 1, 'alice', 'x-1', 'b one', 2100), "
                        + "('a', 2, 'alice', 'y-1', 'a two', 2200), ('b', 2, 'carol', 'z-1', 'b two', 2300)");
            }

            try (SqliteStore migrated = SqliteStore.open(v2, OpenMode.EXISTING, CLOCK)) {
                assertThat(await(migrated.loadActiveSessions())).extracting(SessionRecord::sessionId, SessionRecord::latestSeq)
                        .containsExactly(tuple("a", 2L), tuple("b", 2L));
                assertThat(await(migrated.messagesAfter("a", 0, 10))).containsExactly(
                        new ServerMessage.Message("a", 1, "bob", "a one", Instant.ofEpochMilli(1100), "x-1"),
                        new ServerMessage.Message("a", 2, "alice", "a two", Instant.ofEpochMilli(2200), "y-1"));
                assertThat(await(migrated.messagesAfter("b", 1, 10))).extracting(ServerMessage.Message::text)
                        .containsExactly("b two");

                AppendedMessage resent = await(migrated.appendMessage("b", "alice", "x-1", "b one again", T0));
                assertThat(resent.duplicate()).isTrue();
                assertThat(resent.message().seq()).isEqualTo(1);
                assertThat(await(migrated.appendMessage("a", "bob", "x-2", "a three", T0)).message().seq()).isEqualTo(3);

                await(migrated.insertSession(aSession("c", "carol", List.of("carol", "alice"))));
                assertThat(await(migrated.appendMessage("c", "carol", "x-1", "c one", T0)).message().seq()).isEqualTo(1);
                assertThat(await(migrated.messagesAfter("a", 2, 10))).extracting(ServerMessage.Message::text)
                        .containsExactly("a three");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v2); Statement s = c.createStatement()) {
                assertThat(Schema.intPragma(c, "user_version")).isEqualTo(Schema.current().latestVersion());
                try (ResultSet rs = s.executeQuery("SELECT id, no FROM sessions ORDER BY no")) {
                    List<String> byNumber = new ArrayList<>();
                    while (rs.next()) {
                        byNumber.add(rs.getString(1) + rs.getLong(2));
                    }
                    assertThat(byNumber).as("numbered by start, new ones after").containsExactly("a1", "b2", "c3");
                }
                try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                    assertThat(rs.next()).as("foreign keys hold").isFalse();
                }
            }
        }

        @Test
        void versionOneDatabase_opensAndMigratesToLatest_keepingItsData() throws Exception {
            Path v1 = olderDatabase("v1.db", 1);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v1)) {
                assertThat(Schema.intPragma(c, "user_version")).isEqualTo(1);
            }

            try (SqliteStore migrated = SqliteStore.open(v1, OpenMode.EXISTING, CLOCK)) {
                assertThat(await(migrated.loadDirectory()).users()).hasSize(3);
                await(migrated.saveResumeToken("digest", "alice", T0.plusSeconds(60)));
                assertThat(await(migrated.findResumeToken("digest", T0))).contains("alice");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v1)) {
                assertThat(Schema.intPragma(c, "user_version")).isEqualTo(Schema.current().latestVersion());
            }
        }

        @Test
        void createIfMissing_createsThenOpensTheSameFile() {
            Path other = dir.resolve("lazy.db");
            try (SqliteStore first = SqliteStore.open(other, OpenMode.CREATE_IF_MISSING, CLOCK)) {
                await(first.setRegionName("Lazy County"));
            }
            try (SqliteStore second = SqliteStore.open(other, OpenMode.CREATE_IF_MISSING, CLOCK)) {
                assertThat(await(second.loadSettings()).regionName()).isEqualTo("Lazy County");
            }
        }

        @Test
        void reopen_keepsDirectorySettingsSessionsMessagesAndCursors() {
            await(store.setImEnabled(false));
            await(store.setRegionName("Test County"));
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
            await(store.insertMessage(aMessage("s1", 1, "alice")));
            await(store.insertMessage(aMessage("s1", 2, "bob")));
            await(store.advanceCursor("s1", "bob", 2));

            reopen();

            assertThat(await(store.loadSettings())).isEqualTo(new RegionSettings("Test County", false));
            assertThat(await(store.loadDirectory()).users()).extracting(User::username)
                    .containsExactlyInAnyOrder("alice", "bob", "carol");
            assertThat(await(store.messagesAfter("s1", 0, 10)))
                    .containsExactly(aMessage("s1", 1, "alice"), aMessage("s1", 2, "bob"));
            SessionRecord s1 = await(store.loadSession("s1")).orElseThrow();
            assertThat(s1.latestSeq()).isEqualTo(2);
            assertThat(s1.participants()).extracting(SessionRecord.ParticipantRecord::cursor).containsExactly(0L, 2L);
        }

        @Test
        void newDatabase_usesWalAndFullSync() throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                    assertThat(rs.getString(1)).isEqualTo("wal");
                }
                assertThat(Schema.intPragma(c, "application_id")).isEqualTo(Schema.APPLICATION_ID);
            }
        }
    }

    @Nested
    @DisplayName("directory and settings")
    class DirectoryAndSettings {
        @Test
        void importDirectory_thenLoad_returnsEverythingWithRightsAndResources() {
            User dispatcher = new User("dave", "Dave Dispatcher", "st-mary", "America/Denver", "",
                    Set.of(Rights.INITIATE_IM), List.of("st-mary-er", "station-1"));
            await(store.importDirectory(List.of(), List.of(), List.of(dispatcher)));

            Directory directory = await(store.loadDirectory());
            assertThat(directory.organizations()).containsExactlyInAnyOrderElementsOf(TestRegion.organizations());
            assertThat(directory.resources()).containsExactlyInAnyOrderElementsOf(TestRegion.resources());
            User loaded = directory.user("dave").orElseThrow();
            assertThat(loaded).isEqualTo(new User("dave", "Dave Dispatcher", "st-mary", "America/Denver", "",
                    Set.of(Rights.INITIATE_IM), List.of("st-mary-er", "station-1")));
            assertThat(directory.usersOf("st-mary-er")).extracting(User::username).containsExactly("dave");
        }

        @Test
        void importDirectory_userWithoutHash_keepsTheExistingPassword() {
            await(store.importDirectory(List.of(), List.of(), List.of(aUser("alice", ""))));
            assertThat(await(store.loadDirectory()).user("alice").orElseThrow().passwordHash()).isEqualTo("hash-a");
        }

        @Test
        void importDirectory_unknownOrganization_failsWholeImport() {
            User stray = new User("zed", "Zed", "no-such-org", "UTC", "", Set.of(), List.of());
            CompletableFuture<Void> result = store.importDirectory(List.of(), List.of(), List.of(aUser("new1", ""), stray));
            assertThat(failureReason(result)).isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(await(store.loadDirectory()).user("new1")).isEmpty();
        }

        @Test
        void addUser_existingUsername_failsWithDuplicate() {
            assertThat(failureReason(store.addUser(aUser("alice", "x")))).isEqualTo(StoreException.Reason.DUPLICATE);
            assertThat(await(store.loadDirectory()).user("alice").orElseThrow().passwordHash()).isEqualTo("hash-a");
        }

        @Test
        void setPasswordHash_unknownUser_failsWithNotFound() {
            assertThat(failureReason(store.setPasswordHash("nobody", "h"))).isEqualTo(StoreException.Reason.NOT_FOUND);
        }

        @Test
        void grantAndRevoke_changeRights_andUnknownUserIsNotFound() {
            await(store.grant("bob", Rights.INITIATE_IM));
            await(store.grant("bob", Rights.INITIATE_IM));
            assertThat(await(store.loadDirectory()).user("bob").orElseThrow().rights()).containsExactly(Rights.INITIATE_IM);
            await(store.revoke("bob", Rights.INITIATE_IM));
            assertThat(await(store.loadDirectory()).user("bob").orElseThrow().rights()).isEmpty();
            assertThat(failureReason(store.grant("nobody", Rights.INITIATE_IM))).isEqualTo(StoreException.Reason.NOT_FOUND);
        }

        @Test
        void newRegion_hasImOn() {
            assertThat(await(store.loadSettings()).imEnabled()).isTrue();
        }
    }

    @Nested
    @DisplayName("group commit")
    class GroupCommit {
        @Test
        void manyWritesFromOneThread_completeInCallOrder_inFewerCommitsThanWrites() throws Exception {
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
            StoreStats before = await(store.stats());
            List<Long> completionOrder = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> futures = new ArrayList<>();

            Connection lock = holdWriteLock(db); // queue builds up behind it, as under load
            for (long seq = 1; seq <= 1_000; seq++) {
                long s = seq;
                futures.add(store.insertMessage(aMessage("s1", seq, "alice")).thenRun(() -> completionOrder.add(s)));
            }
            release(lock);
            await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));

            assertThat(completionOrder).containsExactlyElementsOf(LongStream.rangeClosed(1, 1_000).boxed().toList());
            StoreStats after = await(store.stats());
            assertThat(after.writesCommitted() - before.writesCommitted()).isEqualTo(1_000);
            assertThat(after.commits() - before.commits()).isLessThanOrEqualTo(3);
            reopen();
            assertThat(await(store.messagesAfter("s1", 0, 2_000))).hasSize(1_000);
        }

        @Test
        void concurrentWritersOnManyThreads_allDurable_eachThreadInItsOwnOrder() throws Exception {
            int threads = 6;
            int perThread = 300;
            for (int t = 0; t < threads; t++) {
                await(store.insertSession(aSession("s" + t, "alice", List.of("alice", "bob"))));
            }
            List<List<Long>> orders = new ArrayList<>();
            List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Long> order = Collections.synchronizedList(new ArrayList<>());
                orders.add(order);
                String session = "s" + t;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (long seq = 1; seq <= perThread; seq++) {
                        long s = seq;
                        futures.add(store.insertMessage(aMessage(session, s, "bob")).thenRun(() -> order.add(s)));
                    }
                });
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join(10_000);
            }
            await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));

            List<Long> expected = LongStream.rangeClosed(1, perThread).boxed().toList();
            assertThat(orders).allSatisfy(order -> assertThat(order).containsExactlyElementsOf(expected));
            StoreStats stats = await(store.stats());
            assertThat(stats.commits()).isLessThan(stats.writesCommitted());
            reopen();
            for (int t = 0; t < threads; t++) {
                assertThat(await(store.messagesAfter("s" + t, 0, 1_000))).extracting(ServerMessage.Message::seq)
                        .containsExactlyElementsOf(expected);
            }
        }

        @Test
        void failingWrites_failAlone_andTheRestOfTheirBatchCommits() throws Exception {
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
            StoreStats before = await(store.stats());

            Connection lock = holdWriteLock(db);
            CompletableFuture<Void> first = store.insertMessage(aMessage("s1", 1, "alice"));
            CompletableFuture<Void> sameSeq = store.insertMessage(
                    new ServerMessage.Message("s1", 1, "bob", "other", T0, "other-id"));
            CompletableFuture<Void> unknownSender = store.insertMessage(aMessage("s1", 2, "nobody"));
            CompletableFuture<Void> sameClientId = store.insertMessage(
                    new ServerMessage.Message("s1", 3, "alice", "resend", T0, "c-1"));
            CompletableFuture<Void> last = store.insertMessage(aMessage("s1", 4, "bob"));
            release(lock);

            await(last);
            assertThat(first).isCompleted().isNotCompletedExceptionally();
            assertThat(failureReason(sameSeq)).isEqualTo(StoreException.Reason.DUPLICATE);
            assertThat(failureReason(unknownSender)).isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(failureReason(sameClientId)).isEqualTo(StoreException.Reason.DUPLICATE);
            StoreStats after = await(store.stats());
            assertThat(after.writesCommitted() - before.writesCommitted()).isEqualTo(2);
            assertThat(after.commits() - before.commits()).isLessThanOrEqualTo(2);
            assertThat(await(store.messagesAfter("s1", 0, 10))).extracting(ServerMessage.Message::seq).containsExactly(1L, 4L);
        }

        @Test
        void writeLockHeldLongerThanBusyTimeout_failsWithLocked() throws Exception {
            Path other = dir.resolve("short-timeout.db");
            try (SqliteStore impatient = SqliteStore.open(other, OpenMode.CREATE_NEW, CLOCK, Duration.ofMillis(100))) {
                Connection lock = holdWriteLock(other);
                try {
                    CompletableFuture<Void> write = impatient.setImEnabled(false);
                    assertThat(failureReason(write)).isEqualTo(StoreException.Reason.LOCKED);
                    assertThatThrownBy(write::join).hasMessageContaining("busy");
                } finally {
                    release(lock);
                }
                await(impatient.setImEnabled(false));
                assertThat(await(impatient.loadSettings()).imEnabled()).isFalse();
            }
        }

        @Test
        void reads_doNotWaitForAHeldWriteLock() throws Exception {
            Connection lock = holdWriteLock(db);
            try {
                CompletableFuture<Void> blockedWrite = store.setImEnabled(false);
                assertThat(await(store.loadSettings()).imEnabled()).isTrue();
                assertThat(blockedWrite).isNotDone();
            } finally {
                release(lock);
            }
        }
    }

    @Nested
    @DisplayName("sessions, messages and cursors")
    class SessionsAndMessages {
        @BeforeEach
        void session() {
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
        }

        @Test
        void messageStatements_areAnsweredThroughIndexes_neverByScanningMessages() throws Exception {
            List<String> statements = List.of(SessionRows.LATEST_SEQ, SessionRows.FIND_MESSAGE,
                    SessionRows.MESSAGES_AFTER, SessionRows.MESSAGES_BEFORE, SessionRows.ACTIVE_SESSIONS);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                for (String sql : statements) {
                    List<String> plan = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                            ps.setObject(i, null);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                plan.add(rs.getString("detail"));
                            }
                        }
                    }
                    assertThat(plan).as(sql).isNotEmpty()
                            .noneMatch(step -> step.startsWith("SCAN messages") || step.matches("SCAN m( .*)?"))
                            .anyMatch(step -> step.startsWith("SEARCH m"));
                }
            }
        }

        @Test
        void advanceCursor_neverLowers() {
            await(store.advanceCursor("s1", "bob", 5));
            await(store.advanceCursor("s1", "bob", 3));
            assertThat(await(store.loadSession("s1")).orElseThrow().participants())
                    .filteredOn(p -> p.username().equals("bob")).extracting(SessionRecord.ParticipantRecord::cursor)
                    .containsExactly(5L);
        }

        @Test
        void advanceCursor_notAParticipant_failsWithNotFound() {
            assertThat(failureReason(store.advanceCursor("s1", "carol", 1))).isEqualTo(StoreException.Reason.NOT_FOUND);
        }

        @Test
        void insertMessage_keepsSentAtToTheMillisecond_andRefusesFinerInstants() {
            ServerMessage.Message precise = new ServerMessage.Message("s1", 1, "alice", "hi",
                    java.time.Instant.parse("2026-11-24T18:03:07.512Z"), "m1");
            await(store.insertMessage(precise));
            assertThat(await(store.findMessage("s1", "alice", "m1"))).contains(precise);

            CompletableFuture<Void> micros = store.insertMessage(new ServerMessage.Message("s1", 2, "alice", "hi",
                    java.time.Instant.parse("2026-11-24T18:03:07.512345Z"), "m2"));
            assertThatThrownBy(micros::join).hasCauseInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void messagesBefore_returnsTheNewestPageBelowInAscendingOrder() {
            for (long seq = 1; seq <= 10; seq++) {
                store.insertMessage(aMessage("s1", seq, seq % 2 == 0 ? "bob" : "alice"));
            }
            await(store.advanceCursor("s1", "alice", 0)); // a write after the others: all are committed now

            assertThat(await(store.messagesBefore("s1", 8, 3))).extracting(ServerMessage.Message::seq)
                    .containsExactly(5L, 6L, 7L);
            assertThat(await(store.messagesBefore("s1", Long.MAX_VALUE, 2))).extracting(ServerMessage.Message::seq)
                    .containsExactly(9L, 10L);
            assertThat(await(store.messagesBefore("s1", 3, 10))).extracting(ServerMessage.Message::seq)
                    .containsExactly(1L, 2L);
            assertThat(await(store.messagesAfter("s1", 8, 10))).extracting(ServerMessage.Message::seq)
                    .containsExactly(9L, 10L);
        }

        @Test
        void loadActiveSessions_returnsParticipantsCursorsAndLatestSeq_butNotEndedSessions() {
            await(store.insertSession(aSession("s2", "bob", List.of("bob", "carol"))));
            await(store.insertSession(aSession("s3", "carol", List.of("carol", "alice"))));
            await(store.insertMessage(aMessage("s1", 1, "alice")));
            await(store.insertMessage(aMessage("s1", 2, "bob")));
            await(store.advanceCursor("s1", "bob", 1));
            await(store.addParticipants("s1", List.of("carol"), T0.plusSeconds(5)));
            await(store.markLeft("s1", "alice", T0.plusSeconds(6)));
            await(store.markEnded("s3", "carol", T0.plusSeconds(7)));

            List<SessionRecord> active = await(store.loadActiveSessions());

            assertThat(active).extracting(SessionRecord::sessionId).containsExactly("s1", "s2");
            SessionRecord s1 = active.get(0);
            assertThat(s1.latestSeq()).isEqualTo(2);
            assertThat(s1.participants()).containsExactly(
                    new SessionRecord.ParticipantRecord("alice", T0, T0.plusSeconds(6), 0),
                    new SessionRecord.ParticipantRecord("bob", T0, null, 1),
                    new SessionRecord.ParticipantRecord("carol", T0.plusSeconds(5), null, 2));
            assertThat(active.get(1).latestSeq()).isZero();
            SessionRecord ended = await(store.loadSession("s3")).orElseThrow();
            assertThat(ended.active()).isFalse();
            assertThat(ended.endedBy()).isEqualTo("carol");
        }

        @Test
        void appendMessage_assignsTheNextSeq_andAResendReturnsTheStoredOneWithoutUsingASeq() {
            AppendedMessage first = await(store.appendMessage("s1", "alice", "c-1", "first", T0));
            AppendedMessage resent = await(store.appendMessage("s1", "alice", "c-1", "first again", T0.plusSeconds(9)));
            AppendedMessage second = await(store.appendMessage("s1", "bob", "c-1", "same id, other sender", T0));
            assertThat(first.duplicate()).isFalse();
            assertThat(first.message().seq()).isEqualTo(1);
            assertThat(resent.duplicate()).isTrue();
            assertThat(resent.message()).isEqualTo(first.message());
            assertThat(second.message().seq()).isEqualTo(2);
            assertThat(await(store.messagesAfter("s1", 0, 10))).extracting(m -> m.text())
                    .containsExactly("first", "same id, other sender");
        }

        @Test
        void appendAndInsertMessage_toAnUnknownSession_failWithNotFound() {
            assertThat(failureReason(store.appendMessage("nope", "alice", "c-1", "hello", T0)))
                    .isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(failureReason(store.insertMessage(aMessage("nope", 1, "alice"))))
                    .isEqualTo(StoreException.Reason.NOT_FOUND);
        }

        @Test
        void messagesOfInterleavedSessions_stayApartAndInOrder() {
            await(store.insertSession(aSession("s2", "bob", List.of("bob", "carol"))));
            for (int i = 0; i < 30; i++) {
                await(store.appendMessage(i % 3 == 0 ? "s2" : "s1", "bob", "c-" + i, "m" + i, T0));
            }
            assertThat(await(store.messagesAfter("s1", 0, 100))).hasSize(20)
                    .allSatisfy(m -> assertThat(m.sessionId()).isEqualTo("s1"))
                    .extracting(ServerMessage.Message::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(await(store.messagesBefore("s2", Long.MAX_VALUE, 3))).extracting(ServerMessage.Message::text)
                    .containsExactly("m21", "m24", "m27");
            assertThat(await(store.loadSession("s2")).orElseThrow().latestSeq()).isEqualTo(10);
        }

        @Test
        void appendMessage_manyInOneGroup_areNumberedInCallOrder() {
            List<CompletableFuture<AppendedMessage>> appends = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                appends.add(store.appendMessage("s1", i % 2 == 0 ? "alice" : "bob", "c-" + i, "m" + i, T0));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(await(appends.get(i)).message().seq()).isEqualTo(i + 1);
            }
        }

        @Test
        void addParticipants_newcomerStartsAtTheLatestSeq() {
            await(store.appendMessage("s1", "alice", "c-1", "before carol", T0));
            await(store.addParticipants("s1", List.of("carol"), T0.plusSeconds(1)));
            SessionRecord.ParticipantRecord carol = await(store.loadSession("s1")).orElseThrow().participants().stream()
                    .filter(p -> p.username().equals("carol")).findFirst().orElseThrow();
            assertThat(carol.cursor()).isEqualTo(1);
        }

        @Test
        void addParticipants_someoneWhoLeft_isBackWithTheirCursor() {
            await(store.advanceCursor("s1", "bob", 4));
            await(store.markLeft("s1", "bob", T0.plusSeconds(1)));
            await(store.addParticipants("s1", List.of("bob"), T0.plusSeconds(2)));
            SessionRecord.ParticipantRecord bob = await(store.loadSession("s1")).orElseThrow().participants().get(1);
            assertThat(bob).isEqualTo(new SessionRecord.ParticipantRecord("bob", T0, null, 4));
        }

        @Test
        void markEnded_unknownSession_failsWithNotFound() {
            assertThat(failureReason(store.markEnded("nope", "alice", T0))).isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(await(store.loadSession("nope"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("resume tokens")
    class ResumeTokens {
        @Test
        void savedToken_isFoundUntilItExpires() {
            await(store.saveResumeToken("d1", "alice", T0.plusSeconds(60)));
            assertThat(await(store.findResumeToken("d1", T0.plusSeconds(59)))).contains("alice");
            assertThat(await(store.findResumeToken("d1", T0.plusSeconds(60)))).isEmpty();
            assertThat(await(store.findResumeToken("other", T0))).isEmpty();
        }

        @Test
        void renewedToken_livesLonger_butIsNeverShortenedOrBroughtBack() {
            await(store.saveResumeToken("d1", "alice", T0.plusSeconds(60)));
            await(store.renewResumeToken("d1", T0.plusSeconds(120)));
            assertThat(await(store.findResumeToken("d1", T0.plusSeconds(119)))).contains("alice");
            await(store.renewResumeToken("d1", T0.plusSeconds(90)));
            assertThat(await(store.findResumeToken("d1", T0.plusSeconds(119)))).as("not shortened").contains("alice");
            await(store.deleteResumeToken("d1"));
            await(store.renewResumeToken("d1", T0.plusSeconds(180)));
            assertThat(await(store.findResumeToken("d1", T0))).as("a revoked token stays revoked").isEmpty();
        }

        @Test
        void deletedToken_isGone_andDeletingUnknownIsFine() {
            await(store.saveResumeToken("d1", "alice", T0.plusSeconds(60)));
            await(store.deleteResumeToken("d1"));
            await(store.deleteResumeToken("never-saved"));
            assertThat(await(store.findResumeToken("d1", T0))).isEmpty();
        }

        @Test
        void everyReadConnection_seesWritesCommittedAfterItsEarlierLookups() {
            // Each read connection keeps its prepared statements, and the lookup runs without
            // BEGIN/COMMIT: every use must still read the latest commit. Enough lookups to go round
            // every read connection twice.
            for (int i = 0; i < 8; i++) {
                assertThat(await(store.findResumeToken("d1", T0))).isEmpty();
            }
            await(store.saveResumeToken("d1", "alice", T0.plusSeconds(60)));
            for (int i = 0; i < 8; i++) {
                assertThat(await(store.findResumeToken("d1", T0))).as("lookup %d", i).contains("alice");
            }
            await(store.deleteResumeToken("d1"));
            for (int i = 0; i < 8; i++) {
                assertThat(await(store.findResumeToken("d1", T0))).as("lookup %d after delete", i).isEmpty();
            }
        }

        @Test
        void savingAToken_dropsExpiredOnes() throws Exception {
            await(store.saveResumeToken("old", "alice", T0.minusSeconds(1)));
            await(store.saveResumeToken("new", "bob", T0.plusSeconds(60)));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT digest FROM resume_tokens")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("new");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("other programs, backup, close")
    class Lifecycle {
        @Test
        void onExternalChange_firesWhenAnotherStoreOnTheFileCommits() throws Exception {
            CountDownLatch changed = new CountDownLatch(1);
            store.onExternalChange(changed::countDown);
            try (SqliteStore admin = SqliteStore.open(db, OpenMode.EXISTING, CLOCK)) {
                await(admin.setImEnabled(false));
            }
            assertThat(changed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(await(store.loadSettings()).imEnabled()).isFalse();
        }

        @Test
        void onExternalChange_doesNotFireForTheStoresOwnWrites() throws Exception {
            AtomicBoolean fired = new AtomicBoolean();
            store.onExternalChange(() -> fired.set(true));
            await(store.setImEnabled(false));
            await(store.grant("alice", Rights.INITIATE_IM));
            // A negative over time: several polls (every 250 ms) pass without a call.
            Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).untilFalse(fired);

            try (SqliteStore admin = SqliteStore.open(db, OpenMode.EXISTING, CLOCK)) {
                await(admin.setImEnabled(true));
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilTrue(fired);
        }

        @Test
        void backup_duringConcurrentWrites_isAValidStore() throws Exception {
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
            for (long seq = 1; seq <= 200; seq++) {
                store.insertMessage(aMessage("s1", seq, "alice"));
            }
            List<CompletableFuture<Void>> during = new ArrayList<>();
            Path copy = dir.resolve("backup.db");
            CompletableFuture<Void> backup = store.backup(copy);
            for (long seq = 201; seq <= 400; seq++) {
                during.add(store.insertMessage(aMessage("s1", seq, "bob")));
            }
            await(backup);
            await(CompletableFuture.allOf(during.toArray(CompletableFuture[]::new)));

            try (SqliteStore restored = SqliteStore.open(copy, OpenMode.EXISTING, CLOCK)) {
                List<ServerMessage.Message> messages = await(restored.messagesAfter("s1", 0, 1_000));
                assertThat(messages.size()).isBetween(0, 400);
                assertThat(messages).extracting(ServerMessage.Message::seq) // a consistent prefix, no gaps
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, messages.size()).boxed().toList());
                assertThat(await(restored.loadDirectory()).users()).hasSize(3);
            }
            assertThat(await(store.messagesAfter("s1", 0, 1_000))).hasSize(400);
        }

        @Test
        void backup_targetExists_failsWithDuplicate() throws Exception {
            Path target = Files.createFile(dir.resolve("taken.db"));
            assertThat(failureReason(store.backup(target))).isEqualTo(StoreException.Reason.DUPLICATE);
        }

        @Test
        void close_writesEverythingPendingFirst() {
            await(store.insertSession(aSession("s1", "alice", List.of("alice", "bob"))));
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (long seq = 1; seq <= 300; seq++) {
                pending.add(store.insertMessage(aMessage("s1", seq, "alice")));
            }
            store.close();
            assertThat(pending).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
            reopen();
            assertThat(await(store.messagesAfter("s1", 0, 1_000))).hasSize(300);
        }

        @Test
        void closedStore_failsReadsAndWritesWithClosed_andCloseIsIdempotent() {
            store.close();
            store.close();
            assertThat(failureReason(store.setImEnabled(false))).isEqualTo(StoreException.Reason.CLOSED);
            assertThat(failureReason(store.loadSettings())).isEqualTo(StoreException.Reason.CLOSED);
        }
    }

    /**
     * The per-session seq index is written a group of entries at a time (MessageAppender): reads
     * find the messages whose entries are still waiting, and no message below indexed_below ever
     * lacks its entry, whatever happens to the writer.
     */
    @Nested
    @DisplayName("the seq index written in groups")
    class SeqIndexInGroups {
        @BeforeEach
        void sessions() {
            reopenWithQuietAfter(Duration.ofHours(1)); // entries wait until a rule below writes them
            await(store.insertSession(aSession("busy", "alice", List.of("alice", "bob"))));
            await(store.insertSession(aSession("quiet", "bob", List.of("bob", "carol"))));
        }

        /** Reopens the store; its writer writes all waiting entries once no write came for {@code quiet}. */
        private void reopenWithQuietAfter(Duration quiet) {
            store.close();
            store = SqliteStore.open(db, OpenMode.EXISTING, CLOCK, SqliteStore.DEFAULT_BUSY_TIMEOUT, Schema.current(), quiet);
        }

        private List<Long> append(String sessionId, String sender, int count) {
            List<CompletableFuture<AppendedMessage>> appends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                appends.add(store.appendMessage(sessionId, sender, sessionId + "-" + System.nanoTime() + "-" + i, "m", T0));
            }
            return appends.stream().map(f -> await(f).message().seq()).toList();
        }

        private long queryLong(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long entriesOf(String sessionId) throws SQLException {
            return queryLong("SELECT count(*) FROM message_seqs WHERE session_no = (SELECT no FROM sessions WHERE id = '"
                    + sessionId + "')");
        }

        /** Messages below indexed_below without their entry: must always be none. */
        private long unindexedBelowTheMark() throws SQLException {
            return queryLong("""
                    SELECT count(*) FROM messages m WHERE m.id < (SELECT indexed_below FROM message_seqs_state)
                    AND NOT EXISTS (SELECT 1 FROM message_seqs x WHERE x.session_no = m.session_no AND x.seq = m.seq
                                    AND x.id = m.id)""");
        }

        private void assertReadsFind(String sessionId, long count) {
            List<Long> all = LongStream.rangeClosed(1, count).boxed().toList();
            assertThat(await(store.messagesAfter(sessionId, 0, 10_000))).extracting(ServerMessage.Message::seq)
                    .containsExactlyElementsOf(all);
            assertThat(await(store.messagesAfter(sessionId, count - 1, 1))).extracting(ServerMessage.Message::seq)
                    .containsExactly(count);
            assertThat(await(store.messagesBefore(sessionId, count + 1, 1))).extracting(ServerMessage.Message::seq)
                    .containsExactly(count);
            assertThat(await(store.messagesBefore(sessionId, count, 10_000))).hasSize((int) count - 1);
            assertThat(await(store.loadSession(sessionId)).orElseThrow().latestSeq()).isEqualTo(count);
        }

        @Test
        void readsFindMessagesWhoseEntriesWait_andASessionsEntriesAreWrittenOnceAGroupHasGathered() throws Exception {
            assertThat(append("busy", "alice", MessageAppender.GROUP + 8)).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, MessageAppender.GROUP + 8).boxed().toList());
            assertThat(append("quiet", "bob", 5)).containsExactly(1L, 2L, 3L, 4L, 5L);

            assertThat(entriesOf("quiet")).as("a few messages wait in memory").isZero();
            assertThat(entriesOf("busy")).as("a whole group was written").isGreaterThanOrEqualTo(MessageAppender.GROUP);
            assertThat(unindexedBelowTheMark()).isZero();
            assertReadsFind("busy", MessageAppender.GROUP + 8);
            assertReadsFind("quiet", 5);
        }

        @Test
        void aWaitingEntryIsWrittenOnceItFallsTooFarBehind() throws Exception {
            append("quiet", "bob", 1);
            append("busy", "alice", MessageAppender.MAX_UNINDEXED + 10);

            assertThat(entriesOf("quiet")).isEqualTo(1);
            assertThat(unindexedBelowTheMark()).isZero();
            assertThat(queryLong("SELECT (SELECT max(id) FROM messages) - indexed_below FROM message_seqs_state"))
                    .as("what a read may scan").isLessThan(MessageAppender.MAX_UNINDEXED + 1_000);
            assertReadsFind("quiet", 1);
        }

        @Test
        void entriesWaitingWhenTheStoreCloses_areWrittenAfterItOpensAgain_andSeqsGoOn() throws Exception {
            append("quiet", "bob", 5);
            reopenWithQuietAfter(Duration.ofHours(1)); // close() leaves them waiting, as a crash would
            assertThat(entriesOf("quiet")).isZero();
            assertReadsFind("quiet", 5);

            assertThat(append("quiet", "bob", 1)).containsExactly(6L);
            assertThat(entriesOf("quiet")).as("recovered by the first append").isEqualTo(5);
            assertThat(unindexedBelowTheMark()).isZero();
            assertReadsFind("quiet", 6);
        }

        @Test
        void aPauseInTheTraffic_writesEveryWaitingEntry() throws Exception {
            reopenWithQuietAfter(SqliteStore.QUIET);
            append("quiet", "bob", 5);
            append("busy", "alice", MessageAppender.QUIET_MIN_UNINDEXED); // "quiet" waits, the rows pile up above it

            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(
                    () -> entriesOf("quiet") == 5 && entriesOf("busy") == MessageAppender.QUIET_MIN_UNINDEXED);
            assertThat(queryLong("SELECT indexed_below - (SELECT max(id) FROM messages) FROM message_seqs_state"))
                    .as("reads scan nothing").isEqualTo(1);
            assertReadsFind("quiet", 5);
        }

        @Test
        void aFailingWriteInABatch_leavesSeqsWithoutGapsAndTheIndexWhole() throws Exception {
            append("quiet", "bob", 3);
            Connection lock = holdWriteLock(db); // the writes below queue up and go in one batch
            List<CompletableFuture<AppendedMessage>> appends = new ArrayList<>();
            appends.add(store.appendMessage("quiet", "bob", "q-4", "m", T0));
            CompletableFuture<Void> failing = store.insertMessage(aMessage("quiet", 99, "nobody"));
            appends.add(store.appendMessage("quiet", "carol", "q-5", "m", T0));
            CompletableFuture<Void> sameSeq = store.insertMessage(aMessage("quiet", 2, "carol"));
            appends.add(store.appendMessage("busy", "alice", "b-1", "m", T0));
            release(lock);

            assertThat(appends.stream().map(f -> await(f).message().seq()).toList()).containsExactly(4L, 5L, 1L);
            assertThat(failureReason(failing)).isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(failureReason(sameSeq)).isEqualTo(StoreException.Reason.DUPLICATE);
            assertThat(unindexedBelowTheMark()).isZero();
            assertThat(append("quiet", "carol", 1)).containsExactly(6L);
            assertReadsFind("quiet", 6);
            assertReadsFind("busy", 1);
        }
    }
}
