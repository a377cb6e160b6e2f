package org.beacon.protocol.model;

import java.util.List;
import java.util.Objects;

/**
 * The signed-in user's own profile, returned by {@code login} and {@code resume}.
 *
 * @param username         unique sign-in name
 * @param fullName         display name
 * @param organizationId   id of the user's organization
 * @param organizationName name of the user's organization
 * @param timeZone         IANA zone id (e.g. {@code America/Chicago}) used to show times
 * @param rights           granted rights, e.g. {@code initiate_im}
 * @param resources        ids of the resources the user is associated with
 */
public record UserProfile(
        String username,
        String fullName,
        String organizationId,
        String organizationName,
        String timeZone,
        List<String> rights,
        List<String> resources) {

    public UserProfile {
        Objects.requireNonNull(username, "username");
        rights = List.copyOf(Objects.requireNonNull(rights, "rights"));
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    public boolean has(String right) {
        return rights.contains(right);
    }
}
