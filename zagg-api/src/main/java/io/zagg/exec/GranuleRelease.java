package io.zagg.exec;

import io.zagg.ProgressListener;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands each granule back to the run's reader — its open file, segment tables and inflated chunks
 * released — as soon as the last shard reading it has finished, then passes every event on.
 * With the shards run along the tracks, a granule is released once the run has moved past it,
 * not at the end of the run.
 */
final class GranuleRelease implements ProgressListener {

    private final ProgressListener next;
    private final Consumer<Path> release;
    private final Map<Long, List<Path>> granulesOf = new HashMap<>();
    private final Map<Path, Integer> shardsLeft = new HashMap<>();

    /**
     * @param jobs    the run's shards, each with the granules it reads
     * @param release what hands a granule back ({@code reader::release})
     */
    GranuleRelease(List<LocalExecutor.ShardJob> jobs, Consumer<Path> release, ProgressListener next) {
        this.next = next;
        this.release = release;
        for (LocalExecutor.ShardJob job : jobs) {
            granulesOf.put(job.shardWord(), job.granules());
            for (Path g : job.granules()) {
                shardsLeft.merge(g, 1, Integer::sum);
            }
        }
    }

    @Override
    public void runStarted(int shards) {
        next.runStarted(shards);
    }

    @Override
    public void shardStarted(long shardKey) {
        next.shardStarted(shardKey);
    }

    @Override
    public void shardFinished(ShardReport report) {
        for (Path g : granulesOf.getOrDefault(report.shardKey(), List.of())) {
            if (lastShardOf(g)) {
                release.accept(g);
            }
        }
        next.shardFinished(report);
    }

    private synchronized boolean lastShardOf(Path granule) {
        return shardsLeft.merge(granule, -1, Integer::sum) == 0;
    }

    @Override
    public void runFinished(RunReport report) {
        next.runFinished(report);
    }
}
