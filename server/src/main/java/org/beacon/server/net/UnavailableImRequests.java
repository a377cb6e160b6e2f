package org.beacon.server.net;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;

/**
 * TEMPORARY stand-in for session delivery, which the next issue implements: answers every session
 * request with {@code INTERNAL}. Delete this class when a real {@link ImRequests} exists.
 */
enum UnavailableImRequests implements ImRequests {
    INSTANCE;

    @Override
    public CompletionStage<ServerMessage.Reply> handle(Caller caller, ClientMessage request) {
        return CompletableFuture.completedFuture(new ServerMessage.Error(request.id(), ErrorCode.INTERNAL,
                "Instant messaging sessions are not available in this build."));
    }
}
