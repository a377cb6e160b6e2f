package org.beacon.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The failure paths of {@code serve}; serving itself is covered by the server tests and by hand. */
class ServeCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        Clock clock = Clock.systemUTC();
        AdminEnvironment env = new AdminEnvironment((db, mode) -> SqliteStore.open(db, mode, clock),
                user -> "unused".toCharArray(), () -> TestServer.HASHER, clock);
        return new CommandLine(new BeaconCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void missingDatabase_failsWithAHint() {
        Path db = dir.resolve("missing.db");
        assertThat(run("serve", "--db", db.toString(), "--port", "0")).isEqualTo(BeaconCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("missing.db").contains("beacon-server create --db");
    }

    @Test
    void portOutOfRange_isAUsageError() {
        assertThat(run("serve", "--db", dir.resolve("x.db").toString(), "--port", "70000"))
                .isEqualTo(BeaconCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void noIoThreads_isAUsageError() {
        assertThat(run("serve", "--db", dir.resolve("x.db").toString(), "--io-threads", "0"))
                .isEqualTo(BeaconCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--io-threads must be at least 1");
    }

    @Test
    void unknownTransport_isAUsageError() {
        assertThat(run("serve", "--db", dir.resolve("x.db").toString(), "--transport", "carrier-pigeon"))
                .isEqualTo(BeaconCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--transport must be auto, io_uring, epoll or nio, not carrier-pigeon");
    }

    @Test
    void serve_isListedAmongTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve");
    }
}
