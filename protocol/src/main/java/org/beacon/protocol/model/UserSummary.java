package org.beacon.protocol.model;

import java.util.Objects;

/**
 * Another user as listed in the directory or on a resource's Users section.
 *
 * @param username         sign-in name
 * @param fullName         display name
 * @param organizationId   id of the user's organization
 * @param organizationName name of the user's organization
 * @param online           whether the user is signed in right now ({@code null} where not reported)
 */
public record UserSummary(
        String username, String fullName, String organizationId, String organizationName, Boolean online) {
    public UserSummary {
        Objects.requireNonNull(username, "username");
    }
}
