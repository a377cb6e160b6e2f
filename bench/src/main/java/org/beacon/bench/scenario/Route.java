package org.beacon.bench.scenario;

import org.beacon.bench.load.BenchClient;

/** Who sends into which session. */
record Route(BenchClient sender, String sessionId) {
}
