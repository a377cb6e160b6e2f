package org.beacon.server.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beacon.protocol.model.Rights;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Ids;
import org.beacon.server.directory.User;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code add-user}: one new user; the password is then read as for reset-password. */
@Command(name = "add-user", mixinStandardHelpOptions = true,
        description = {"Add a user. The password is then read from the console (asked twice, not echoed),",
            "or from the first line of standard input when there is no console."})
final class AddUserCommand extends AdminSubcommand {
    @Option(names = "--username", required = true, paramLabel = "USERNAME", description = "Sign-in name: a-z, 0-9, '.', '_', '-'.")
    String username;

    @Option(names = "--full-name", required = true, paramLabel = "NAME", description = "Display name.")
    String fullName;

    @Option(names = "--organization", required = true, paramLabel = "ORG", description = "Organization id.")
    String organization;

    @Option(names = "--time-zone", required = true, paramLabel = "ZONE", description = "IANA time zone, e.g. America/Chicago.")
    String timeZone;

    @Option(names = "--right", paramLabel = "RIGHT", description = "A right to grant (repeatable). Known: initiate_im.")
    List<String> rights = new ArrayList<>();

    @Option(names = "--resource", paramLabel = "ID", description = "A resource the user belongs to (repeatable).")
    List<String> resources = new ArrayList<>();

    @Override
    int execute() {
        if (!Ids.isValid(username)) {
            throw usage("--username \"" + username + "\" must be 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (fullName.isBlank()) {
            throw usage("--full-name must not be blank");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw usage("--time-zone \"" + timeZone + "\" is not a time zone (use an IANA name such as America/Chicago)");
        }
        for (String right : rights) {
            if (!Rights.ALL.contains(right)) {
                throw usage("unknown right \"" + right + "\" (known: " + String.join(", ", Rights.ALL) + ")");
            }
        }
        try (SqliteStore store = openExisting()) {
            Directory directory = store.loadDirectory().join();
            if (directory.user(username).isPresent()) {
                throw new AdminException("user \"" + username + "\" exists already");
            }
            if (directory.organization(organization).isEmpty()) {
                throw new AdminException("no organization \"" + organization + "\"");
            }
            for (String resource : resources) {
                if (directory.resource(resource).isEmpty()) {
                    throw new AdminException("no resource \"" + resource + "\"");
                }
            }
            char[] password = env().passwords().readNewPassword(username);
            String hash;
            try {
                hash = env().hashers().get().hash(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            store.addUser(new User(username, fullName.strip(), organization, timeZone, hash, Set.copyOf(rights),
                    List.copyOf(new LinkedHashSet<>(resources)))).join();
            out().printf("Added user %s (%s, %s).%n", username, fullName.strip(), directory.organizationName(organization));
        }
        return BeaconCommand.EXIT_OK;
    }
}
