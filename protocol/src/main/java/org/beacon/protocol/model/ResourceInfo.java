package org.beacon.protocol.model;

import java.util.Objects;

/**
 * A resource of the region: a facility or unit such as a hospital, an EMS station or an EOC.
 *
 * @param resourceId       stable id
 * @param name             display name
 * @param kind             free-form category, e.g. {@code hospital}, {@code ems_station}, {@code eoc}
 * @param organizationId   the organization it belongs to
 * @param organizationName that organization's name
 */
public record ResourceInfo(String resourceId, String name, String kind, String organizationId, String organizationName) {
    public ResourceInfo {
        Objects.requireNonNull(resourceId, "resource_id");
        Objects.requireNonNull(name, "name");
    }
}
