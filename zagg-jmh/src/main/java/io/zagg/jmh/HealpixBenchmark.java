package io.zagg.jmh;

import io.zagg.grid.Healpix;
import io.zagg.grid.MortonWord;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many points per second one core hashes to order-29 NESTED ids, and packs into morton words.
 * Each invocation handles a batch of one million points, so the scores are points per second.
 *
 * <p>{@code sphere} points are uniform on the sphere, the worst case for branch prediction;
 * {@code track} points follow a satellite ground track (ordered, within a few kilometres of a
 * meridian), the order the pipeline sees them in. {@code readWrite} is the control: it touches the
 * same arrays with no hashing, the memory-bound limit.
 *
 * <pre>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar zagg-jmh/target/benchmarks.jar Healpix}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HealpixBenchmark {

    static final int BATCH = 1_000_000;

    @Param({"sphere", "track"})
    public String points;

    private double[] lat;
    private double[] lon;
    private long[] nested;
    private long[] out;

    @Setup
    public void makePoints() {
        SplittableRandom random = new SplittableRandom(29);
        lat = new double[BATCH];
        lon = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            if (points.equals("sphere")) {
                lat[i] = Math.toDegrees(Math.asin(random.nextDouble(-1, 1)));
                lon[i] = random.nextDouble(-180, 180);
            } else {
                // one pass from 88°S to 88°N, 3 km of cross-track scatter around 76.56°W
                lat[i] = -88 + 176.0 * i / BATCH;
                lon[i] = -76.56 + random.nextDouble(-0.03, 0.03);
            }
        }
        nested = new long[BATCH];
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, nested);
        out = new long[BATCH];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long[] nested29() {
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long[] mortonFromNested29() {
        for (int i = 0; i < BATCH; i++) {
            out[i] = MortonWord.fromNested(nested[i], Healpix.MAX_ORDER);
        }
        return out;
    }

    /** Control: reads both coordinate arrays and writes the output array, with no hashing. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long[] readWrite() {
        for (int i = 0; i < BATCH; i++) {
            out[i] = Double.doubleToRawLongBits(lat[i]) ^ Double.doubleToRawLongBits(lon[i]);
        }
        return out;
    }
}
