package org.beacon.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.beacon.protocol.model.Rights;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.testing.TestRegion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BeaconCommandTest {
    private static final PasswordHasher FAST_HASHER = new PasswordHasher(1_000);

    @TempDir
    Path dir;
    Path db;

    record Result(int exitCode, String out, String err) {
    }

    /** Runs the command in-process with {@code stdin} as standard input and no console. */
    private Result withStdin(String stdin, String... args) {
        AdminEnvironment env = new AdminEnvironment(
                (file, mode) -> SqliteStore.open(file, mode, TestRegion.CLOCK, Duration.ofMillis(200)),
                PasswordSource.terminal(null, new StringReader(stdin)), () -> FAST_HASHER, TestRegion.CLOCK);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new BeaconCommand(env))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result run(String... args) {
        return withStdin("", args);
    }

    private Directory directory() {
        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING, TestRegion.CLOCK)) {
            return store.loadDirectory().join();
        }
    }

    private User user(String username) {
        return directory().user(username).orElseThrow();
    }

    /** A database with the demo region. */
    private void createDemo() {
        assertThat(run("create", "--db", db.toString(), "--demo").exitCode()).isZero();
    }

    @BeforeEach
    void paths() {
        db = dir.resolve("region.db");
    }

    @Nested
    @DisplayName("the command itself")
    class Top {
        @Test
        void noSubcommand_isAUsageError() {
            Result r = run();
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            assertThat(r.err()).contains("Missing subcommand").contains("Usage: beacon-server");
        }

        @Test
        void help_listsEverySubcommandAndTheExitCodes() {
            Result r = run("--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("create", "import", "add-user", "reset-password", "grant", "revoke", "im",
                    "backup", "stats", "Exit codes:");
        }

        @Test
        void version_printsAVersion() {
            Result r = run("--version");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("beacon-server ");
        }

        @Test
        void anyCommand_missingDatabase_failsWithOneLineAndCreatesNothing() {
            Result r = run("stats", "--db", db.toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server stats: no database at " + db
                    + " (create one with: beacon-server create --db " + db + ")");
            assertThat(db).doesNotExist();
        }

        @Test
        void anyCommand_notABeaconDatabase_failsWithoutAStackTrace() throws Exception {
            Files.writeString(db, "not a database at all, just some words ".repeat(50));
            Result r = run("im", "--db", db.toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).singleElement().asString().contains("is not a database");
        }

        @Test
        void writeCommand_databaseLockedByAnotherProgram_failsWithLocked() throws Exception {
            createDemo();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                Result r = run("grant", "--db", db.toString(), "ablack", Rights.INITIATE_IM);
                assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
                assertThat(r.err().lines()).singleElement().asString()
                        .startsWith("beacon-server grant: grant initiate_im to ablack: the database")
                        .contains("is busy");
                s.execute("ROLLBACK");
            }
            assertThat(user("ablack").rights()).isEmpty();
        }
    }

    @Nested
    @DisplayName("create")
    class Create {
        @Test
        void create_demo_seedsTheDemoRegion() {
            Result r = run("create", "--db", db.toString(), "--demo");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Created " + db + " for region \"Demo County\" (IM on).")
                    .contains("16 users, all with password \"demo\"");
            assertThat(FAST_HASHER.verify("demo".toCharArray(), user("gblue").passwordHash())).isTrue();
        }

        @Test
        void create_withRegionName_namesTheRegion() {
            Result r = run("create", "--db", db.toString(), "--region", "North County");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("for region \"North County\"");
            assertThat(directory().users()).isEmpty();
        }

        @Test
        void create_fileExists_failsAndLeavesItAlone() throws Exception {
            Files.writeString(db, "precious");
            Result r = run("create", "--db", db.toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server create: " + db + " exists already");
            assertThat(Files.readString(db)).isEqualTo("precious");
        }
    }

    @Nested
    @DisplayName("import")
    class Import {
        @Test
        void import_exampleFile_importsAndListsUsersWithoutPassword() {
            run("create", "--db", db.toString());
            Result r = run("import", "--db", db.toString(), "../examples/directory.json");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Imported 5 organizations, 6 resources and 8 users into " + db + ".")
                    .contains("7 of them have no password and cannot sign in until you run beacon-server reset-password")
                    .contains("dstone, ebrooks, jmendoza, lfischer, owright, skim, tnakamura");
            assertThat(directory().users()).hasSize(8);
            assertThat(run("stats", "--db", db.toString()).out()).contains("Region:         Riverbend Valley (IM on)");
        }

        @Test
        void importDirectory_unknownOrganization_reportsAndWritesNothing() throws Exception {
            createDemo();
            Path file = Files.writeString(dir.resolve("bad.json"), """
                    {"organizations": [{"id": "new-org", "name": "New Org"}],
                     "users": [{"username": "zed", "full_name": "Zed", "organization": "nowhere", "time_zone": "UTC"},
                               {"username": "amy", "full_name": "Amy", "organization": "new-org", "time_zone": "Moon/Base"}]}
                    """);
            Result r = run("import", "--db", db.toString(), file.toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly(
                    "beacon-server import: " + file + ": 2 problems; nothing was imported:",
                    "  users[0] \"zed\" (line 2): unknown organization \"nowhere\" (not in the file or the database)",
                    "  users[1] \"amy\" (line 3): unknown time_zone \"Moon/Base\" (use an IANA name such as America/Chicago)");
            assertThat(directory().organization("new-org")).isEmpty();
        }

        @Test
        void import_missingFile_failsWithOneLine() {
            createDemo();
            Result r = run("import", "--db", db.toString(), dir.resolve("nope.json").toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server import: " + dir.resolve("nope.json") + ": no such file");
        }

        @Test
        void import_existingUserWithoutHash_keepsTheirPassword() throws Exception {
            createDemo();
            Path file = Files.writeString(dir.resolve("move.json"), """
                    {"users": [{"username": "gblue", "full_name": "Green Blue", "organization": "lakeside-fire",
                                "time_zone": "America/Chicago", "rights": [], "resources": ["lakeside-station-2"]}]}""");
            Result r = run("import", "--db", db.toString(), file.toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).doesNotContain("no password");
            User gblue = user("gblue");
            assertThat(gblue.organizationId()).isEqualTo("lakeside-fire");
            assertThat(gblue.rights()).isEmpty();
            assertThat(FAST_HASHER.verify("demo".toCharArray(), gblue.passwordHash())).isTrue();
        }
    }

    @Nested
    @DisplayName("users and passwords")
    class Users {
        @BeforeEach
        void demo() {
            createDemo();
        }

        @Test
        void addUser_withPasswordFromStdin_addsASignInableUser() {
            Result r = withStdin("s3cret-pass\n", "add-user", "--db", db.toString(), "--username", "jdoe", "--full-name",
                    "Jane Doe", "--organization", "imx-ems", "--time-zone", "America/Chicago", "--right", "initiate_im",
                    "--resource", "imx-station-1", "--resource", "county-eoc");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Added user jdoe (Jane Doe, IMX EMS).\n");
            User jdoe = user("jdoe");
            assertThat(jdoe.rights()).containsExactly(Rights.INITIATE_IM);
            assertThat(jdoe.resourceIds()).containsExactlyInAnyOrder("imx-station-1", "county-eoc");
            assertThat(FAST_HASHER.verify("s3cret-pass".toCharArray(), jdoe.passwordHash())).isTrue();
        }

        @Test
        void addUser_duplicateUsername_failsBeforeAskingForAPassword() {
            Result r = withStdin("", "add-user", "--db", db.toString(), "--username", "gblue", "--full-name", "Other",
                    "--organization", "imx-ems", "--time-zone", "UTC");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server add-user: user \"gblue\" exists already");
            assertThat(user("gblue").fullName()).isEqualTo("Green Blue");
        }

        @Test
        void addUser_unknownOrganization_fails() {
            Result r = withStdin("pw\n", "add-user", "--db", db.toString(), "--username", "x1", "--full-name", "X",
                    "--organization", "nowhere", "--time-zone", "UTC");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err()).contains("no organization \"nowhere\"");
        }

        @Test
        void addUser_badRightOrZoneOrUsername_isAUsageError() {
            String[] base = {"add-user", "--db", db.toString(), "--full-name", "X", "--organization", "imx-ems"};
            Result badRight = withStdin("pw\n", concat(base, "--username", "x1", "--time-zone", "UTC", "--right", "admin"));
            Result badZone = withStdin("pw\n", concat(base, "--username", "x1", "--time-zone", "Chicago"));
            Result badName = withStdin("pw\n", concat(base, "--username", "X One", "--time-zone", "UTC"));
            assertThat(List.of(badRight.exitCode(), badZone.exitCode(), badName.exitCode()))
                    .containsOnly(BeaconCommand.EXIT_USAGE);
            assertThat(badRight.err()).contains("unknown right \"admin\" (known: initiate_im)");
            assertThat(badZone.err()).contains("--time-zone \"Chicago\" is not a time zone");
            assertThat(badName.err()).contains("--username \"X One\" must be");
            assertThat(directory().user("x1")).isEmpty();
        }

        @Test
        void addUser_emptyPassword_isRefused() {
            Result r = withStdin("\n", "add-user", "--db", db.toString(), "--username", "x1", "--full-name", "X",
                    "--organization", "imx-ems", "--time-zone", "UTC");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err()).contains("the password must not be empty");
            assertThat(directory().user("x1")).isEmpty();
        }

        @Test
        void resetPassword_fromStdinFirstLine_setsIt() {
            Result r = withStdin("new-password\nsecond line ignored\n", "reset-password", "--db", db.toString(), "ablack");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Password set for ablack.\n");
            assertThat(FAST_HASHER.verify("new-password".toCharArray(), user("ablack").passwordHash())).isTrue();
        }

        @Test
        void resetPassword_passwordAsArgument_isRejectedAsUsageError() {
            Result r = withStdin("from-stdin\n", "reset-password", "--db", db.toString(), "ablack", "on-the-command-line");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            Result option = withStdin("from-stdin\n", "reset-password", "--db", db.toString(), "--password", "x", "ablack");
            assertThat(option.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            assertThat(FAST_HASHER.verify("demo".toCharArray(), user("ablack").passwordHash())).isTrue();
        }

        @Test
        void resetPassword_emptyOrMissingStdin_isRefused() {
            Result empty = withStdin("\n", "reset-password", "--db", db.toString(), "ablack");
            Result missing = withStdin("", "reset-password", "--db", db.toString(), "ablack");
            assertThat(empty.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(empty.err()).contains("the password must not be empty");
            assertThat(missing.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(missing.err()).contains("no password on standard input");
            assertThat(FAST_HASHER.verify("demo".toCharArray(), user("ablack").passwordHash())).isTrue();
        }

        @Test
        void resetPassword_unknownUser_failsWithOneLine() {
            Result r = withStdin("pw\n", "reset-password", "--db", db.toString(), "nobody");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server reset-password: no user \"nobody\"");
        }
    }

    @Nested
    @DisplayName("rights, IM switch, backup, stats")
    class Region {
        @BeforeEach
        void demo() {
            createDemo();
        }

        @Test
        void grantAndRevoke_changeTheUsersRights() {
            Result grant = run("grant", "--db", db.toString(), "ablack", "initiate_im");
            assertThat(grant.exitCode()).isZero();
            assertThat(grant.out()).isEqualTo("Granted initiate_im to ablack.\n");
            assertThat(user("ablack").rights()).containsExactly(Rights.INITIATE_IM);

            Result revoke = run("revoke", "--db", db.toString(), "ablack", "initiate_im");
            assertThat(revoke.exitCode()).isZero();
            assertThat(revoke.out()).isEqualTo("Revoked initiate_im from ablack.\n");
            assertThat(user("ablack").rights()).isEmpty();
        }

        @Test
        void grant_unknownUser_failsWithOneLine() {
            Result r = run("grant", "--db", db.toString(), "nobody", "initiate_im");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server grant: no user \"nobody\"");
        }

        @Test
        void grantOrRevoke_unknownRight_isAUsageError() {
            Result grant = run("grant", "--db", db.toString(), "ablack", "superuser");
            Result revoke = run("revoke", "--db", db.toString(), "gblue", "superuser");
            assertThat(grant.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            assertThat(grant.err()).contains("unknown right \"superuser\" (known: initiate_im)");
            assertThat(revoke.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            assertThat(user("gblue").rights()).containsExactly(Rights.INITIATE_IM);
        }

        @Test
        void im_showsAndSwitchesTheRegionsImState() {
            assertThat(run("im", "--db", db.toString()).out()).isEqualTo("IM is on in region \"Demo County\".\n");
            Result off = run("im", "--db", db.toString(), "off");
            assertThat(off.exitCode()).isZero();
            assertThat(off.out()).isEqualTo("IM switched off in region \"Demo County\".\n");
            assertThat(run("im", "--db", db.toString()).out()).isEqualTo("IM is off in region \"Demo County\".\n");
            assertThat(run("im", "--db", db.toString(), "on").out()).contains("switched on");
        }

        @Test
        void im_otherWord_isAUsageError() {
            Result r = run("im", "--db", db.toString(), "maybe");
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_USAGE);
            assertThat(r.err()).contains("expected on or off, not \"maybe\"");
        }

        @Test
        void backup_whileAnotherStoreServesTheFile_writesAnOpenableCopy() {
            Path copy = dir.resolve("copy.db");
            try (SqliteStore serving = SqliteStore.open(db, OpenMode.EXISTING, TestRegion.CLOCK)) {
                serving.setImEnabled(false).join();
                Result r = run("backup", "--db", db.toString(), copy.toString());
                assertThat(r.exitCode()).isZero();
                assertThat(r.out()).startsWith("Backed up " + db + " to " + copy + " (").endsWith("KiB).\n");
            }
            try (SqliteStore restored = SqliteStore.open(copy, OpenMode.EXISTING, TestRegion.CLOCK)) {
                assertThat(restored.loadDirectory().join().users()).hasSize(16);
                assertThat(restored.loadSettings().join().imEnabled()).isFalse();
            }
        }

        @Test
        void backup_targetExists_fails() throws Exception {
            Path taken = Files.writeString(dir.resolve("taken.db"), "x");
            Result r = run("backup", "--db", db.toString(), taken.toString());
            assertThat(r.exitCode()).isEqualTo(BeaconCommand.EXIT_FAILURE);
            assertThat(r.err().lines()).containsExactly("beacon-server backup: backup target " + taken + " exists already");
        }

        @Test
        void stats_printsCounts() {
            Result r = run("stats", "--db", db.toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Region:         Demo County (IM on)", "Organizations:  5", "Resources:      7",
                    "Users:          16 (0 without a password)", "Sessions:       0 (0 active)", "Messages:       0",
                    "Database size:  ");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
