package org.beacon.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SequencerTest {
    private final Sequencer sequencer = new Sequencer();

    @Test
    void execute_whenIdle_runsTheTaskOnTheCallingThreadBeforeReturning() {
        List<Thread> ranOn = new ArrayList<>();

        sequencer.execute(() -> ranOn.add(Thread.currentThread()));

        assertThat(ranOn).containsExactly(Thread.currentThread());
    }

    @Test
    void execute_fromInsideATask_runsTheNewTaskAfterTheCurrentOneEnds() {
        List<String> order = new ArrayList<>();

        sequencer.execute(() -> {
            order.add("outer starts");
            sequencer.execute(() -> order.add("inner"));
            order.add("outer ends");
        });

        assertThat(order).containsExactly("outer starts", "outer ends", "inner");
    }

    @Test
    void execute_whileAnotherThreadRunsATask_queuesItForThatThread() throws Exception {
        CountDownLatch outerStarted = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> outer = other.submit(() -> sequencer.execute(() -> {
                outerStarted.countDown();
                await(queued);
            }));
            assertThat(outerStarted.await(10, TimeUnit.SECONDS)).isTrue();

            sequencer.execute(() -> ranOn.add(Thread.currentThread()));
            assertThat(ranOn).isEmpty(); // it returned without running the task: the other thread will
            queued.countDown();
            outer.get(10, TimeUnit.SECONDS);

            assertThat(ranOn).hasSize(1).doesNotContain(Thread.currentThread());
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void execute_fromManyThreads_runsEveryTaskOnceOneAtATimeInEachThreadsOrder() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<Integer>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            seen.add(new ArrayList<>()); // each list is touched only by tasks, which never overlap
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Integer> mine = seen.get(t);
                submitters.add(pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        sequencer.execute(() -> {
                            if (inside.incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            mine.add(n);
                            inside.decrementAndGet();
                        });
                    }
                }));
            }
            start.countDown();
            for (Future<?> submitter : submitters) {
                submitter.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every execute has returned, so each task has run: by its caller or by the thread it found running.
        sequencer.execute(() -> { }); // and this one's hand-over makes their writes visible here

        assertThat(overlaps).hasValue(0);
        for (List<Integer> mine : seen) {
            assertThat(mine).hasSize(perThread).isSorted();
        }
    }

    @Test
    void execute_afterATaskThrew_runsTheNextTasks() {
        List<String> ran = new ArrayList<>();

        sequencer.execute(() -> {
            throw new IllegalStateException("a failing task");
        });
        sequencer.execute(() -> ran.add("next"));

        assertThat(ran).containsExactly("next");
    }

    @Test
    void execute_afterClose_isRejected() {
        sequencer.close();

        assertThatThrownBy(() -> sequencer.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
