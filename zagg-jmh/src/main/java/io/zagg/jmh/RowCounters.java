package io.zagg.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rows and input bytes a benchmark processed, which JMH reports next to the primary score as
 * {@code <benchmark>:rows} and {@code <benchmark>:bytes}, in rows/s and bytes/s (JMH labels both
 * "ops/s"). {@code @OperationsPerInvocation} cannot do this: it takes a constant, and the row
 * count is a {@code @Param}. Add one invocation's rows and bytes at the end of each invocation;
 * the primary score is then whole shards per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RowCounters {

    public long rows;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        rows = 0;
        bytes = 0;
    }

    /** Counts one invocation over a {@link ShardColumns} shard of {@code shardRows} rows. */
    void countShard(int shardRows) {
        rows += shardRows;
        bytes += (long) shardRows * ShardColumns.BYTES_PER_ROW;
    }
}
