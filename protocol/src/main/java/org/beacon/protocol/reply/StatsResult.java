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
 * @param heapAfterGcBytes heap in use right after the last garbage collection (sum over the heap
 *                       pools' collection usage); the live set, which {@code heapUsedBytes} is not
 * @param commits        write transactions the store committed since the server started
 * @param writesCommitted writes in those transactions (group commit: writes per commit = ratio)
 */
public record StatsResult(
        long connections,
        long signedIn,
        double cpuSeconds,
        long heapUsedBytes,
        long heapMaxBytes,
        long uptimeSeconds,
        long messagesStored,
        long heapAfterGcBytes,
        long commits,
        long writesCommitted) {
}
