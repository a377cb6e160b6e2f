package org.beacon.server.directory;

import java.util.regex.Pattern;

/** Validation of directory identifiers, shared by the records, the import and the CLI. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Ids() {
    }

    /** A username: 1–64 of lower-case letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static String requireUsername(String username) {
        return require(username, "username");
    }

    /** The same rule for organization and resource ids. */
    public static String require(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of a-z, 0-9, '.', '_', '-' (got "
                    + (id == null ? "nothing" : "\"" + id + "\"") + ")");
        }
        return id;
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
