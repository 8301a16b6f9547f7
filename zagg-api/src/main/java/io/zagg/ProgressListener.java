package io.zagg;

/**
 * Hears about a run's progress. Called from worker threads: implementations must be
 * thread-safe and quick (the CLI's progress bar only records numbers and redraws on a timer).
 */
public interface ProgressListener {

    /** The run planned {@code shards} shards. Called once, before any shard starts. */
    default void runStarted(int shards) {
    }

    /** A shard starts (on a worker thread). */
    default void shardStarted(long shardKey) {
    }

    /** A shard ended, whatever its status. */
    default void shardFinished(ShardReport report) {
    }

    /** Every shard ended and the store was finalized. */
    default void runFinished(RunReport report) {
    }

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return new ProgressListener() {
        };
    }
}
