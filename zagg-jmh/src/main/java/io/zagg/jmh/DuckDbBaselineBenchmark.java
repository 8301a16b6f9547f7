package io.zagg.jmh;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;

import io.zagg.jmh.ShardColumns.RowOrder;
import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Baseline: how fast DuckDB, in process, computes the per-cell count, min, max, mean and
 * population variance of a shard's heights, next to zagg's reduce stage and a plain Java loop
 * computing the same.
 *
 * <p>The {@link ShardColumns} are appended to an in-memory DuckDB table once per trial, in
 * {@code @Setup}; the benchmarks time only the query. {@code duckDbFetched} runs
 * {@link DuckDbShard#PER_CELL_STATISTICS} and reads every result row over JDBC (the fair
 * counterpart of a kernel that fills per-cell arrays); {@code duckDbFolded} runs the same
 * aggregation folded to one row inside DuckDB, so the difference between the two is the cost of
 * fetching the per-cell rows. {@code threads} is DuckDB's {@code SET threads}: 1 for a per-core
 * comparison.
 *
 * <p>{@code zaggMoments} is zagg's reduce stage ({@link ShardReduction} of count, min, max, mean
 * and var: numpy-exact float32, pairwise sums) over the clustered runs, writing into reused
 * per-cell outputs. {@code naiveJavaRuns} is {@link NaiveCellStats}: one pass over each clustered
 * run with sequential float32 sums, the plain-Java point of comparison. Neither has a
 * random-order variant: random rows must first be sorted by cell, which the carrier benchmarks
 * measure. Every benchmark also reports
 * {@code :rows} and {@code :bytes} per second (input rows and the 8 bytes each occupies), to
 * read against {@link BandwidthControlBenchmark}.
 *
 * <pre>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar zagg-jmh/target/benchmarks.jar DuckDbBaseline}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DuckDbBaselineBenchmark {

    /** A shard loaded into DuckDB; the Java columns are dropped once DuckDB has its copy. */
    @State(Scope.Benchmark)
    public static class Loaded extends ShardShape {
        @Param({"CLUSTERED", "RANDOM"})
        public RowOrder order;

        @Param({"1", "2"})
        public int threads;

        DuckDbShard duckDb;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            duckDb = DuckDbShard.load(generate(order), threads);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            duckDb.close();
        }
    }

    /** Clustered columns, their runs, and the per-cell outputs the Java benchmarks fill. */
    @State(Scope.Benchmark)
    public static class ClusteredRuns extends ShardShape {
        ShardColumns columns;
        NaiveCellStats stats;
        Map<String, Column> heights;
        CellRuns runs;
        ShardReduction moments;
        ShardOutput momentsOut;

        @Setup(Level.Trial)
        public void makeColumns() {
            columns = generate(RowOrder.CLUSTERED);
            stats = new NaiveCellStats(cellsPerShard);
            heights = Map.of("h", Columns.of(columns.h()));
            runs = columns.cellRuns();
            moments = new ShardReduction(List.of(count(), min("h"), max("h"), mean("h"), var("h")));
            momentsOut = ShardOutput.allocate(moments.fields(), cellsPerShard);
        }
    }

    @Benchmark
    public void duckDbFetched(Loaded shard, RowCounters counters, Blackhole bh) throws SQLException {
        shard.duckDb.perCellStatistics((cell, count, min, max, mean, variance) -> {
            bh.consume(cell);
            bh.consume(count);
            bh.consume(min);
            bh.consume(max);
            bh.consume(mean);
            bh.consume(variance);
        });
        counters.countShard(shard.rows);
    }

    @Benchmark
    public double duckDbFolded(Loaded shard, RowCounters counters) throws SQLException {
        double folded = shard.duckDb.perCellStatisticsFolded();
        counters.countShard(shard.rows);
        return folded;
    }

    @Benchmark
    public ShardOutput zaggMoments(ClusteredRuns shard, RowCounters counters) {
        shard.moments.reduce(shard.heights, shard.runs, shard.momentsOut);
        counters.countShard(shard.rows);
        return shard.momentsOut;
    }

    @Benchmark
    public NaiveCellStats naiveJavaRuns(ClusteredRuns shard, RowCounters counters) {
        NaiveCellStats stats = shard.stats.overRuns(shard.columns.h(), shard.columns.cellStarts());
        counters.countShard(shard.rows);
        return stats;
    }
}
