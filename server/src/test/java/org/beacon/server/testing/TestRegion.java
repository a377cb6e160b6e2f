package org.beacon.server.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.model.SessionKind;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SessionRecord;
import org.beacon.server.store.SqliteStore;

/** Named test data: a tiny region and builders for users, sessions and messages. */
public final class TestRegion {
    /** A new store at {@code db} holding this region's directory and the given sessions. */
    public static SqliteStore storeWith(Path db, SessionRecord... sessions) throws Exception {
        SqliteStore store = SqliteStore.open(db, OpenMode.CREATE_NEW, CLOCK);
        store.importDirectory(organizations(), resources(), users()).get(10, TimeUnit.SECONDS);
        for (SessionRecord session : sessions) {
            store.insertSession(session).get(10, TimeUnit.SECONDS);
        }
        return store;
    }

    public static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    public static final Organization EMS = new Organization("county-ems", "County EMS", "ems");
    public static final Organization HOSPITAL = new Organization("st-mary", "St. Mary Hospital", "hospital");
    public static final Resource STATION = new Resource("station-1", "EMS Station 1", "ems_station", EMS.id());
    public static final Resource ER = new Resource("st-mary-er", "St. Mary ER", "hospital", HOSPITAL.id());

    private TestRegion() {
    }

    public static List<Organization> organizations() {
        return List.of(EMS, HOSPITAL);
    }

    public static List<Resource> resources() {
        return List.of(STATION, ER);
    }

    /** A user of County EMS at Station 1 with no rights and the given (possibly empty) hash. */
    public static User aUser(String username, String passwordHash) {
        return new User(username, "User " + username, EMS.id(), "America/Chicago", passwordHash, Set.of(),
                List.of(STATION.id()));
    }

    public static List<User> users() {
        return List.of(aUser("alice", "hash-a"), aUser("bob", "hash-b"), aUser("carol", "hash-c"));
    }

    public static SessionRecord aSession(String id, String initiator, List<String> participants) {
        return new SessionRecord(id, SessionKind.CONFERENCE, "Title " + id, initiator, STATION.id(), T0, null, null,
                participants.stream().map(p -> new SessionRecord.ParticipantRecord(p, T0, null, 0)).toList(), 0);
    }

    public static ServerMessage.Message aMessage(String sessionId, long seq, String sender) {
        return new ServerMessage.Message(sessionId, seq, sender, "text " + seq, T0.plusMillis(seq * 1_001), "c-" + seq);
    }
}
