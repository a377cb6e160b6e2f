package org.beacon.server.admin;

import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code revoke}: takes a right from a user. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a right from a user (revoking one they lack is not an error). Known rights: initiate_im.")
final class RevokeCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Parameters(index = "1", paramLabel = "RIGHT")
    String right;

    @Override
    int execute() {
        RightArgument.require(spec, right);
        try (SqliteStore store = openExisting()) {
            store.revoke(username, right).join();
            out().printf("Revoked %s from %s.%n", right, username);
        }
        return BeaconCommand.EXIT_OK;
    }
}
