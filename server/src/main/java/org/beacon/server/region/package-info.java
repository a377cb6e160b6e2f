/**
 * The region as the running server sees it: an immutable snapshot of the directory and the
 * settings, reloaded from the store when an administrator changes the database.
 */
package org.beacon.server.region;
