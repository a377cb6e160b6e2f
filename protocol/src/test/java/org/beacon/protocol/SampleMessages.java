package org.beacon.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;

/** One realistic instance of every message type, for round-trip tests. */
final class SampleMessages {
    static final Instant AT = Instant.parse("2026-11-24T18:03:07.512Z");

    static SessionInfo session() {
        return new SessionInfo("s-42", SessionKind.CONFERENCE, "Bus crash I-35", "gblue",
                List.of("gblue", "ablack", "cgray"), AT, true, "county-eoc", null);
    }

    static List<ClientMessage> requests() {
        return List.of(
                new ClientMessage.Hello(1L, 1, "beacon-client/0.1.0"),
                new ClientMessage.Login(2L, "gblue", "demo"),
                new ClientMessage.Resume(3L, "tok"),
                new ClientMessage.Logout(4L),
                new ClientMessage.Directory(5L),
                new ClientMessage.Resource(6L, "county-eoc"),
                new ClientMessage.SubscribePresence(7L, List.of("ablack", "cgray")),
                new ClientMessage.UnsubscribePresence(8L, List.of("cgray")),
                new ClientMessage.StartPrivate(9L, "ablack"),
                new ClientMessage.StartConference(10L, List.of("ablack", "cgray"), "Bus crash", "county-eoc"),
                new ClientMessage.Invite(11L, "s-42", List.of("dwhite")),
                new ClientMessage.Send(12L, "s-42", "c-1", "Two ambulances en route, ETA 6 min"),
                new ClientMessage.Ack(13L, "s-42", 7),
                new ClientMessage.History(14L, "s-42", 100L, 50),
                new ClientMessage.Sessions(15L),
                new ClientMessage.Leave(16L, "s-42"),
                new ClientMessage.End(17L, "s-42"),
                new ClientMessage.Ping(18L),
                new ClientMessage.Stats(19L));
    }

    static List<ServerMessage> serverMessages() {
        return List.of(
                new ServerMessage.Ok(1L, JsonNodeFactory.instance.objectNode().put("seq", 3)),
                new ServerMessage.Error(null, ErrorCode.BAD_FRAME, "frame is not valid JSON"),
                new ServerMessage.Error(2L, ErrorCode.RATE_LIMITED, "slow down", 1500L),
                new ServerMessage.Message("s-42", 3, "gblue", "Status?", AT, "c-9"),
                new ServerMessage.SessionOpened(session()),
                new ServerMessage.ParticipantJoined("s-42", "dwhite", "gblue", AT),
                new ServerMessage.ParticipantLeft("s-42", "cgray", AT),
                new ServerMessage.SessionEnded("s-42", "gblue", AT),
                new ServerMessage.Presence("ablack", true),
                new ServerMessage.ImSwitched(false));
    }

    private SampleMessages() {
    }
}
