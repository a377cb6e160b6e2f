package org.beacon.client.ui.notify;

/**
 * The audible alert for an arriving message. Implementations return at once (the sound, if any,
 * plays on another thread); tests pass one that records that it was asked to ring.
 */
public interface Doorbell {
    /** Asks for the chime now. Must not block the caller. */
    void ring();

    /** A doorbell that never sounds. */
    static Doorbell silent() {
        return () -> { };
    }
}
