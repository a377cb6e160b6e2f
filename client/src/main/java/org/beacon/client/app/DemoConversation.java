package org.beacon.client.app;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.beacon.client.model.ClientModel;
import org.beacon.client.net.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's opening scene, so a newcomer sees a live conversation at once: gblue (who may
 * initiate) starts a conference from the county EOC with ablack and cgray and asks for a status;
 * ablack answers. The other desks ring and show the banner. Everything goes through the same
 * client library and server as a person's clicks would; nothing here blocks.
 */
final class DemoConversation {
    private static final Logger log = LoggerFactory.getLogger(DemoConversation.class);

    private final ClientModel initiator;
    private final ClientModel responder;
    private final List<String> participants;

    DemoConversation(ClientModel initiator, ClientModel responder, List<String> participants) {
        this.initiator = Objects.requireNonNull(initiator, "initiator");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.participants = List.copyOf(participants);
    }

    CompletableFuture<Void> play() {
        return initiator.connection()
                .startConference(participants, "Morning check-in", "county-eoc")
                .thenCompose(started -> {
                    String sessionId = started.session().sessionId();
                    return stored(initiator, sessionId,
                            "Good morning. EOC check-in: please confirm open ED beds and diversion status.")
                            .thenCompose(first -> stored(responder, sessionId,
                                    "St. Luke's ED: 6 beds open, not on diversion."));
                })
                .thenAccept(last -> log.info("demo conversation started"))
                .exceptionally(failure -> {
                    log.warn("the demo conversation could not start: {}", failure.toString());
                    return null;
                });
    }

    /** Sends through the model's outbox (shown as pending, then stored) and completes when stored. */
    private static CompletableFuture<OutgoingMessage> stored(ClientModel model, String sessionId, String text) {
        CompletableFuture<OutgoingMessage> done = new CompletableFuture<>();
        Map<String, OutgoingMessage> settled = new ConcurrentHashMap<>();
        AtomicReference<String> mine = new AtomicReference<>();
        model.connection().outbox().addListener(message -> {
            if (message.status() != OutgoingMessage.Status.PENDING) {
                settled.put(message.clientMsgId(), message);
                settle(done, settled, mine.get());
            }
        });
        mine.set(model.send(sessionId, text).clientMsgId());
        settle(done, settled, mine.get()); // in case it was stored before its id was known here
        return done;
    }

    private static void settle(CompletableFuture<OutgoingMessage> done, Map<String, OutgoingMessage> settled,
            String clientMsgId) {
        OutgoingMessage message = clientMsgId == null ? null : settled.get(clientMsgId);
        if (message != null) {
            done.complete(message);
        }
    }
}
