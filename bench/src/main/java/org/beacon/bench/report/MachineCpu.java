package org.beacon.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's CPU time so far, from the first line of {@code /proc/stat} (Linux; in
 * {@code USER_HZ} ticks, 100 a second). Two readings around a measured window say how much CPU
 * everything on the machine used in it, so the report can show what the server and the generator
 * did not: another process, or a kernel thread, taking cores from both.
 *
 * @param busyTicks user, nice, system, irq, softirq and steal time of all CPUs
 * @param idleTicks idle and iowait time of all CPUs
 */
public record MachineCpu(long busyTicks, long idleTicks) {
    /** Ticks a second of {@code /proc/stat}: {@code USER_HZ}, 100 on every Linux architecture Java runs on. */
    static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** This machine's counters now; empty where {@code /proc/stat} cannot be read. */
    public static Optional<MachineCpu> now() {
        // Read line by line: procfs files report size 0, and whole-file reads can come back short.
        try (BufferedReader reader = Files.newBufferedReader(PROC_STAT)) {
            return Optional.of(parse(reader.readLine()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses the aggregate {@code cpu} line: {@code cpu user nice system idle iowait irq softirq steal ...}. */
    static MachineCpu parse(String line) {
        if (line == null || !line.startsWith("cpu ")) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + line);
        }
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 9) {
            throw new IllegalArgumentException("too few fields in /proc/stat's cpu line: " + line);
        }
        long user = Long.parseLong(fields[1]);
        long nice = Long.parseLong(fields[2]);
        long system = Long.parseLong(fields[3]);
        long idle = Long.parseLong(fields[4]);
        long iowait = Long.parseLong(fields[5]);
        long irq = Long.parseLong(fields[6]);
        long softirq = Long.parseLong(fields[7]);
        long steal = Long.parseLong(fields[8]);
        return new MachineCpu(user + nice + system + irq + softirq + steal, idle + iowait);
    }

    /** CPU seconds the machine spent busy between {@code earlier} and this reading. */
    public double busySecondsSince(MachineCpu earlier) {
        return (busyTicks - earlier.busyTicks) / TICKS_PER_SECOND;
    }

    /** CPU seconds the machine spent idle (or waiting for I/O) between {@code earlier} and this reading. */
    public double idleSecondsSince(MachineCpu earlier) {
        return (idleTicks - earlier.idleTicks) / TICKS_PER_SECOND;
    }
}
