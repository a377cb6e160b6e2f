package org.beacon.bench.server;

import java.util.OptionalLong;

/** The server a run targets: one the generator launched, or one already running ({@code --server}). */
public interface ServerUnderTest extends AutoCloseable {
    String host();

    int port();

    /** The server's process id when this JVM launched it (then heap after a forced GC and RSS can be read). */
    OptionalLong pid();

    /** Stops a launched server and deletes its files; nothing for a remote one. */
    @Override
    void close();
}
