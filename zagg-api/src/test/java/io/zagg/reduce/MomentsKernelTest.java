package io.zagg.reduce;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.std;
import static io.zagg.Aggregations.sum;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zagg.Aggregation;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fused moments ({@link MomentsKernel}): its unrolled one- and two-value paths, its
 * sequential path below 8 values and its general path give, bit for bit, what the statistics
 * computed one by one from a loaded {@link CellBuffer} give ({@link CellStats}, the route of
 * {@link NumpyKernels} and of the reducers before the fusion), and numpy's values on edge inputs.
 */
class MomentsKernelTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    /** count, sum, min, max, mean, var, std of x, in the order {@link #expected} lists them. */
    private static final List<Aggregation> MOMENTS = List.of(count(), sum("x"), min("x"), max("x"), mean("x"), var("x"), std("x"));

    /** The same stored as float64 (fields are float32 unless said), for float64 columns. */
    private static final List<Aggregation> MOMENTS64 = MOMENTS.stream()
            .map(a -> a.name().equals("count") ? a : a.dtype(DType.FLOAT64)).collect(Collectors.toList());

    /**
     * numpy 1.24.2 ({@code np.sum, np.min, np.max, np.mean, np.var, np.std} of a float32 array):
     * a single infinity has variance NaN (inf - inf), a single -0.0 sums to +0.0 (numpy adds from
     * 0), float32 sums overflow to inf, halving a subnormal rounds in float32.
     */
    @Test
    void tinyCellsGiveNumpysFloat32Values() {
        float nan = Float.NaN;
        assertMoments(new float[] {-0f}, 0f, -0f, -0f, 0f, 0f, 0f);
        assertMoments(new float[] {INF}, INF, INF, INF, INF, nan, nan);
        assertMoments(new float[] {-INF}, -INF, -INF, -INF, -INF, nan, nan);
        assertMoments(new float[] {nan}, nan, nan, nan, nan, nan, nan);
        assertMoments(new float[] {Float.MAX_VALUE}, Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, 0f, 0f);
        assertMoments(new float[] {3e38f, 3e38f}, INF, 3e38f, 3e38f, INF, INF, INF);
        assertMoments(new float[] {Float.MIN_VALUE, Float.MIN_VALUE}, 2 * Float.MIN_VALUE, Float.MIN_VALUE, Float.MIN_VALUE,
                Float.MIN_VALUE, 0f, 0f);
        assertMoments(new float[] {1f, 2f}, 3f, 1f, 2f, 1.5f, 0.25f, 0.5f);
        assertMoments(new float[] {INF, 1f}, INF, 1f, INF, INF, nan, nan);
        assertMoments(new float[] {INF, -INF}, nan, -INF, INF, nan, nan, nan);
        assertMoments(new float[] {16777216f, 1f}, 16777216f, 1f, 16777216f, 8388608f, 70368735789056f, 8388607.5f);
        assertMoments(new float[] {Float.MIN_VALUE, 2 * Float.MIN_VALUE, 1f}, 1f, Float.MIN_VALUE, 1f, 0.3333333432674408f,
                0.2222222089767456f, 0.471404492855072f);
    }

    /** numpy 1.24.2 on the same inputs as float64 arrays. */
    @Test
    void tinyCellsGiveNumpysFloat64Values() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        assertMoments64(new double[] {-0d}, 0d, -0d, -0d, 0d, 0d, 0d);
        assertMoments64(new double[] {inf}, inf, inf, inf, inf, nan, nan);
        assertMoments64(new double[] {nan}, nan, nan, nan, nan, nan, nan);
        assertMoments64(new double[] {3e38, 3e38}, 6e38, 3e38, 3e38, 3e38, 0d, 0d);
        assertMoments64(new double[] {1e-45, 1e-45}, 2e-45, 1e-45, 1e-45, 1e-45, 0d, 0d);
        assertMoments64(new double[] {inf, -inf}, nan, -inf, inf, nan, nan, nan);
        assertMoments64(new double[] {16777216d, 1d}, 16777217d, 1d, 16777216d, 8388608.5, 70368735789056.25, 8388607.5);
        assertMoments64(new double[] {1e-45, 3e-45, 1d}, 1d, 1e-45, 1d, 0.3333333333333333, 0.22222222222222224, 0.4714045207910317);
    }

    private static void assertMoments(float[] x, float... expected) {
        ShardOutput out = OneCell.reduce(x, MOMENTS.toArray(new Aggregation[0]));
        assertEquals(x.length, out.dense("count").getLong(0));
        String[] names = {"x_sum", "x_min", "x_max", "x_mean", "x_var", "x_std"};
        for (int k = 0; k < names.length; k++) {
            assertEquals(expected[k], out.dense(names[k]).getFloat(0), names[k] + " of " + Arrays.toString(x));
        }
    }

    private static void assertMoments64(double[] x, double... expected) {
        ShardOutput out = OneCell.reduce(Map.of("x", Columns.of(x)), x.length, MOMENTS64.toArray(new Aggregation[0]));
        String[] names = {"x_sum", "x_min", "x_max", "x_mean", "x_var", "x_std"};
        for (int k = 0; k < names.length; k++) {
            assertEquals(expected[k], out.dense(names[k]).getDouble(0), names[k] + " of " + Arrays.toString(x));
        }
    }

    @Test
    void fusedFloat32CellsEqualTheStatisticsOneByOne() {
        qt().withExamples(400).forAll(lists().of(float32Values()).ofSizeBetween(1, 40)).checkAssert(values -> {
            float[] x = new float[values.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = values.get(i);
            }
            assertFusedEqualsOneByOne(Columns.of(x), x.length);
            assertFusedEqualsOneByOne(new ForeignColumn(x), x.length);
        });
    }

    @Test
    void fusedFloat64CellsEqualTheStatisticsOneByOne() {
        Gen<Double> values = doubles().any()
                .mix(Generate.pick(List.of(Double.NaN, -0d, 0d, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MAX_VALUE)), 15)
                .mix(doubles().between(3000, 3001), 40);
        qt().withExamples(400).forAll(lists().of(values).ofSizeBetween(1, 40)).checkAssert(list -> {
            double[] x = list.stream().mapToDouble(Double::doubleValue).toArray();
            assertFusedEqualsOneByOne(Columns.of(x), x.length);
        });
    }

    private static Gen<Float> float32Values() {
        return floats().any()
                .mix(Generate.pick(List.of(Float.NaN, -0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE, INF, -INF, Float.MAX_VALUE, 3e38f)), 15)
                .mix(floats().between(3000f, 3001f), 40);
    }

    /** One cell of {@code n} rows, reduced fused (the seven moments together) and one statistic at a time. */
    private static void assertFusedEqualsOneByOne(Column x, int n) {
        List<Aggregation> fields = x.dtype() == DType.FLOAT64 ? MOMENTS64 : MOMENTS;
        ShardOutput out = OneCell.reduce(Map.of("x", x), n, fields.toArray(new Aggregation[0]));
        assertEquals(n, out.dense("count").getLong(0));
        assertCell(out, 0, x, 0, n);
    }

    /** The fused outputs of {@code cell} equal the statistics of rows {@code [start, end)} of {@code x} computed one by one. */
    private static void assertCell(ShardOutput out, int cell, Column x, long start, long end) {
        CellBuffer b = new CellBuffer();
        b.read(x, start, end);
        double[] oneByOne = {CellStats.sum(b), b.min(false), b.max(false), CellStats.mean(b), CellStats.var(b, 0), CellStats.std(b, 0)};
        String[] names = {"x_sum", "x_min", "x_max", "x_mean", "x_var", "x_std"};
        for (int k = 0; k < names.length; k++) {
            MutableColumn c = out.dense(names[k]);
            String what = names[k] + " of cell " + cell + " (" + (end - start) + " rows)";
            if (x.dtype() == DType.FLOAT64) {
                assertEquals(Double.doubleToRawLongBits(oneByOne[k]), Double.doubleToRawLongBits(c.getDouble(cell)), what);
            } else {
                assertEquals(Float.floatToRawIntBits((float) oneByOne[k]), Float.floatToRawIntBits(c.getFloat(cell)), what);
            }
        }
    }

    /**
     * A shard of runs of 0 to 300 rows (every path: one, two, fewer than 8, blocked pairwise) with
     * empty cells between them: every cell equals the statistics one by one, empty cells keep the
     * fill, and fields asking for the same moment twice (a float64 mean of float32 values, an
     * int16 max, a second count) get it too.
     */
    @Test
    void shardOfEveryRunLengthEqualsTheStatisticsOneByOne() {
        qt().withExamples(30).forAll(integers().between(1, 1_000_000)).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int cells = 200;
            List<Long> starts = new ArrayList<>();
            List<Integer> cellIds = new ArrayList<>();
            long row = 0;
            for (int cell = 0; cell < cells; cell++) {
                if (r.nextInt(3) == 0) {
                    continue;
                }
                starts.add(row);
                cellIds.add(cell);
                int roll = r.nextInt(10);
                row += roll < 4 ? 1 : roll < 7 ? 2 : roll < 9 ? r.nextInt(8) : r.nextInt(300);
            }
            starts.add(row);
            float[] x = new float[(int) row];
            List<Float> specials = List.of(Float.NaN, -0f, INF, -INF, Float.MAX_VALUE);
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(50) == 0 ? specials.get(r.nextInt(specials.size())) : (float) (3000 + r.nextGaussian());
            }
            List<Aggregation> fields = new ArrayList<>(MOMENTS);
            fields.add(mean("x").as("mean64").dtype(DType.FLOAT64));
            fields.add(max("x").as("max16").dtype(DType.INT16).fill(-1));
            fields.add(count().as("rows"));
            CellRuns runs = new CellRuns(starts.stream().mapToLong(Long::longValue).toArray(),
                    cellIds.stream().mapToInt(Integer::intValue).toArray(), cells);
            Column column = Columns.of(x);
            ShardOutput out = new ShardReduction(fields).reduce(Map.of("x", column), runs);
            int run = 0;
            for (int cell = 0; cell < cells; cell++) {
                if (run < runs.runs() && runs.cell(run) == cell && runs.end(run) > runs.start(run)) {
                    long start = runs.start(run);
                    long end = runs.end(run);
                    assertCell(out, cell, column, start, end);
                    CellBuffer b = new CellBuffer();
                    b.read(column, start, end);
                    assertEquals(end - start, out.dense("count").getLong(cell));
                    assertEquals(end - start, out.dense("rows").getLong(cell));
                    assertEquals((double) (float) CellStats.mean(b), out.dense("mean64").getDouble(cell));
                    double top = b.max(false);
                    assertEquals(Double.isFinite(top) ? (short) (long) top : -1, out.dense("max16").getLong(cell));
                } else {
                    assertEquals(0, out.dense("count").getLong(cell));
                    assertEquals(0, out.dense("rows").getLong(cell));
                    assertEquals(Float.NaN, out.dense("x_mean").getFloat(cell));
                    assertEquals(Double.NaN, out.dense("mean64").getDouble(cell));
                    assertEquals(-1, out.dense("max16").getLong(cell));
                }
                if (run < runs.runs() && runs.cell(run) == cell) {
                    run++;
                }
            }
        });
    }
}
