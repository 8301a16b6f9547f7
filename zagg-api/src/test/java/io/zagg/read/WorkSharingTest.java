package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkSharingTest {

    private static List<Runnable> counting(AtomicIntegerArray runs) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < runs.length(); i++) {
            int k = i;
            tasks.add(() -> runs.incrementAndGet(k));
        }
        return tasks;
    }

    @Test
    void everyTaskRunsOnceWithHelpers() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(500);
            new WorkSharing(pool, 4).run(counting(runs));
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSaturatedPoolLeavesTheWorkToTheCaller() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            new WorkSharing(pool, 8).run(counting(runs));
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i));
            }
            AtomicIntegerArray rejected = new AtomicIntegerArray(5);
            new WorkSharing(r -> {
                throw new RejectedExecutionException("full");
            }, 4).run(counting(rejected));
            assertEquals(1, rejected.get(4));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstFailureIsRethrown() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            BeamFailure boom = new BeamFailure("/gt1l/heights/h_ph", "chunk at row 0 is corrupt");
            List<Runnable> tasks = List.of(() -> { }, () -> {
                throw boom;
            }, () -> { });
            assertSame(boom, assertThrows(BeamFailure.class, () -> new WorkSharing(pool, 3).run(tasks)));
        } finally {
            pool.shutdownNow();
        }
    }
}
