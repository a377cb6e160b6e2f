package org.beacon.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole machine's idle time so far, from {@code /proc/stat} (Linux), with the moment it was
 * read. Two readings around a measured window say how much CPU everything on the machine used in
 * it, so the report can show what the server and the generator did not: another process, or a
 * kernel thread, taking cores from both.
 *
 * <p>Busy time is the window's length times the CPUs, less their idle and iowait time. It is not
 * read from the user and system counters: those are sampled at each timer tick, and where CPUs go
 * idle and wake thousands of times a second (in {@code steady} here) the ticks missed ~5 % of the
 * time, while the kernel measures idle time at each entry and exit.
 *
 * @param atNanos   {@link System#nanoTime()} when read
 * @param cpus      the {@code cpuN} lines
 * @param idleTicks idle and iowait time of all CPUs, in {@code USER_HZ} ticks (100 a second)
 */
public record MachineCpu(long atNanos, int cpus, long idleTicks) {
    /** Ticks a second of {@code /proc/stat}: {@code USER_HZ}, 100 on every Linux architecture Java runs on. */
    static final double TICKS_PER_SECOND = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** This machine's counters now; empty where {@code /proc/stat} cannot be read. */
    public static Optional<MachineCpu> now() {
        // Read line by line: procfs files report size 0, and whole-file reads can come back short.
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(PROC_STAT)) {
            for (String line; (line = reader.readLine()) != null && line.startsWith("cpu"); ) {
                lines.add(line);
            }
            return Optional.of(parse(lines, System.nanoTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses the {@code cpu} lines at the top of {@code /proc/stat}: the aggregate
     * {@code cpu user nice system idle iowait ...}, then one {@code cpuN} line per CPU.
     */
    static MachineCpu parse(List<String> cpuLines, long atNanos) {
        String total = cpuLines.isEmpty() ? null : cpuLines.get(0);
        if (total == null || !total.startsWith("cpu ")) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + total);
        }
        String[] fields = total.trim().split("\\s+");
        if (fields.length < 6) {
            throw new IllegalArgumentException("too few fields in /proc/stat's cpu line: " + total);
        }
        int cpus = (int) cpuLines.stream().skip(1).filter(line -> line.matches("cpu\\d+ .*")).count();
        if (cpus == 0) {
            throw new IllegalArgumentException("no cpuN lines in /proc/stat");
        }
        return new MachineCpu(atNanos, cpus, Long.parseLong(fields[4]) + Long.parseLong(fields[5]));
    }

    /** CPU seconds the machine spent idle (or waiting for I/O) between {@code earlier} and this reading. */
    public double idleSecondsSince(MachineCpu earlier) {
        return (idleTicks - earlier.idleTicks) / TICKS_PER_SECOND;
    }

    /** CPU seconds the machine spent busy between {@code earlier} and this reading: all CPUs' time less idle. */
    public double busySecondsSince(MachineCpu earlier) {
        return (atNanos - earlier.atNanos) / 1e9 * cpus - idleSecondsSince(earlier);
    }
}
