package org.beacon.server.store;

/** A store operation that failed for a reason the caller can act on. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it failed. */
    public enum Reason {
        /** The row to change does not exist. */
        NOT_FOUND,
        /** The row to add exists already. */
        DUPLICATE,
        /** Another process holds the database locked for longer than the busy timeout. */
        LOCKED,
        /** The file is not a Beacon database, or of a newer schema than this program knows. */
        INCOMPATIBLE,
        /** The store is closed. */
        CLOSED,
        /** Any other I/O or SQL failure. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
