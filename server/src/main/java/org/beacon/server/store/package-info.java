/**
 * Durable state of a region behind the {@link org.beacon.server.store.Store} interface, and its
 * SQLite implementation {@link org.beacon.server.store.SqliteStore}: one writer thread with group
 * commit, read-only WAL readers, a versioned schema migrated on open, and change detection for
 * edits made by other programs (the admin CLI) while a server runs.
 */
package org.beacon.server.store;
