#!/usr/bin/env python3
"""Samples when one thread or process runs: every millisecond, reads /proc/PID/schedstat and
writes a line "MONOTONIC_SECONDS RAN_MILLISECONDS" whenever its CPU time grew. The clock is
CLOCK_MONOTONIC, the clock of the generator's --timeline file.

    thread-runs.py kdamond 90 kdamond-runs.txt     (a name, as pgrep -x sees it, or a PID)
"""
import subprocess
import sys
import time


def pid_of(target):
    if target.isdigit():
        return target
    pids = subprocess.run(["pgrep", "-x", target], capture_output=True, text=True).stdout.split()
    if len(pids) != 1:
        sys.exit(f"thread-runs: {len(pids)} processes named {target!r}; give a PID")
    return pids[0]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    pid, seconds, out = pid_of(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    path = f"/proc/{pid}/schedstat"

    def cpu_ns():
        with open(path) as f:
            return int(f.read().split()[0])

    runs = []
    previous = cpu_ns()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.001)
        now_ns = cpu_ns()
        if now_ns != previous:
            runs.append((time.monotonic(), (now_ns - previous) / 1e6))
            previous = now_ns
    with open(out, "w") as f:
        for at, ran_ms in runs:
            f.write(f"{at:.6f} {ran_ms:.3f}\n")
    print(f"thread-runs: {len(runs)} samples with CPU time, {sum(r for _, r in runs):.1f} ms in all, to {out}")


if __name__ == "__main__":
    main()
