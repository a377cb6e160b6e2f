package org.beacon.bench.load;

import org.beacon.client.net.Connection;

/**
 * One simulated user: its index in the run (the tracker's participant id), its username and its
 * connection from the client library.
 */
public record BenchClient(int index, String username, Connection connection) {
}
