package org.beacon.server.admin;

import org.beacon.protocol.model.Rights;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** Checks a right given on the command line against {@link Rights#ALL}. */
final class RightArgument {
    private RightArgument() {
    }

    static String require(CommandSpec spec, String right) {
        if (!Rights.ALL.contains(right)) {
            throw new ParameterException(spec.commandLine(),
                    "unknown right \"" + right + "\" (known: " + String.join(", ", Rights.ALL) + ")");
        }
        return right;
    }
}
