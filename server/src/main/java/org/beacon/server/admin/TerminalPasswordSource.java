package org.beacon.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.util.Arrays;

/** Reads a password from the console (echo off, twice) or, without a console, from the first line of stdin. */
final class TerminalPasswordSource implements PasswordSource {
    private final Console console;
    private final BufferedReader stdin;

    TerminalPasswordSource(Console console, BufferedReader stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    @Override
    public char[] readNewPassword(String username) {
        char[] password = console != null ? fromConsole(username) : fromStdin();
        if (password.length == 0) {
            throw new AdminException("the password must not be empty; nothing was changed");
        }
        return password;
    }

    private char[] fromConsole(String username) {
        char[] first = console.readPassword("New password for %s: ", username);
        char[] second = first == null ? null : console.readPassword("Repeat the password: ");
        if (first == null || second == null) {
            throw new AdminException("no password entered; nothing was changed");
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new AdminException("the two passwords differ; nothing was changed");
        }
        return first;
    }

    private char[] fromStdin() {
        try {
            String line = stdin.readLine();
            if (line == null) {
                throw new AdminException("no password on standard input (expected on its first line); nothing was changed");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new AdminException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
