package org.beacon.bench.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.HdrHistogram.Histogram;

/**
 * How long this disk takes to make a small append durable: writes 4 KiB and calls
 * {@link FileChannel#force} ({@code fdatasync}, as SQLite's WAL commit does) {@code rounds} times
 * in a scratch file. A durable message cannot be acknowledged faster than this, so the report
 * prints it beside the latencies.
 */
public final class FsyncProbe {
    private final Path directory;
    private final int rounds;

    public FsyncProbe(Path directory, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds < 1: " + rounds);
        }
        this.directory = directory;
        this.rounds = rounds;
    }

    /** Latencies in microseconds. */
    public Histogram measure() throws IOException {
        Histogram histogram = new Histogram(3);
        Path file = Files.createTempFile(directory, "fsync-probe", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocateDirect(4096);
            for (int i = 0; i < rounds; i++) {
                block.clear();
                block.putLong(0, i);
                long start = System.nanoTime();
                while (block.hasRemaining()) {
                    channel.write(block);
                }
                channel.force(false);
                histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return histogram;
    }
}
