package org.beacon.server.admin;

import java.nio.file.Path;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;

/** Opens the database a command works on; tests pass one with a short busy timeout. */
@FunctionalInterface
public interface StoreOpener {
    SqliteStore open(Path db, OpenMode mode);
}
