package org.beacon.server.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.protocol.model.OrganizationInfo;
import org.beacon.protocol.model.ResourceInfo;
import org.beacon.protocol.model.UserProfile;
import org.beacon.protocol.model.UserSummary;
import org.beacon.protocol.reply.DirectoryResult;
import org.beacon.protocol.reply.ResourceResult;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;
import org.beacon.server.presence.SignedInConnections;

/**
 * Turns the directory snapshot into the records the protocol sends. The {@code directory} reply is
 * the same for everyone until the snapshot changes, so its JSON tree is built once per snapshot and
 * shared (read-only) by every connection that asks.
 */
final class DirectoryViews {
    private record Cached(Directory directory, ObjectNode tree) {
    }

    private final ProtocolJson json;
    private volatile Cached cached;

    DirectoryViews(ProtocolJson json) {
        this.json = json;
    }

    /** The {@code directory} result as a JSON tree; do not modify it. */
    ObjectNode directoryTree(Directory directory) {
        Cached current = cached;
        if (current == null || current.directory() != directory) {
            current = new Cached(directory, json.mapper().valueToTree(directoryResult(directory)));
            cached = current;
        }
        return current.tree();
    }

    static DirectoryResult directoryResult(Directory directory) {
        List<OrganizationInfo> organizations = directory.organizations().stream()
                .map(o -> new OrganizationInfo(o.id(), o.name(), o.kind()))
                .toList();
        List<ResourceInfo> resources = directory.resources().stream()
                .map(r -> resourceInfo(r, directory))
                .toList();
        List<UserSummary> users = directory.users().stream()
                .map(u -> summary(u, directory, null))
                .toList();
        return new DirectoryResult(organizations, resources, users);
    }

    static Optional<ResourceResult> resource(String resourceId, Directory directory, SignedInConnections online) {
        return directory.resource(resourceId).map(r -> new ResourceResult(resourceInfo(r, directory),
                directory.usersOf(r.id()).stream()
                        .map(u -> summary(u, directory, online.isOnline(u.username())))
                        .toList()));
    }

    static UserProfile profile(User user, Directory directory) {
        return new UserProfile(user.username(), user.fullName(), user.organizationId(),
                directory.organizationName(user.organizationId()), user.timeZone(),
                user.rights().stream().sorted().toList(), user.resourceIds());
    }

    private static ResourceInfo resourceInfo(Resource r, Directory directory) {
        return new ResourceInfo(r.id(), r.name(), r.kind(), r.organizationId(),
                directory.organizationName(r.organizationId()));
    }

    private static UserSummary summary(User u, Directory directory, Boolean online) {
        return new UserSummary(u.username(), u.fullName(), u.organizationId(),
                directory.organizationName(u.organizationId()), online);
    }
}
