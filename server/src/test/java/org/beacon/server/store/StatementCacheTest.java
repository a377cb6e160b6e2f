package org.beacon.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    private Connection raw;
    private Connection cached;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:sqlite::memory:");
        cached = StatementCache.wrap(raw);
        Schema.exec(cached, "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    }

    @AfterEach
    void close() throws SQLException {
        cached.close();
    }

    @Test
    void prepareStatement_sameSqlAfterClose_reusesTheStatementWithFreshParameters() throws SQLException {
        for (int i = 1; i <= 3; i++) {
            try (PreparedStatement insert = cached.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
                insert.setInt(1, i);
                insert.setString(2, "v" + i);
                insert.executeUpdate();
            }
        }
        for (int i = 1; i <= 3; i++) {
            try (PreparedStatement select = cached.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                select.setInt(1, i);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("v" + i);
                }
            }
        }
    }

    @Test
    void prepareStatement_manyDistinctSql_staysUsableBeyondTheBound() throws SQLException {
        for (int i = 0; i < StatementCache.MAX_STATEMENTS * 2; i++) {
            try (PreparedStatement select = cached.prepareStatement("SELECT " + i);
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(i);
            }
        }
    }

    @Test
    void close_closesTheRealConnection() throws SQLException {
        cached.close();

        assertThat(raw.isClosed()).isTrue();
    }
}
