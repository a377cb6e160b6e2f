package org.beacon.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    private static final Duration SPACING = Duration.ofMillis(300);

    @TempDir
    Path folder;
    private GroupCommitWriter writer;

    @BeforeEach
    void open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("w.db"));
        Schema.exec(connection, "PRAGMA journal_mode = WAL");
        Schema.exec(connection, "CREATE TABLE t (k INTEGER PRIMARY KEY)");
        writer = new GroupCommitWriter(connection, "w.db", 1_000, Duration.ofMillis(250), SPACING, () -> { });
        writer.start();
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void submit_afterAQuietSpell_commitsWithoutWaitingForTheSpacing() throws Exception {
        GroupCommitWriter patient = null;
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("quiet.db"));
        try {
            Schema.exec(connection, "CREATE TABLE t (k INTEGER PRIMARY KEY)");
            patient = new GroupCommitWriter(connection, "quiet.db", 1_000, Duration.ofMillis(250), Duration.ofMinutes(5),
                    () -> { });
            patient.start();
            // Were the first write held for the spacing, this would take five minutes.
            patient.submit("insert", insert(1)).get(30, TimeUnit.SECONDS);
            assertThat(patient.commits()).isEqualTo(1);
        } finally {
            if (patient != null) {
                patient.close();
            } else {
                connection.close();
            }
        }
    }

    @Test
    void submit_rightAfterACommit_waitsForTheSpacingAndSharesOneCommit() throws Exception {
        long firstSubmitted = System.nanoTime();
        writer.submit("first", insert(1)).get(30, TimeUnit.SECONDS);
        long commitsBefore = writer.commits();

        CompletableFuture<Integer> second = writer.submit("second", insert(2));
        CompletableFuture<Integer> third = writer.submit("third", insert(3));
        second.get(30, TimeUnit.SECONDS);
        long secondDone = System.nanoTime();
        third.get(30, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(secondDone - firstSubmitted)).isGreaterThanOrEqualTo(SPACING);
        assertThat(writer.commits() - commitsBefore).isEqualTo(1);
        assertThat(writer.writesCommitted()).isEqualTo(3);
    }

    private static GroupCommitWriter.Write<Integer> insert(int key) {
        return c -> {
            try (var statement = c.prepareStatement("INSERT INTO t (k) VALUES (?)")) {
                statement.setInt(1, key);
                return statement.executeUpdate();
            }
        };
    }
}
