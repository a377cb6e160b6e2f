/**
 * The region's directory as the server holds it: organizations, resources, users with their
 * rights, and the immutable {@link org.beacon.server.directory.Directory} snapshot that is swapped
 * whole when the database changes. {@code file} reads and checks directory import files.
 */
package org.beacon.server.directory;
