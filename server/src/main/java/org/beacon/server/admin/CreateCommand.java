package org.beacon.server.admin;

import org.beacon.server.demo.DemoRegion;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.RegionSettings;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code create}: a new region database, optionally with the demo region. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a new region database. Fails if the file exists.")
final class CreateCommand extends AdminSubcommand {
    @Option(names = "--region", paramLabel = "NAME", description = "The region's name (default: \"Beacon region\", "
            + "or \"" + DemoRegion.REGION_NAME + "\" with --demo).")
    String region;

    @Option(names = "--demo", description = "Seed the demo region (users gblue, ablack, cgray and more; password \"demo\").")
    boolean demo;

    @Override
    int execute() {
        if (region != null && region.isBlank()) {
            throw usage("--region must not be blank");
        }
        try (SqliteStore store = env().stores().open(db, OpenMode.CREATE_NEW)) {
            if (demo) {
                DemoRegion demoRegion = new DemoRegion(env().hashers().get());
                demoRegion.seed(store).join();
            }
            if (region != null) {
                store.setRegionName(region).join();
            }
            RegionSettings settings = store.loadSettings().join();
            out().printf("Created %s for region \"%s\" (IM %s).%n", db, settings.regionName(),
                    settings.imEnabled() ? "on" : "off");
            if (demo) {
                var directory = store.loadDirectory().join();
                out().printf("Demo region: %d organizations, %d resources, %d users, all with password \"%s\".%n",
                        directory.organizations().size(), directory.resources().size(), directory.users().size(),
                        DemoRegion.PASSWORD);
            } else {
                out().printf("Next: beacon-server import --db %s DIRECTORY_JSON%n", db);
            }
        }
        return BeaconCommand.EXIT_OK;
    }
}
