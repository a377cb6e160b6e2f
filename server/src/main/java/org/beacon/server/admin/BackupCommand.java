package org.beacon.server.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backup}: a consistent copy of the database, also while a server is using it. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database to TARGET (which must not exist), also while a server serves it.")
final class BackupCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "TARGET")
    Path target;

    @Override
    int execute() throws Exception {
        try (SqliteStore store = openExisting()) {
            store.backup(target).join();
        }
        out().printf("Backed up %s to %s (%s).%n", db, target, StatsCommand.size(Files.size(target)));
        return BeaconCommand.EXIT_OK;
    }
}
