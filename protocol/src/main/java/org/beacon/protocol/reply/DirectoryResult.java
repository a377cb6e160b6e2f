package org.beacon.protocol.reply;

import java.util.List;
import org.beacon.protocol.model.OrganizationInfo;
import org.beacon.protocol.model.ResourceInfo;
import org.beacon.protocol.model.UserSummary;

/** Reply to {@code directory}: the whole region, sorted by name. {@code online} is not set on users. */
public record DirectoryResult(List<OrganizationInfo> organizations, List<ResourceInfo> resources, List<UserSummary> users) {
    public DirectoryResult {
        organizations = List.copyOf(organizations);
        resources = List.copyOf(resources);
        users = List.copyOf(users);
    }
}
