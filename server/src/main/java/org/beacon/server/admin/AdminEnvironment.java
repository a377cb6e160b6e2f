package org.beacon.server.admin;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.store.SqliteStore;

/**
 * What the commands need from the outside world, passed in so that tests can replace it. Output
 * and error streams are picocli's ({@code CommandLine.setOut/setErr}).
 *
 * @param stores    opens the database
 * @param passwords reads new passwords
 * @param hashers   makes the password hasher when a command needs one (lazily: it is slow to build)
 * @param clock     the time
 */
public record AdminEnvironment(StoreOpener stores, PasswordSource passwords, Supplier<PasswordHasher> hashers,
                               Clock clock) {
    public AdminEnvironment {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(hashers, "hashers");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real thing: system clock, console or stdin, production-cost hashing, 5 s busy timeout. */
    public static AdminEnvironment system() {
        Clock clock = Clock.systemUTC();
        return new AdminEnvironment((db, mode) -> SqliteStore.open(db, mode, clock), PasswordSource.system(),
                PasswordHasher::new, clock);
    }
}
