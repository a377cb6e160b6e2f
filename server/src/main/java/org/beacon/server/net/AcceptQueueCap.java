package org.beacon.server.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The host's cap on a listening socket's accept queue ({@code net.core.somaxconn} on Linux),
 * however large a backlog the server asks for. When a whole site reconnects at once, the
 * connections beyond the cap wait for the kernel's SYN retransmission, a second or more; the
 * server says so at start, so an operator of a large site knows to raise it.
 */
public final class AcceptQueueCap {
    /** Where Linux tells the cap. */
    public static final Path LINUX_SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

    private AcceptQueueCap() {
    }

    /** The cap in {@code file}; empty where the host has no such file or it holds no number. */
    public static OptionalInt read(Path file) {
        // Line by line: Files.readString trusts the size procfs reports and returned "4" of "4096".
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            return line == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(line.strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A line for the log when {@code cap} holds fewer than {@code asked}; empty otherwise. */
    public static Optional<String> shortfall(int asked, OptionalInt cap) {
        if (cap.isEmpty() || cap.getAsInt() >= asked) {
            return Optional.empty();
        }
        return Optional.of(String.format("The kernel holds at most %d connections waiting to be accepted"
                + " (net.core.somaxconn), fewer than the %d asked for: when more desks than that reconnect"
                + " at the same moment, the rest wait a second or more. A large site should raise it"
                + " (sysctl -w net.core.somaxconn=%d; see the README's \"Running a server\")",
                cap.getAsInt(), asked, asked));
    }
}
