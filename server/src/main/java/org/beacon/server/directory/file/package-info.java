/**
 * The directory import file: a JSON document of organizations, resources and users (see
 * {@code docs/directory-format.md}), read and validated as a whole before anything is written.
 */
package org.beacon.server.directory.file;
