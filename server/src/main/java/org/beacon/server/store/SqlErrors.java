package org.beacon.server.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's failures into {@link StoreException}s a caller (or an administrator) can act on. */
final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * @param what    what was being done, e.g. {@code "add user jdoe"}; goes first in the message
     * @param db      the database file, named in lock and format errors
     */
    static StoreException translate(String what, String db, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreException(StoreException.Reason.LOCKED, what + ": the database " + db
                    + " is busy (another program, such as a running server or an admin command, kept it locked"
                    + " for longer than the busy timeout); try again", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException(StoreException.Reason.INCOMPATIBLE, db + " is not a database", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
            return new StoreException(StoreException.Reason.DUPLICATE, what + ": already exists", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
            return new StoreException(StoreException.Reason.NOT_FOUND, what + ": refers to something that does not exist", e);
        }
        return new StoreException(StoreException.Reason.IO, what + ": " + e.getMessage(), e);
    }
}
