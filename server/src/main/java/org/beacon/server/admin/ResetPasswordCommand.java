package org.beacon.server.admin;

import java.util.Arrays;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code reset-password}: sets a user's password, read from the console or stdin, never from arguments. */
@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = {"Set a user's password. It is read from the console (asked twice, not echoed),",
            "or from the first line of standard input when there is no console; never from the command line.",
            "The user's saved sessions (resume tokens) are forgotten."})
final class ResetPasswordCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    int execute() {
        try (SqliteStore store = openExisting()) {
            if (store.loadDirectory().join().user(username).isEmpty()) {
                throw new AdminException("no user \"" + username + "\"");
            }
            char[] password = env().passwords().readNewPassword(username);
            String hash;
            try {
                hash = env().hashers().get().hash(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            store.setPasswordHash(username, hash).join();
            out().printf("Password set for %s.%n", username);
        }
        return BeaconCommand.EXIT_OK;
    }
}
