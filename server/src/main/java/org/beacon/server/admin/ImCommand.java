package org.beacon.server.admin;

import org.beacon.server.store.RegionSettings;
import org.beacon.server.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code im}: shows or switches instant messaging for the whole region. */
@Command(name = "im", mixinStandardHelpOptions = true,
        description = {"Switch instant messaging on or off for the whole region; without an argument, show the state.",
            "A running server sees the change within a second and tells connected clients."})
final class ImCommand extends AdminSubcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off")
    String state;

    @Override
    int execute() {
        Boolean enable = null;
        if (state != null) {
            if (!state.equals("on") && !state.equals("off")) {
                throw usage("expected on or off, not \"" + state + "\"");
            }
            enable = state.equals("on");
        }
        try (SqliteStore store = openExisting()) {
            if (enable != null) {
                store.setImEnabled(enable).join();
            }
            RegionSettings settings = store.loadSettings().join();
            out().printf(enable == null ? "IM is %s in region \"%s\".%n" : "IM switched %s in region \"%s\".%n",
                    settings.imEnabled() ? "on" : "off", settings.regionName());
        }
        return BeaconCommand.EXIT_OK;
    }
}
