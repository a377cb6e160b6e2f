package org.beacon.server.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets listening on a TCP port, by socket inode, as Linux lists them in {@code /proc/net}.
 * The server listens with one accept queue per event loop ({@code SO_REUSEPORT}), and with that
 * option a second server started on the same port by mistake would bind too and silently take a
 * share of the connections; after binding, the server checks that every listener on its port is
 * its own.
 */
public final class PortListeners {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final Path OWN_FDS = Path.of("/proc/self/fd");
    private static final String LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    private PortListeners() {
    }

    /** Whether this host lists its sockets where {@link #listening(int)} and {@link #inodeOf(int)} read them. */
    public static boolean available() {
        return TABLES.stream().allMatch(Files::isReadable) && Files.isDirectory(OWN_FDS);
    }

    /** The inodes of the sockets listening on {@code port} on this host (this network namespace). */
    public static Set<Long> listening(int port) throws IOException {
        Set<Long> inodes = new HashSet<>();
        for (Path table : TABLES) {
            // Line by line: procfs reports a size of 0, and a reader that trusts it reads too little.
            inodes.addAll(parse(port, Files.readAllLines(table)));
        }
        return inodes;
    }

    /** The inode of the socket behind this process's file descriptor {@code fd}, if it is one. */
    public static OptionalLong inodeOf(int fd) {
        try {
            Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(OWN_FDS.resolve(Integer.toString(fd))).toString());
            return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    /** The inodes of the LISTEN rows for {@code port} in the lines of a {@code /proc/net/tcp}-style table. */
    static Set<Long> parse(int port, List<String> lines) {
        Set<Long> inodes = new HashSet<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":") || !LISTEN.equals(f[3])) {
                continue; // the header, or not a listener
            }
            Optional<Integer> local = portOf(f[1]);
            if (local.isPresent() && local.get() == port) {
                inodes.add(Long.parseLong(f[9]));
            }
        }
        return inodes;
    }

    private static Optional<Integer> portOf(String hexAddress) {
        int colon = hexAddress.lastIndexOf(':');
        try {
            return Optional.of(Integer.parseInt(hexAddress.substring(colon + 1), 16));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
