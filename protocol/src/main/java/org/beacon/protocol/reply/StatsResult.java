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
 * @param transport      the server's event-loop I/O: {@code io_uring}, {@code epoll} or {@code nio}
 *                       ({@code null} from a server before it was told)
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
        long writesCommitted,
        String transport) {
}
