package org.beacon.server.directory.file;

import java.util.List;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;

/**
 * A directory import file that passed validation.
 *
 * @param regionName    new region name, or {@code null} when the file has none
 * @param imEnabled     new IM switch, or {@code null} when the file has none
 * @param organizations in file order
 * @param resources     in file order
 * @param users         in file order; a user without {@code password_hash} has the empty hash
 */
public record DirectoryFile(
        String regionName,
        Boolean imEnabled,
        List<Organization> organizations,
        List<Resource> resources,
        List<User> users) {

    public DirectoryFile {
        organizations = List.copyOf(organizations);
        resources = List.copyOf(resources);
        users = List.copyOf(users);
    }

    /** Usernames of the users the file gives no password hash. */
    public List<String> usersWithoutPasswordHash() {
        return users.stream().filter(u -> u.passwordHash().isEmpty()).map(User::username).toList();
    }
}
