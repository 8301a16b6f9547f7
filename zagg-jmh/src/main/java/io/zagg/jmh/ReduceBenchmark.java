package io.zagg.jmh;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.histogram;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.median;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.quantile;
import static io.zagg.Aggregations.tdigest;
import static io.zagg.Aggregations.var;

import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-cell reduction of one shard: float32 heights already sorted by cell, rows spread uniformly
 * at random over the cells (1M rows / 4,096 cells ≈ 244 rows per cell). The {@code rows} counter
 * is the throughput to read: shard rows reduced per second, on one thread.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -jar zagg-jmh/target/benchmarks.jar Reduce -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 *
 * Targets (per core): count+min+max+mean+var ≥ 100 M rows/s, median and quantiles ≥ 20 M rows/s,
 * t-digest ≥ 10 M rows/s; the histogram has no target. {@code sumControl} is a plain sequential float sum over the same
 * heights: the memory-bandwidth ceiling the other figures are a fraction of.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ReduceBenchmark {

    @Param({"1000000", "20000000"})
    public int rows;

    @Param({"4096", "65536"})
    public int cells;

    private float[] heights;
    private Map<String, Column> columns;
    private CellRuns runs;
    private ShardReduction moments;
    private ShardReduction orderStatistics;
    private ShardReduction tdigests;
    private ShardReduction histograms;

    /** Counts the shard rows reduced, so JMH reports rows per second next to operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long rows;
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        long[] starts = new long[cells + 1];
        int[] perCell = new int[cells];
        for (int i = 0; i < rows; i++) {
            perCell[random.nextInt(cells)]++;
        }
        int[] cellIds = new int[cells];
        for (int c = 0; c < cells; c++) {
            starts[c + 1] = starts[c] + perCell[c];
            cellIds[c] = c;
        }
        heights = new float[rows];
        for (int i = 0; i < rows; i++) {
            heights[i] = (float) (1200 + 35 * gaussian(random));
        }
        columns = Map.of("h_ph", Columns.of(heights));
        runs = new CellRuns(starts, cellIds, cells);
        moments = new ShardReduction(List.of(count(), min("h_ph"), max("h_ph"), mean("h_ph"), var("h_ph")));
        orderStatistics = new ShardReduction(List.of(median("h_ph"), quantile("h_ph", 0.25), quantile("h_ph", 0.75)));
        tdigests = new ShardReduction(List.of(tdigest("h_ph", 256)));
        // zagg's waveform shape: 128 bins over the heights' ±4 sigma
        histograms = new ShardReduction(List.of(histogram("h_ph", 128, 1060, 1340)));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** count + min + max + mean + var (one pairwise sum shared by mean and var). */
    @Benchmark
    public ShardOutput moments(Rows counter) {
        counter.rows += rows;
        return moments.reduce(columns, runs);
    }

    /** median + 25th + 75th percentile (one sort per cell shared by the three). */
    @Benchmark
    public ShardOutput orderStatistics(Rows counter) {
        counter.rows += rows;
        return orderStatistics.reduce(columns, runs);
    }

    /** zagg's t-digest, delta 256. */
    @Benchmark
    public ShardOutput tdigest256(Rows counter) {
        counter.rows += rows;
        return tdigests.reduce(columns, runs);
    }

    /** {@code np.histogram} with 128 equal bins (numpy's edge correction, last bin closed). */
    @Benchmark
    public ShardOutput histogram128(Rows counter) {
        counter.rows += rows;
        return histograms.reduce(columns, runs);
    }

    /** Control: a sequential float sum over the same heights. */
    @Benchmark
    public float sumControl(Rows counter) {
        counter.rows += rows;
        float s = 0;
        for (float h : heights) {
            s += h;
        }
        return s;
    }
}
