package org.beacon.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.beacon.protocol.model.Rights;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.RegionSettings;
import org.beacon.server.store.SqliteStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRegionTest {
    static Directory directory;
    static RegionSettings settings;

    @BeforeAll
    static void seed(@TempDir Path dir) {
        // The production hasher, as the demo uses it: proves "demo" verifies with the real cost.
        try (SqliteStore store = SqliteStore.open(dir.resolve("demo.db"), OpenMode.CREATE_NEW, Clock.systemUTC())) {
            new DemoRegion(new PasswordHasher()).seed(store).join();
            directory = store.loadDirectory().join();
            settings = store.loadSettings().join();
        }
    }

    @Test
    void seed_fixedUsers_haveExactlyTheDesignedAttributes() {
        User gblue = directory.user("gblue").orElseThrow();
        assertThat(gblue.fullName()).isEqualTo("Green Blue");
        assertThat(directory.organizationName(gblue.organizationId())).isEqualTo("IMX EMS");
        assertThat(gblue.timeZone()).isEqualTo("America/Chicago");
        assertThat(gblue.rights()).containsExactly(Rights.INITIATE_IM);

        User ablack = directory.user("ablack").orElseThrow();
        assertThat(ablack.timeZone()).isEqualTo("America/New_York");
        assertThat(ablack.rights()).isEmpty();

        User cgray = directory.user("cgray").orElseThrow();
        assertThat(cgray.timeZone()).isEqualTo("America/Denver");
        assertThat(cgray.rights()).isEmpty();
    }

    @Test
    void seed_passwordDemo_verifiesForEveryUser_andOneHashIsShared() {
        PasswordHasher hasher = new PasswordHasher(1);
        User gblue = directory.user("gblue").orElseThrow();
        assertThat(hasher.verify("demo".toCharArray(), gblue.passwordHash())).isTrue();
        assertThat(hasher.verify("Demo".toCharArray(), gblue.passwordHash())).isFalse();
        assertThat(directory.users()).extracting(User::passwordHash).containsOnly(gblue.passwordHash());
    }

    @Test
    void seed_fixedUsersShareAResource_soItsPageListsAllThree() {
        assertThat(directory.usersOf(DemoRegion.SHARED_RESOURCE)).extracting(User::username)
                .contains("gblue", "ablack", "cgray");
    }

    @Test
    void seed_isARealisticRegion_withImOn() {
        assertThat(settings).isEqualTo(new RegionSettings("Demo County", true));
        assertThat(directory.users()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(directory.organizations()).extracting(o -> o.kind()).contains("ems", "hospital", "eoc");
        assertThat(directory.users()).filteredOn(u -> u.has(Rights.INITIATE_IM)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(directory.users()).allSatisfy(u -> assertThat(u.resourceIds()).isNotEmpty());
        assertThat(directory.resources()).allSatisfy(r -> assertThat(directory.usersOf(r.id())).isNotEmpty());
        Set<String> zones = directory.users().stream().map(User::timeZone).collect(java.util.stream.Collectors.toSet());
        assertThat(zones).containsAll(List.of("America/Chicago", "America/New_York", "America/Denver"));
    }
}
