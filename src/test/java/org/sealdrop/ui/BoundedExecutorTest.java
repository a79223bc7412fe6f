package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void runsAtMostTwoAtOnce() throws InterruptedException {
        BoundedExecutor bounded = new BoundedExecutor(pool, 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch allDone = new CountDownLatch(10);

        for (int i = 0; i < 10; i++) {
            bounded.execute(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoStarted.countDown();
                await(release);
                running.decrementAndGet();
                allDone.countDown();
            });
        }
        assertTrue(twoStarted.await(10, TimeUnit.SECONDS), "two commands start");
        assertEquals(8, bounded.queuedCount());

        release.countDown();
        assertTrue(allDone.await(10, TimeUnit.SECONDS), "all commands finish");
        assertEquals(2, maxRunning.get());
        assertEquals(0, bounded.queuedCount());
    }

    @Test
    void queuedCommandsRunInSubmissionOrder() throws InterruptedException {
        BoundedExecutor bounded = new BoundedExecutor(pool, 1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch allDone = new CountDownLatch(5);

        for (int i = 0; i < 5; i++) {
            int number = i;
            bounded.execute(() -> {
                order.add(number);
                allDone.countDown();
            });
        }

        assertTrue(allDone.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void failingCommandDoesNotBlockTheQueue() throws InterruptedException {
        BoundedExecutor bounded = new BoundedExecutor(pool, 1);
        CountDownLatch next = new CountDownLatch(1);

        bounded.execute(() -> {
            throw new IllegalStateException("programming error in a command");
        });
        bounded.execute(next::countDown);

        assertTrue(next.await(10, TimeUnit.SECONDS));
    }

    @Test
    void rejectsZeroConcurrency() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedExecutor(pool, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
