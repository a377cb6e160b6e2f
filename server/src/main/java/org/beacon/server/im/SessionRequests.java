package org.beacon.server.im;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.ServerServices;
import org.beacon.server.net.Caller;
import org.beacon.server.net.ImRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the session requests of the wire protocol with an {@link ImService}. */
public final class SessionRequests implements ImRequests {
    private static final Logger log = LoggerFactory.getLogger(SessionRequests.class);

    private final ImService im;
    private final ProtocolJson json;
    private final BooleanSupplier imEnabled;
    private final OnlineUsers online;

    SessionRequests(ImService im, ProtocolJson json, BooleanSupplier imEnabled, OnlineUsers online) {
        this.im = Objects.requireNonNull(im, "im");
        this.json = Objects.requireNonNull(json, "json");
        this.imEnabled = Objects.requireNonNull(imEnabled, "imEnabled");
        this.online = Objects.requireNonNull(online, "online");
    }

    /** Builds the session services on what the server provides. */
    public static SessionRequests create(ServerServices services, ImLimits limits) {
        OnlineUsers online = new PresenceOnlineUsers(services.connections());
        ImService im = new ImService(services.store(), online, () -> services.region().current().directory(),
                services.json(), services.clock(), limits);
        return new SessionRequests(im, services.json(), () -> services.region().current().imEnabled(), online);
    }

    @Override
    public CompletionStage<Void> start() {
        return im.start();
    }

    @Override
    public void close() {
        im.close();
    }

    @Override
    public CompletionStage<ServerMessage.Reply> handle(Caller caller, ClientMessage request) {
        String me = caller.username();
        Long id = request.id();
        if (request instanceof ClientMessage.Send send) {
            return ok(id, im.send(connection(caller), send.sessionId(), send.clientMsgId(), send.text()));
        } else if (request instanceof ClientMessage.Ack ack) {
            return ok(id, im.ack(me, ack.sessionId(), ack.seq()));
        } else if (request instanceof ClientMessage.StartPrivate start) {
            return ok(id, im.startPrivate(me, start.with()));
        } else if (request instanceof ClientMessage.StartConference start) {
            return ok(id, im.startConference(me, start.participants(), start.title(), start.resourceId()));
        } else if (request instanceof ClientMessage.Invite invite) {
            return ok(id, im.invite(me, invite.sessionId(), invite.usernames()));
        } else if (request instanceof ClientMessage.History history) {
            return ok(id, im.history(me, history.sessionId(), history.beforeSeq(), history.limit()));
        } else if (request instanceof ClientMessage.Sessions) {
            return ok(id, im.sessions(me));
        } else if (request instanceof ClientMessage.Leave leave) {
            return ok(id, im.leave(me, leave.sessionId()));
        } else if (request instanceof ClientMessage.End end) {
            return ok(id, im.end(me, end.sessionId()));
        }
        throw new IllegalArgumentException("not a session request: " + request.getClass().getSimpleName());
    }

    @Override
    public void signingIn(Caller caller) {
        im.signingIn(connection(caller));
    }

    @Override
    public void signedIn(Caller caller) {
        ImConnection connection = connection(caller);
        if (imEnabled.getAsBoolean()) {
            im.catchUp(connection);
        } else {
            im.skipCatchUp(connection);
        }
    }

    @Override
    public void closed(Caller caller) {
        im.signedOut(connection(caller));
    }

    /** IM back on: nothing was pushed while it was off, so every connection catches up now. */
    @Override
    public void imSwitched(boolean enabled) {
        if (enabled) {
            for (ImConnection connection : online.all()) {
                im.signingIn(connection);
                im.catchUp(connection).exceptionally(failure -> {
                    log.warn("catch-up for {} after IM was switched on failed", connection.username(), failure);
                    return null;
                });
            }
        }
    }

    private CompletionStage<ServerMessage.Reply> ok(Long id, CompletableFuture<?> result) {
        return result.thenApply(value -> json.ok(id, value));
    }

    private static ImConnection connection(Caller caller) {
        return new ChannelConnection(caller.username(), caller.channel());
    }
}
