package org.beacon.client.ui;

import java.util.concurrent.CompletableFuture;
import org.beacon.client.net.Connection;
import org.beacon.protocol.reply.DirectoryResult;

/**
 * The region's directory, fetched once per sign-in and shared by the resource list, the conference
 * wizard and the private chat picker. A failed fetch is forgotten, so the next caller tries again.
 */
public final class DirectoryCache {
    private final Connection connection;
    private CompletableFuture<DirectoryResult> directory;

    public DirectoryCache(Connection connection) {
        this.connection = connection;
    }

    public synchronized CompletableFuture<DirectoryResult> get() {
        if (directory == null || directory.isCompletedExceptionally()) {
            directory = connection.directory();
        }
        return directory;
    }

    /** Forgets the directory (after a reconnect, an admin may have changed it). */
    public synchronized void invalidate() {
        directory = null;
    }
}
