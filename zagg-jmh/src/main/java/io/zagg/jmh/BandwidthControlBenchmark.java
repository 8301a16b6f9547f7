package io.zagg.jmh;

import io.zagg.jmh.ShardColumns.RowOrder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Control: how fast one core can merely read a shard's columns. Each benchmark sums a column and
 * does nothing else, so its {@code :rows} and {@code :bytes} rates are the limit a per-cell
 * kernel reading the same columns can approach, and a kernel's figure reads as a fraction of
 * them. At one million rows the columns (4 MB each) can stay in the last-level cache; at twenty
 * million (80 MB each) they stream from memory.
 *
 * <p>The float sum keeps eight independent accumulators: with one, every add would wait for the
 * previous one (the JIT may not reorder float adds) and the loop would measure add latency, not
 * memory. The int sum is the plain loop the JIT vectorises itself; on JDK 17, with the columns in
 * cache, it stays below the float sum (eight int accumulators did no better), so {@code sumH} is
 * the figure to read memory bandwidth from. Row order and cells per shard do not change what a sum reads, so the columns
 * are the {@link ShardColumns} of 65,536 clustered cells.
 *
 * <pre>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar zagg-jmh/target/benchmarks.jar BandwidthControl}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BandwidthControlBenchmark {

    @Param({"1000000", "20000000"})
    public int rows;

    private float[] h;
    private int[] cell;

    @Setup(Level.Trial)
    public void makeColumns() {
        ShardColumns columns = ShardColumns.generate(rows, 65_536, RowOrder.CLUSTERED);
        h = columns.h();
        cell = columns.cell();
    }

    @Benchmark
    public float sumH(RowCounters counters) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = h.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += h[i];
            s1 += h[i + 1];
            s2 += h[i + 2];
            s3 += h[i + 3];
            s4 += h[i + 4];
            s5 += h[i + 5];
            s6 += h[i + 6];
            s7 += h[i + 7];
        }
        for (; i < n; i++) {
            s0 += h[i];
        }
        count(counters, Float.BYTES);
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Benchmark
    public int sumCell(RowCounters counters) {
        int sum = 0; // wraps; it only has to be returned
        for (int c : cell) {
            sum += c;
        }
        count(counters, Integer.BYTES);
        return sum;
    }

    private void count(RowCounters counters, int bytesPerRow) {
        counters.rows += rows;
        counters.bytes += (long) rows * bytesPerRow;
    }
}
