package org.beacon.client.ui.notify;

import java.awt.Window;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.BooleanSupplier;
import org.beacon.client.model.ClientModel;
import org.beacon.client.model.ModelEvent;
import org.beacon.client.ui.im.SessionTitles;
import org.beacon.protocol.ServerMessage;

/**
 * Makes sure an arriving message is noticed: when someone else's message arrives in a session whose
 * window is not the focused one, the banner gets it, the doorbell rings (rate limited, unless
 * muted) and, if no window of this user is focused, the desktop is asked for attention. EDT only.
 */
public final class ArrivalNotifier implements ClientModel.Listener {
    private final ClientModel model;
    private final BannerStrip banner;
    private final RingLimiter doorbell;
    private final AttentionRequester attention;
    private final Predicate<String> sessionFocused;
    private final BooleanSupplier appFocused;
    private final Window mainWindow;

    public ArrivalNotifier(ClientModel model, BannerStrip banner, RingLimiter doorbell, AttentionRequester attention,
            Predicate<String> sessionFocused, BooleanSupplier appFocused, Window mainWindow) {
        this.model = Objects.requireNonNull(model, "model");
        this.banner = Objects.requireNonNull(banner, "banner");
        this.doorbell = Objects.requireNonNull(doorbell, "doorbell");
        this.attention = Objects.requireNonNull(attention, "attention");
        this.sessionFocused = Objects.requireNonNull(sessionFocused, "sessionFocused");
        this.appFocused = Objects.requireNonNull(appFocused, "appFocused");
        this.mainWindow = Objects.requireNonNull(mainWindow, "mainWindow");
    }

    @Override
    public void onModelEvent(ModelEvent event) {
        if (!(event instanceof ModelEvent.MessageReceived received) || received.mine()) {
            return;
        }
        ServerMessage.Message message = received.message();
        if (sessionFocused.test(message.sessionId())) {
            return;
        }
        String me = model.me() == null ? "" : model.me().username();
        String title = model.session(message.sessionId())
                .map(s -> SessionTitles.of(s.info(), me))
                .orElse("a session");
        banner.add(new Arrival(message.sessionId(), title, message.sender(), message.text(), message.sentAt()));
        doorbell.ring();
        if (!appFocused.getAsBoolean()) {
            attention.request(mainWindow, "Beacon: message from " + message.sender(), message.text());
        }
    }
}
