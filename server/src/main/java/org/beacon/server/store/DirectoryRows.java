package org.beacon.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;

/** SQL for the directory (organizations, resources, users, rights, memberships) and region settings. */
final class DirectoryRows {
    private DirectoryRows() {
    }

    static Directory load(Connection c) throws SQLException {
        List<Organization> organizations = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM organizations");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                organizations.add(new Organization(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        List<Resource> resources = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind, organization_id FROM resources");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                resources.add(new Resource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, Set<String>> rights = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username, right_name FROM user_rights");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rights.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        Map<String, List<String>> memberships = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username, resource_id FROM user_resources ORDER BY username, resource_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                memberships.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<User> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username, full_name, organization_id, time_zone, password_hash FROM users");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String username = rs.getString(1);
                users.add(new User(username, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rights.getOrDefault(username, Set.of()), memberships.getOrDefault(username, List.of())));
            }
        }
        return new Directory(organizations, resources, users);
    }

    static RegionSettings loadSettings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT region_name, im_enabled FROM region_settings WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(StoreException.Reason.INCOMPATIBLE, "the region settings row is missing");
            }
            return new RegionSettings(rs.getString(1), rs.getInt(2) != 0);
        }
    }

    static void setImEnabled(Connection c, boolean enabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE region_settings SET im_enabled = ? WHERE id = 1")) {
            ps.setInt(1, enabled ? 1 : 0);
            ps.executeUpdate();
        }
    }

    static void setRegionName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE region_settings SET region_name = ? WHERE id = 1")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    static void upsertOrganization(Connection c, Organization o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO organizations (id, name, kind) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind""")) {
            ps.setString(1, o.id());
            ps.setString(2, o.name());
            ps.setString(3, o.kind());
            ps.executeUpdate();
        }
    }

    static void upsertResource(Connection c, Resource r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO resources (id, name, kind, organization_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    organization_id = excluded.organization_id""")) {
            ps.setString(1, r.id());
            ps.setString(2, r.name());
            ps.setString(3, r.kind());
            ps.setString(4, r.organizationId());
            ps.executeUpdate();
        }
    }

    /**
     * Inserts or updates a user and replaces their rights and resources. An empty password hash
     * keeps an existing user's password, so that re-importing a directory never locks people out.
     */
    static void upsertUser(Connection c, User u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users (username, full_name, organization_id, time_zone, password_hash)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET full_name = excluded.full_name,
                    organization_id = excluded.organization_id, time_zone = excluded.time_zone,
                    password_hash = CASE WHEN excluded.password_hash = '' THEN users.password_hash
                                         ELSE excluded.password_hash END""")) {
            bindUser(ps, u);
            ps.executeUpdate();
        }
        replaceRightsAndResources(c, u);
    }

    /** Inserts a new user; a duplicate username fails with the primary key's DUPLICATE. */
    static void insertUser(Connection c, User u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users (username, full_name, organization_id, time_zone, password_hash)
                VALUES (?, ?, ?, ?, ?)""")) {
            bindUser(ps, u);
            ps.executeUpdate();
        }
        replaceRightsAndResources(c, u);
    }

    private static void bindUser(PreparedStatement ps, User u) throws SQLException {
        ps.setString(1, u.username());
        ps.setString(2, u.fullName());
        ps.setString(3, u.organizationId());
        ps.setString(4, u.timeZone());
        ps.setString(5, u.passwordHash());
    }

    private static void replaceRightsAndResources(Connection c, User u) throws SQLException {
        try (PreparedStatement deleteRights = c.prepareStatement("DELETE FROM user_rights WHERE username = ?");
             PreparedStatement deleteResources = c.prepareStatement("DELETE FROM user_resources WHERE username = ?")) {
            deleteRights.setString(1, u.username());
            deleteRights.executeUpdate();
            deleteResources.setString(1, u.username());
            deleteResources.executeUpdate();
        }
        for (String right : u.rights()) {
            grant(c, u.username(), right);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_resources (username, resource_id) VALUES (?, ?)")) {
            for (String resourceId : u.resourceIds()) {
                ps.setString(1, u.username());
                ps.setString(2, resourceId);
                ps.executeUpdate();
            }
        }
    }

    static void setPasswordHash(Connection c, String username, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
            ps.setString(1, hash);
            ps.setString(2, username);
            if (ps.executeUpdate() == 0) {
                throw unknownUser(username);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM resume_tokens WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }

    /** Idempotent: granting a right the user has is not an error. */
    static void grant(Connection c, String username, String right) throws SQLException {
        requireUser(c, username);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_rights (username, right_name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, username);
            ps.setString(2, right);
            ps.executeUpdate();
        }
    }

    /** Idempotent: revoking a right the user does not have is not an error. */
    static void revoke(Connection c, String username, String right) throws SQLException {
        requireUser(c, username);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_rights WHERE username = ? AND right_name = ?")) {
            ps.setString(1, username);
            ps.setString(2, right);
            ps.executeUpdate();
        }
    }

    private static void requireUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw unknownUser(username);
                }
            }
        }
    }

    private static StoreException unknownUser(String username) {
        return new StoreException(StoreException.Reason.NOT_FOUND, "no user \"" + username + "\"");
    }
}
