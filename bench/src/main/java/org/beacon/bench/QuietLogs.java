package org.beacon.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench jar carries the server's logback.xml (INFO). In the generator's own JVM the client
 * library's per-connection lines would drown the progress lines, so they are raised to WARN here.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        if (LoggerFactory.getLogger("org.beacon") instanceof Logger beacon) {
            beacon.setLevel(Level.WARN);
        }
        if (LoggerFactory.getLogger("org.beacon.server") instanceof Logger server) {
            server.setLevel(Level.WARN);
        }
    }
}
