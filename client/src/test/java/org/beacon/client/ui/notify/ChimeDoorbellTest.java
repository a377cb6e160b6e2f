package org.beacon.client.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doorbell's chime as data: written to a WAV file with {@code AudioSystem.write} and read back,
 * it is two notes parted by silence, the higher (E6) first, then the lower (C6); each starts with a ramp and
 * every note ends at zero, so nothing clicks. Needs no audio device.
 */
@DisplayName("ChimeDoorbell's chime")
class ChimeDoorbellTest {
    private static final double E6 = 1318.51;
    private static final double C6 = 1046.50;
    /** Halfway between the notes: a chime that is noise or a sweep has energy here too. */
    private static final double BETWEEN = 1180.0;

    @TempDir
    Path dir;
    private double[] samples;
    private float rate;

    @BeforeEach
    void readTheWav() throws Exception {
        Path wav = dir.resolve("chime.wav");
        ChimeDoorbell.writeWav(wav);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.isBigEndian()).isFalse();
            rate = format.getSampleRate();
            byte[] bytes = in.readAllBytes();
            samples = new double[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / (double) Short.MAX_VALUE;
            }
        }
    }

    @Test
    void lastsUnderASecondAndAHalf_andIsAudible() {
        assertThat(samples.length / (double) rate).isBetween(0.5, 1.5);
        assertThat(peak(0, samples.length)).isBetween(0.1, 0.99);
    }

    @Test
    void firstNote_isTheHighTone_secondNote_theLowTone() {
        // The notes, found by the silence between them (the second note is the louder part of
        // the second half of the file, so plain halves would not separate them).
        List<Integer> onsets = onsets();
        assertThat(onsets).hasSize(2);
        int split = onsets.get(1);
        assertThat(split / (double) samples.length).as("where the second note starts").isBetween(0.3, 0.7);
        double firstE6 = goertzel(0, split, E6);
        double firstC6 = goertzel(0, split, C6);
        double secondE6 = goertzel(split, samples.length, E6);
        double secondC6 = goertzel(split, samples.length, C6);

        assertThat(firstE6).as("E6 over C6 in the first note").isGreaterThan(20 * firstC6);
        assertThat(secondC6).as("C6 over E6 in the second note").isGreaterThan(20 * secondE6);
        assertThat(firstE6).as("E6 over a frequency between the notes").isGreaterThan(20 * goertzel(0, split, BETWEEN));
        assertThat(secondC6).as("C6 over a frequency between the notes")
                .isGreaterThan(20 * goertzel(split, samples.length, BETWEEN));
    }

    @Test
    void startsAndEndsAtZero_andEachNoteRampsUp() {
        assertThat(Math.abs(samples[0])).as("first sample").isLessThan(0.005);
        assertThat(Math.abs(samples[samples.length - 1])).as("last sample").isLessThan(0.005);
        List<Integer> onsets = onsets();
        assertThat(onsets).as("note onsets").hasSize(2);
        int ms = Math.round(rate / 1000);
        for (int onset : onsets) {
            assertThat(Math.abs(samples[Math.max(0, onset - 1)])).as("sample before the onset at " + onset).isLessThan(0.005);
            double firstMillisecond = peak(onset, onset + ms);
            double settled = peak(onset + 10 * ms, onset + 20 * ms);
            assertThat(firstMillisecond).as("attack ramp at " + onset).isLessThan(settled / 3);
        }
    }

    /** Where sound starts after at least 5 ms of silence (and at the very start). */
    private List<Integer> onsets() {
        int quiet = Math.round(rate * 0.005f);
        List<Integer> onsets = new ArrayList<>();
        int silentRun = quiet;
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) < 1e-3) {
                silentRun++;
            } else {
                if (silentRun >= quiet) {
                    onsets.add(Math.max(0, i - 1));
                }
                silentRun = 0;
            }
        }
        return onsets;
    }

    private double peak(int from, int to) {
        double peak = 0;
        for (int i = from; i < Math.min(to, samples.length); i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    /** The power at one frequency over a stretch of samples (Goertzel's algorithm). */
    private double goertzel(int from, int to, double frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
