package org.beacon.client.it;

import java.util.List;
import java.util.Set;
import org.beacon.protocol.model.Rights;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;

/**
 * Named data of the small region the integration tests run on. Passwords are {@code "pw-" + username};
 * hashes are cheap ({@link #HASHER}) so that signing in takes milliseconds.
 *
 * <pre>
 * alice  County EMS, Station 1   America/Chicago   may initiate IM
 * bob    St. Mary Hospital, ER   America/New_York
 * carol  County EMS, Station 1   America/Denver
 * dave   St. Mary Hospital, ER   Pacific/Honolulu
 * </pre>
 */
final class ItRegion {
    static final PasswordHasher HASHER = new PasswordHasher(1_000);

    static final Organization EMS = new Organization("county-ems", "County EMS", "ems");
    static final Organization HOSPITAL = new Organization("st-mary", "St. Mary Hospital", "hospital");
    static final Resource STATION = new Resource("station-1", "EMS Station 1", "ems_station", EMS.id());
    static final Resource ER = new Resource("st-mary-er", "St. Mary ER", "hospital", HOSPITAL.id());

    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String CAROL = "carol";
    static final String DAVE = "dave";

    private ItRegion() {
    }

    static List<Organization> organizations() {
        return List.of(EMS, HOSPITAL);
    }

    static List<Resource> resources() {
        return List.of(STATION, ER);
    }

    static List<User> users() {
        return List.of(
                user(ALICE, EMS, STATION, "America/Chicago", Set.of(Rights.INITIATE_IM)),
                user(BOB, HOSPITAL, ER, "America/New_York", Set.of()),
                user(CAROL, EMS, STATION, "America/Denver", Set.of()),
                user(DAVE, HOSPITAL, ER, "Pacific/Honolulu", Set.of()));
    }

    static String password(String username) {
        return "pw-" + username;
    }

    private static User user(String username, Organization organization, Resource resource, String zone,
            Set<String> rights) {
        return new User(username, "User " + username, organization.id(), zone,
                HASHER.hash(password(username).toCharArray()), rights, List.of(resource.id()));
    }
}
