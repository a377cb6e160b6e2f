package org.beacon.server.admin;

import java.util.Locale;
import org.beacon.server.directory.Directory;
import org.beacon.server.store.RegionSettings;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.store.StoreStats;
import picocli.CommandLine.Command;

/** {@code stats}: what the database holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print counts and the size of the database.")
final class StatsCommand extends AdminSubcommand {
    @Override
    int execute() {
        try (SqliteStore store = openExisting()) {
            RegionSettings settings = store.loadSettings().join();
            StoreStats stats = store.stats().join();
            Directory directory = store.loadDirectory().join();
            long withoutPassword = directory.users().stream().filter(u -> u.passwordHash().isEmpty()).count();
            out().printf("Region:         %s (IM %s)%n", settings.regionName(), settings.imEnabled() ? "on" : "off");
            out().printf("Organizations:  %d%n", stats.organizations());
            out().printf("Resources:      %d%n", stats.resources());
            out().printf("Users:          %d (%d without a password)%n", stats.users(), withoutPassword);
            out().printf("Sessions:       %d (%d active)%n", stats.sessions(), stats.activeSessions());
            out().printf("Messages:       %d%n", stats.messages());
            out().printf("Database size:  %s%n", size(stats.databaseBytes()));
        }
        return BeaconCommand.EXIT_OK;
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KiB", (bytes + 1023) / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
