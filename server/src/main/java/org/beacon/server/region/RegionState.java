package org.beacon.server.region;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.beacon.server.directory.Directory;
import org.beacon.server.store.RegionSettings;
import org.beacon.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's in-memory copy of the region: the directory and the settings, swapped whole when the
 * database changes. Readers on any thread get a consistent pair with {@link #current()} and never
 * wait; only {@link #reload()} talks to the store.
 *
 * <p>Reloads may overlap (two admin commands in quick succession). Each is numbered when it starts
 * and an older one never replaces the result of a newer one.
 */
public final class RegionState {
    private static final Logger log = LoggerFactory.getLogger(RegionState.class);

    /** The directory and settings as loaded together. */
    public record Snapshot(Directory directory, RegionSettings settings) {
        public Snapshot {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(settings, "settings");
        }

        public boolean imEnabled() {
            return settings.imEnabled();
        }
    }

    private final Store store;
    private final BiConsumer<Snapshot, Snapshot> onChange;
    private final AtomicLong started = new AtomicLong();
    private long applied;
    private volatile Snapshot current = new Snapshot(Directory.empty(), new RegionSettings("", false));

    /**
     * @param onChange called with (old, new) after every swap, in swap order, on the store's
     *                 thread; must not block
     */
    public RegionState(Store store, BiConsumer<Snapshot, Snapshot> onChange) {
        this.store = Objects.requireNonNull(store, "store");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    public Snapshot current() {
        return current;
    }

    /** Loads directory and settings and swaps them in; completes with the snapshot now current. */
    public CompletableFuture<Snapshot> reload() {
        long number = started.incrementAndGet();
        return store.loadDirectory()
                .thenCombine(store.loadSettings(), Snapshot::new)
                .thenApply(loaded -> swap(number, loaded))
                .whenComplete((s, e) -> {
                    if (e != null) {
                        log.error("Reloading the directory and settings failed; keeping the previous ones", e);
                    }
                });
    }

    private Snapshot swap(long number, Snapshot loaded) {
        synchronized (this) {
            if (number < applied) {
                return current;
            }
            applied = number;
            Snapshot old = current;
            current = loaded;
            // Under the lock, so that listeners see the swaps in the order they happened.
            onChange.accept(old, loaded);
            return loaded;
        }
    }
}
