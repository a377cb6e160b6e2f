/**
 * Who is online and who wants to know: signed-in connections per user, presence subscriptions, and
 * the {@link org.beacon.server.presence.SignedInConnections} registry other services push events
 * through.
 */
package org.beacon.server.presence;
