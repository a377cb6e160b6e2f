package org.beacon.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Assertions on store futures. */
final class StoreAssertions {
    private StoreAssertions() {
    }

    /** Waits (bounded) for the future to fail and returns the StoreException's reason. */
    static StoreException.Reason failureReason(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isInstanceOf(StoreException.class);
        return ((StoreException) thrown.getCause()).reason();
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }
}
