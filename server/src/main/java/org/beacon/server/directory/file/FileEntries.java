package org.beacon.server.directory.file;

import java.util.List;

/**
 * The file's elements exactly as written (any field may be missing, i.e. {@code null}); field
 * names are the snake_case forms of the component names.
 */
final class FileEntries {
    private FileEntries() {
    }

    record FileRegion(String name, Boolean imEnabled) {
    }

    record FileOrganization(String id, String name, String kind) {
    }

    record FileResource(String id, String name, String kind, String organization) {
    }

    record FileUser(String username, String fullName, String organization, String timeZone, List<String> rights,
                    List<String> resources, String passwordHash) {
    }

    /** An element with where it was found, for messages: {@code users[3] "jdoe" (line 42)}. */
    record Located<T>(String section, int index, int line, String key, T value) {
        String where() {
            String name = key == null || key.isEmpty() ? "" : " \"" + key + "\"";
            return section + "[" + index + "]" + name + " (line " + line + ")";
        }
    }
}
