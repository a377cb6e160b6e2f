package org.beacon.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for resume tokens, kept by digest only. */
final class TokenRows {
    private TokenRows() {
    }

    /** Saves (or replaces) a token and drops tokens that expired before {@code now}. */
    static void save(Connection c, String digest, String username, Instant expiresAt, Instant now) throws SQLException {
        try (PreparedStatement purge = c.prepareStatement("DELETE FROM resume_tokens WHERE expires_at <= ?");
             PreparedStatement ps = c.prepareStatement(
                     "INSERT OR REPLACE INTO resume_tokens (digest, username, expires_at) VALUES (?, ?, ?)")) {
            purge.setLong(1, now.toEpochMilli());
            purge.executeUpdate();
            ps.setString(1, digest);
            ps.setString(2, username);
            ps.setLong(3, expiresAt.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Moves a stored token's expiry on; an UPDATE, so a token deleted meanwhile is not brought back. */
    static void renew(Connection c, String digest, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE resume_tokens SET expires_at = ? WHERE digest = ? AND expires_at < ?")) {
            ps.setLong(1, expiresAt.toEpochMilli());
            ps.setString(2, digest);
            ps.setLong(3, expiresAt.toEpochMilli());
            ps.executeUpdate();
        }
    }

    static Optional<String> find(Connection c, String digest, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username FROM resume_tokens WHERE digest = ? AND expires_at > ?")) {
            ps.setString(1, digest);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void delete(Connection c, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM resume_tokens WHERE digest = ?")) {
            ps.setString(1, digest);
            ps.executeUpdate();
        }
    }
}
