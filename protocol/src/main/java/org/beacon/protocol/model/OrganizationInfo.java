package org.beacon.protocol.model;

import java.util.Objects;

/**
 * An organization of the region, e.g. an EMS agency or a hospital.
 *
 * @param organizationId stable id
 * @param name           display name
 * @param kind           free-form category, e.g. {@code ems}, {@code hospital}, {@code eoc}
 */
public record OrganizationInfo(String organizationId, String name, String kind) {
    public OrganizationInfo {
        Objects.requireNonNull(organizationId, "organization_id");
        Objects.requireNonNull(name, "name");
    }
}
