package org.beacon.protocol.reply;

import java.util.List;
import java.util.Objects;
import org.beacon.protocol.model.ResourceInfo;
import org.beacon.protocol.model.UserSummary;

/** Reply to {@code resource}: the resource and its users, each with {@code online} set. */
public record ResourceResult(ResourceInfo resource, List<UserSummary> users) {
    public ResourceResult {
        Objects.requireNonNull(resource, "resource");
        users = List.copyOf(users);
    }
}
