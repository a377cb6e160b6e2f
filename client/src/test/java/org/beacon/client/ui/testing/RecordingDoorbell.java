package org.beacon.client.ui.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.beacon.client.ui.notify.Doorbell;

/** A doorbell that counts how often it was asked to ring, and on which thread it was asked. */
public final class RecordingDoorbell implements Doorbell {
    private final AtomicInteger rings = new AtomicInteger();

    @Override
    public void ring() {
        rings.incrementAndGet();
    }

    public int rings() {
        return rings.get();
    }
}
