package org.beacon.protocol.reply;

/**
 * Reply to {@code stats}.
 *
 * @param connections    open connections
 * @param signedIn       signed-in connections
 * @param cpuSeconds     process CPU time used since start
 * @param heapUsedBytes  heap in use now
 * @param heapMaxBytes   maximum heap
 * @param uptimeSeconds  seconds since the server started
 * @param messagesStored messages stored since the server started
 */
public record StatsResult(
        long connections,
        long signedIn,
        double cpuSeconds,
        long heapUsedBytes,
        long heapMaxBytes,
        long uptimeSeconds,
        long messagesStored) {
}
