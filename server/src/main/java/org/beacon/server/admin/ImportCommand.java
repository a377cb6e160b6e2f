package org.beacon.server.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.directory.file.DirectoryFile;
import org.beacon.server.directory.file.DirectoryFileReader;
import org.beacon.server.directory.file.InvalidDirectoryFileException;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import}: validates a directory file completely, then upserts it in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import organizations, resources and users from a JSON directory file (docs/directory-format.md).",
            "Everything is checked first; with any problem, all problems are listed and nothing is written."})
final class ImportCommand extends AdminSubcommand {
    @Parameters(index = "0", paramLabel = "DIRECTORY_JSON", description = "The directory file.")
    Path file;

    @Override
    int execute() throws Exception {
        try (SqliteStore store = openExisting()) {
            DirectoryFile directoryFile;
            try {
                directoryFile = new DirectoryFileReader().read(file, store.loadDirectory().join());
            } catch (InvalidDirectoryFileException e) {
                err().println(spec.qualifiedName() + ": " + e.getMessage() + ":");
                e.problems().forEach(problem -> err().println("  " + problem));
                return BeaconCommand.EXIT_FAILURE;
            }
            store.importRegion(directoryFile.regionName(), directoryFile.imEnabled(), directoryFile.organizations(),
                    directoryFile.resources(), directoryFile.users()).join();

            out().printf("Imported %d organizations, %d resources and %d users into %s.%n",
                    directoryFile.organizations().size(), directoryFile.resources().size(),
                    directoryFile.users().size(), db);
            Directory after = store.loadDirectory().join();
            Set<String> imported = directoryFile.users().stream().map(User::username).collect(Collectors.toSet());
            List<String> noPassword = after.users().stream()
                    .filter(u -> imported.contains(u.username()) && u.passwordHash().isEmpty())
                    .map(User::username).sorted().toList();
            if (!noPassword.isEmpty()) {
                out().printf("%d of them have no password and cannot sign in until you run"
                        + " beacon-server reset-password --db %s USERNAME:%n", noPassword.size(), db);
                out().println("  " + String.join(", ", noPassword));
            }
        }
        return BeaconCommand.EXIT_OK;
    }
}
