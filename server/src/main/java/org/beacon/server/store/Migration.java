package org.beacon.server.store;

import java.util.List;

/**
 * One step of the schema history: the statements that take a database from {@code version - 1}
 * to {@code version}. Steps are never edited once released; a change is a new step.
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
        statements = List.copyOf(statements);
    }
}
