package org.beacon.server.directory;

import java.util.Objects;

/** A facility or unit (a hospital, an EMS station, an EOC), belonging to one organization. */
public record Resource(String id, String name, String kind, String organizationId) {
    public Resource {
        Ids.require(id, "resource id");
        Objects.requireNonNull(name, "name");
        kind = kind == null ? "" : kind;
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
