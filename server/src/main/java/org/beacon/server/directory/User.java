package org.beacon.server.directory;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the region as the server knows it.
 *
 * @param username       unique sign-in name: lower case letters, digits, '.', '_', '-'
 * @param fullName       display name
 * @param organizationId the user's organization
 * @param timeZone       IANA zone id in which the user's client shows times
 * @param passwordHash   encoded slow salted hash (see {@code org.beacon.server.auth.PasswordHasher}); never logged
 * @param rights         granted rights (see {@code org.beacon.protocol.model.Rights})
 * @param resourceIds    resources the user is associated with
 */
public record User(
        String username,
        String fullName,
        String organizationId,
        String timeZone,
        String passwordHash,
        Set<String> rights,
        List<String> resourceIds) {

    public User {
        Ids.requireUsername(username);
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(organizationId, "organizationId");
        ZoneId.of(Objects.requireNonNull(timeZone, "timeZone"));
        Objects.requireNonNull(passwordHash, "passwordHash");
        rights = Set.copyOf(rights);
        resourceIds = List.copyOf(resourceIds);
    }

    public boolean has(String right) {
        return rights.contains(right);
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + fullName + ", org=" + organizationId + ", rights=" + rights + "]";
    }
}
