package org.beacon.server.store;

/** How {@link SqliteStore#open} treats the database file. */
public enum OpenMode {
    /** Make a new database; fails with {@link StoreException.Reason#DUPLICATE} if the file exists. */
    CREATE_NEW,
    /**
     * Open an existing Beacon database and migrate it; fails with {@link StoreException.Reason#NOT_FOUND}
     * if the file is missing and {@link StoreException.Reason#INCOMPATIBLE} if it is not a Beacon
     * database or has a newer schema.
     */
    EXISTING,
    /** {@link #EXISTING} when the file is there, {@link #CREATE_NEW} when it is not. */
    CREATE_IF_MISSING
}
