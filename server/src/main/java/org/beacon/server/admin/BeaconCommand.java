package org.beacon.server.admin;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code beacon-server}: the server jar's main command. Each subcommand is its own class.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILURE} failure (missing, locked or
 * incompatible database, unknown or duplicate user, invalid import file, bad password input),
 * {@value #EXIT_USAGE} usage error (unknown option, missing or invalid argument value),
 * {@value #EXIT_INTERNAL} internal error (a bug; a stack trace follows).
 *
 * <p>In tests: {@code new CommandLine(new BeaconCommand(env)).setOut(out).setErr(err).execute(args)}.
 */
@Command(name = "beacon-server",
        mixinStandardHelpOptions = true,
        versionProvider = BeaconCommand.Version.class,
        description = "Beacon LAN instant messaging server and its administration.",
        subcommands = {
            ServeCommand.class,
            CreateCommand.class,
            ImportCommand.class,
            AddUserCommand.class,
            ResetPasswordCommand.class,
            GrantCommand.class,
            RevokeCommand.class,
            ImCommand.class,
            BackupCommand.class,
            StatsCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (missing, locked or incompatible database; unknown or duplicate user; invalid import file)",
            "2:usage error (unknown option, missing or invalid argument)",
            "3:internal error (a bug; please report the stack trace)"})
public final class BeaconCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    private final AdminEnvironment environment;

    @Spec
    CommandSpec spec;

    /** With the real console, clock and database files. */
    public BeaconCommand() {
        this(AdminEnvironment.system());
    }

    public BeaconCommand(AdminEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** For subcommands ({@code @ParentCommand}), including the network layer's {@code serve}. */
    public AdminEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BeaconCommand()).execute(args));
    }

    /** The jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BeaconCommand.class.getPackage().getImplementationVersion();
            return new String[] {"beacon-server " + (version == null ? "(development build)" : version)};
        }
    }
}
