/**
 * The Beacon server: {@link org.beacon.server.BeaconServer} wires the store, the region snapshot,
 * sign-in, presence and the network edge together from a {@link org.beacon.server.ServerConfig}.
 * Subpackages: {@code net} (connections), {@code auth} (sign-in), {@code presence} (who is online),
 * {@code region} (directory and settings in memory), {@code store} (durable state),
 * {@code directory} (the region's people and places), {@code admin} (command line).
 */
package org.beacon.server;
