package org.beacon.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Where a new password comes from. Never the command line: arguments show up in {@code ps} and
 * in shell history.
 */
@FunctionalInterface
public interface PasswordSource {
    /**
     * Reads a new, non-empty password for {@code username}.
     *
     * @throws AdminException when none was given, it is empty, or the two entries differ
     */
    char[] readNewPassword(String username);

    /** The console with echo off, asked twice, when there is one; otherwise the first line of stdin. */
    static PasswordSource terminal(Console console, Reader stdin) {
        return new TerminalPasswordSource(console, new BufferedReader(stdin));
    }

    /** {@link #terminal} on this process's console and standard input. */
    static PasswordSource system() {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        return terminal(console, new InputStreamReader(System.in, charset));
    }
}
