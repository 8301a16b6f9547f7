package io.zagg.exec;

import io.zagg.ProgressListener;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.store.StoreWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a run's shards on a bounded pool of worker threads, each with its own {@link ShardTask}.
 *
 * <p>Memory: the run's budget is shared. Each shard starts with an equal share
 * ({@code budget / workers}), so the workers together never exceed it; a shard that needs more
 * than its share is run again, alone, with the whole budget (it waits for the others to finish
 * rather than failing a shard that fits once they have). A shard that still does not fit fails
 * with the carrier's message; the other shards are not affected.
 */
final class LocalExecutor {

    /** One shard to process and the granules to read for it, in read order. */
    record ShardJob(long shardWord, List<Path> granules) {
        ShardJob {
            granules = List.copyOf(granules);
        }
    }

    private final int workers;
    private final ByteBudget budget;
    private final Supplier<ShardTask> tasks;

    LocalExecutor(int workers, long memoryBudget, Supplier<ShardTask> tasks) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " must be at least 1");
        }
        this.workers = workers;
        this.budget = new ByteBudget(memoryBudget);
        this.tasks = tasks;
    }

    /** Processes {@code jobs} into {@code store}; reports come back in job order. */
    List<ShardReport> run(List<ShardJob> jobs, StoreWriter store, ProgressListener listener) throws InterruptedException {
        int threads = Math.max(1, Math.min(workers, jobs.size()));
        long share = Math.max(1, budget.limit() / threads);
        ThreadLocal<ShardTask> perThread = ThreadLocal.withInitial(tasks);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "zagg-shard-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ShardReport>> futures = new ArrayList<>();
            for (ShardJob job : jobs) {
                futures.add(pool.submit(() -> {
                    listener.shardStarted(job.shardWord());
                    ShardReport report = runWithBudget(perThread.get(), job, store, share);
                    listener.shardFinished(report);
                    return report;
                }));
            }
            List<ShardReport> reports = new ArrayList<>();
            for (Future<ShardReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a shard task failed outside its own error handling", e.getCause());
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private ShardReport runWithBudget(ShardTask task, ShardJob job, StoreWriter store, long share) throws InterruptedException {
        long held = budget.acquire(share);
        try {
            return task.run(job.shardWord(), job.granules(), store, share);
        } catch (MemoryBudgetException overShare) {
            if (share >= budget.limit()) {
                return failed(job, overShare);
            }
        } finally {
            budget.release(held);
        }
        long all = budget.acquire(budget.limit());
        try {
            return task.run(job.shardWord(), job.granules(), store, budget.limit());
        } catch (MemoryBudgetException overBudget) {
            return failed(job, overBudget);
        } finally {
            budget.release(all);
        }
    }

    private static ShardReport failed(ShardJob job, MemoryBudgetException e) {
        return ShardReport.builder(job.shardWord()).granuleCount(job.granules().size()).status(ShardStatus.FAILED)
                .error(e.getMessage()).build();
    }
}
