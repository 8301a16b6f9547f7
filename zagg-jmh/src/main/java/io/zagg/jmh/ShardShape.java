package io.zagg.jmh;

import io.zagg.jmh.ShardColumns.RowOrder;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The shard sizes every per-cell benchmark sweeps, as JMH parameters: extend it with a
 * {@code @State} class, add the parameters of your own question (row order, carrier, threads),
 * and build the columns once in a {@code @Setup(Level.Trial)} method with {@link #generate}.
 * Run a single point with {@code -p rows=1000000 -p cellsPerShard=65536}. (JMH accepts
 * {@code @Param} fields only in {@code @State} classes, hence the annotation on this abstract one.)
 */
@State(Scope.Benchmark)
public abstract class ShardShape {

    @Param({"1000000", "20000000"})
    public int rows;

    @Param({"4096", "65536", "1048576"})
    public int cellsPerShard;

    /** The {@link ShardColumns} of this shape in the given order. */
    protected ShardColumns generate(RowOrder order) {
        return ShardColumns.generate(rows, cellsPerShard, order);
    }
}
