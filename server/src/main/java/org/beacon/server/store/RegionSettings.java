package org.beacon.server.store;

/**
 * Region-wide switches kept in the database.
 *
 * @param regionName display name of the region
 * @param imEnabled  whether instant messaging is on
 */
public record RegionSettings(String regionName, boolean imEnabled) {
}
