package org.beacon.client.ui.notify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A two-tone "ding-dong" synthesized with {@code javax.sound.sampled} and played on a thread of its
 * own, never the caller's (the event dispatch thread must not wait for audio).
 *
 * <p>Each note has a short linear attack and an exponential decay that ends at zero, so neither
 * its start nor its end clicks. Where no audio device exists, {@code AudioSystem} throws
 * {@link IllegalArgumentException} ("No line matching ...") or {@link LineUnavailableException}:
 * that is logged once and later rings do nothing.
 */
public final class ChimeDoorbell implements Doorbell {
    private static final Logger log = LoggerFactory.getLogger(ChimeDoorbell.class);
    static final float RATE = 44_100f;
    static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    private final byte[] pcm = render();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicBoolean playing = new AtomicBoolean();
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "beacon-doorbell");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void ring() {
        if (unavailable.get() || !playing.compareAndSet(false, true)) {
            return;
        }
        player.execute(() -> {
            try {
                play();
            } finally {
                playing.set(false);
            }
        });
    }

    private void play() {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
            if (unavailable.compareAndSet(false, true)) {
                log.warn("no audio output ({}); the doorbell stays silent, banners still show", e.getMessage());
            }
        }
    }

    /** The chime as 16-bit little-endian mono PCM at 44.1 kHz: E6 then C6, about 0.9 s. */
    static byte[] render() {
        double[] first = note(1318.51, 0.40);
        double[] second = note(1046.50, 0.55);
        int gap = (int) (RATE * 0.02);
        int total = first.length + gap + second.length;
        byte[] out = new byte[total * 2];
        int i = 0;
        for (double sample : first) {
            i = put(out, i, sample);
        }
        i += gap * 2;
        for (double sample : second) {
            i = put(out, i, sample);
        }
        return out;
    }

    private static double[] note(double frequency, double seconds) {
        int n = (int) (RATE * seconds);
        int attack = (int) (RATE * 0.008);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / RATE;
            double envelope = i < attack ? (double) i / attack : Math.exp(-5.0 * (i - attack) / n);
            // Fade the last 5 ms to exactly zero so the note ends without a step.
            int tail = n - i;
            int fade = (int) (RATE * 0.005);
            if (tail < fade) {
                envelope *= (double) tail / fade;
            }
            double tone = Math.sin(2 * Math.PI * frequency * t) + 0.3 * Math.sin(2 * Math.PI * 2 * frequency * t);
            samples[i] = 0.35 * envelope * tone / 1.3;
        }
        return samples;
    }

    private static int put(byte[] out, int i, double sample) {
        short value = (short) Math.round(Math.max(-1, Math.min(1, sample)) * Short.MAX_VALUE);
        out[i] = (byte) value;
        out[i + 1] = (byte) (value >> 8);
        return i + 2;
    }

    /** Writes the chime as a WAV file (to inspect it with sox: {@code sox chime.wav -n stat -freq}). */
    public static void writeWav(Path target) throws IOException {
        byte[] pcm = render();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, target.toFile());
        }
    }
}
