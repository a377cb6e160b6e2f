package org.beacon.server.admin;

import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code grant}: gives a user a right. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Grant a right to a user (granting one they have is not an error). Known rights: initiate_im.")
final class GrantCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Parameters(index = "1", paramLabel = "RIGHT")
    String right;

    @Override
    int execute() {
        RightArgument.require(spec, right);
        try (SqliteStore store = openExisting()) {
            store.grant(username, right).join();
            out().printf("Granted %s to %s.%n", right, username);
        }
        return BeaconCommand.EXIT_OK;
    }
}
