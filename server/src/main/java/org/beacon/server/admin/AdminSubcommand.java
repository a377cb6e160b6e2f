package org.beacon.server.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Common part of the subcommands that work on a database: the {@code --db} option, access to
 * the environment and streams, and the mapping of failures to one line on stderr and an exit code
 * ({@link BeaconCommand#EXIT_FAILURE} for expected failures, {@link BeaconCommand#EXIT_INTERNAL}
 * with a stack trace for bugs). Usage errors ({@link ParameterException}) go to picocli, which
 * prints the message and usage and exits with {@link BeaconCommand#EXIT_USAGE}.
 */
abstract class AdminSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BeaconCommand parent;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The region database file.")
    Path db;

    /** The command's work; returns the exit code. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            if (cause instanceof StoreException || cause instanceof AdminException) {
                return fail(cause.getMessage());
            }
            if (cause instanceof NoSuchFileException missing) {
                return fail(missing.getFile() + ": no such file");
            }
            if (cause instanceof IOException io) {
                return fail(io.getMessage());
            }
            err().println(spec.qualifiedName() + ": internal error (please report it): " + cause);
            cause.printStackTrace(err());
            return BeaconCommand.EXIT_INTERNAL;
        }
    }

    int fail(String message) {
        err().println(spec.qualifiedName() + ": " + message);
        return BeaconCommand.EXIT_FAILURE;
    }

    AdminEnvironment env() {
        return parent.environment();
    }

    SqliteStore openExisting() {
        try {
            return env().stores().open(db, OpenMode.EXISTING);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                throw new AdminException(e.getMessage() + " (create one with: beacon-server create --db " + db + ")");
            }
            throw e;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
