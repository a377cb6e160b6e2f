package org.beacon.server.store;

/**
 * Counts and write-path figures of a store.
 *
 * @param organizations   rows
 * @param resources       rows
 * @param users           rows
 * @param sessions        all sessions
 * @param activeSessions  sessions not ended
 * @param messages        stored messages
 * @param databaseBytes   size of the main database file
 * @param commits         transactions committed by this store since it opened
 * @param writesCommitted writes in those transactions (writes per commit = writesCommitted / commits)
 */
public record StoreStats(
        long organizations,
        long resources,
        long users,
        long sessions,
        long activeSessions,
        long messages,
        long databaseBytes,
        long commits,
        long writesCommitted) {
}
