package org.beacon.server.admin;

/** An expected failure of an admin command: printed as one line on stderr, exit code 1. */
public class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdminException(String message) {
        super(message);
    }
}
