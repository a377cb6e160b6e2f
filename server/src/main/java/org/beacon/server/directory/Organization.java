package org.beacon.server.directory;

import java.util.Objects;

/** An organization of the region (an EMS agency, a hospital, a county EOC). */
public record Organization(String id, String name, String kind) {
    public Organization {
        Ids.require(id, "organization id");
        Objects.requireNonNull(name, "name");
        kind = kind == null ? "" : kind;
    }
}
