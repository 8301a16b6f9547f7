package io.zagg.read;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent tasks (chunk decodes) on the calling thread plus up to
 * {@code parallelism - 1} helpers. Tasks are taken from a shared counter, so the caller works
 * through every task no helper has taken: when the executor is saturated — e.g. by the shard
 * tasks that called us — the read still completes, on the caller alone, instead of waiting
 * for a pool that will never have room.
 */
final class WorkSharing {

    private final Executor executor;
    private final int parallelism;

    WorkSharing(Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /** Runs every task; rethrows the first failure after all started tasks have ended. */
    void run(List<? extends Runnable> tasks) {
        int n = tasks.size();
        if (n == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        tasks.get(i).run();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(parallelism - 1, n - 1);
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        worker.run();
        awaitUninterruptibly(done);
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    // Helpers only finish chunks already taken; waiting for them keeps the arrays they write
    // from being handed out half-filled. An interrupt is kept for the caller to see.
    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
