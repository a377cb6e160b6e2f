#!/usr/bin/env python3
"""Lines up the generator's --timeline with a thread's runs (thread-runs.py): the fan-out spread
(first to last recipient) of the messages whose delivery overlapped a run of that thread, against
the others.

    slow-vs-runs.py fanout.csv kdamond-runs.txt [MARGIN_MS]     (default margin 2 ms)

A run is the sampling interval in which the thread's CPU time grew, widened by the margin on
both sides (the sampler wakes every ~1 ms). Only messages inside the sampled stretch count.
"""
import bisect
import csv
import sys


def percentile(values, q):
    values = sorted(values)
    return values[int(q * (len(values) - 1))] if values else float("nan")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    margin = (float(sys.argv[3]) if len(sys.argv) == 4 else 2.0) / 1000
    with open(sys.argv[1]) as f:
        messages = [(float(r["first_ms"]) / 1000, float(r["last_ms"]) / 1000)
                    for r in csv.DictReader(f) if r["received"] == r["recipients"]]
    windows = []
    with open(sys.argv[2]) as f:
        for line in f:
            at, ran_ms = line.split()
            at, ran = float(at), float(ran_ms) / 1000
            start, end = at - ran - margin, at + margin
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
    if not messages or not windows:
        sys.exit("slow-vs-runs: no complete messages or no runs")
    low, high = windows[0][0], windows[-1][1]
    messages = [m for m in messages if low <= m[0] and m[1] <= high]
    starts = [w[0] for w in windows]

    def overlaps(message):
        i = bisect.bisect_right(starts, message[1]) - 1
        return i >= 0 and windows[i][1] >= message[0]

    spread = lambda m: (m[1] - m[0]) * 1000
    hit = [spread(m) for m in messages if overlaps(m)]
    clear = [spread(m) for m in messages if not overlaps(m)]
    every = [spread(m) for m in messages]
    covered = sum(e - s for s, e in windows) / (high - low)
    slowest = sorted(messages, key=spread)[int(0.99 * len(messages)):]
    print(f"{len(messages)} messages; the thread ran in {len(windows)} stretches covering {covered:.1%} of the time"
          f" (with {margin * 1000:.0f}-ms margins)")
    print(f"all messages:           p50 {percentile(every, .5):6.1f}  p99 {percentile(every, .99):6.1f}"
          f"  max {max(every):6.1f} ms")
    print(f"overlapping a run ({len(hit):4d}): p50 {percentile(hit, .5):6.1f}  p99 {percentile(hit, .99):6.1f} ms")
    print(f"clear of runs    ({len(clear):4d}): p50 {percentile(clear, .5):6.1f}  p99 {percentile(clear, .99):6.1f} ms")
    print(f"slowest 1%: {sum(1 for m in slowest if overlaps(m))} of {len(slowest)} overlap a run")


if __name__ == "__main__":
    main()
