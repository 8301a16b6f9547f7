package io.zagg.reduce;

import static io.zagg.Aggregations.average;
import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.histogram;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.median;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.nanmax;
import static io.zagg.Aggregations.nanmean;
import static io.zagg.Aggregations.nanmedian;
import static io.zagg.Aggregations.nanmin;
import static io.zagg.Aggregations.nanstd;
import static io.zagg.Aggregations.nansum;
import static io.zagg.Aggregations.nanvar;
import static io.zagg.Aggregations.quantile;
import static io.zagg.Aggregations.reduce;
import static io.zagg.Aggregations.std;
import static io.zagg.Aggregations.sum;
import static io.zagg.Aggregations.tdigest;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardReductionTest {

    private static final float[] X = {3f, 1f, 2f, 10f, -4f, 2f};

    /** Cells 0..4 of which 1 and 3 hold rows (3 and 3 rows), with a zero-length run for cell 2. */
    private static final CellRuns RUNS = new CellRuns(new long[] {0, 3, 3, 6}, new int[] {1, 2, 3}, 5);

    @Test
    void emptyCellsGetCountZeroTheFillFilledVectorsAndNoRaggedEntry() {
        List<Aggregation> fields = List.of(count(), mean("x"), min("x").fill(-9999).as("h_min"),
                histogram("x", 4, 0, 4).dtype(DType.UINT32).fill(7), tdigest("x", 64));
        ShardOutput out = new ShardReduction(fields).reduce(Map.of("x", Columns.of(X)), RUNS);
        for (int cell : new int[] {0, 2, 4}) {
            assertEquals(0, out.dense("count").getLong(cell));
            assertTrue(Float.isNaN(out.dense("x_mean").getFloat(cell)));
            assertEquals(-9999f, out.dense("h_min").getFloat(cell));
            for (int b = 0; b < 4; b++) {
                assertEquals(7, out.dense("x_histogram").getLong(cell * 4L + b));
            }
        }
        assertEquals(3, out.dense("count").getLong(1));
        assertEquals(2f, out.dense("x_mean").getFloat(1));
        assertEquals(-4f, out.dense("h_min").getFloat(3));
        assertEquals(List.of(0L, 1L, 1L, 1L), List.of(
                out.dense("x_histogram").getLong(4), out.dense("x_histogram").getLong(5),
                out.dense("x_histogram").getLong(6), out.dense("x_histogram").getLong(7)));
        RaggedBuilder td = out.ragged("x_tdigest");
        assertArrayEquals(new int[] {1, 3}, td.cellIds());
        assertArrayEquals(new long[] {0, 3, 6}, td.offsets());
        assertArrayEquals(new float[] {1, 1, 2, 1, 3, 1}, NumpyGoldenTest.payload(td, 1));
        assertArrayEquals(new float[] {-4, 1, 2, 1, 10, 1}, NumpyGoldenTest.payload(td, 3));
    }

    @Test
    void singleValue() {
        ShardOutput out = OneCell.reduce(new float[] {4.5f}, count(), sum("x"), mean("x"), var("x"), std("x"), min("x"), max("x"),
                median("x"), quantile("x", 0.3), nanmean("x"), nanvar("x"), nanmedian("x"), tdigest("x", 256));
        assertEquals(1, out.dense("count").getLong(0));
        for (String f : new String[] {"x_sum", "x_mean", "x_min", "x_max", "x_median", "x_q30", "x_nanmean", "x_nanmedian"}) {
            assertEquals(4.5f, OneCell.scalar(out, f), f);
        }
        assertEquals(0f, OneCell.scalar(out, "x_var"));
        assertEquals(0f, OneCell.scalar(out, "x_std"));
        assertEquals(0f, OneCell.scalar(out, "x_nanvar"));
        assertArrayEquals(new float[] {4.5f, 1f}, NumpyGoldenTest.payload(out.ragged("x_tdigest"), 0));
    }

    @Test
    void allNaNCellGivesNaNForNanFunctionsZeroForNansumAndNoDigest() {
        float[] x = {Float.NaN, Float.NaN, Float.NaN};
        ShardOutput out = OneCell.reduce(x, count(), nanmin("x"), nanmax("x"), nanmean("x"), nanvar("x"), nanstd("x"), nanmedian("x"),
                nansum("x"), min("x"), tdigest("x", 64), histogram("x", 2, 0, 1).dtype(DType.INT32));
        assertEquals(3, out.dense("count").getLong(0));
        for (String f : new String[] {"x_nanmin", "x_nanmax", "x_nanmean", "x_nanvar", "x_nanstd", "x_nanmedian", "x_min"}) {
            assertTrue(Float.isNaN(OneCell.scalar(out, f)), f);
        }
        assertEquals(0f, OneCell.scalar(out, "x_nansum"));
        assertEquals(0, out.ragged("x_tdigest").populated());
        assertEquals(0, out.dense("x_histogram").getLong(0) + out.dense("x_histogram").getLong(1));
    }

    @Test
    void weightsSummingToZeroGiveTheFill() {
        Map<String, Column> cols = Map.of("x", Columns.of(1f, 2f, 3f), "w", Columns.of(1f, -2f, 1f));
        assertTrue(Float.isNaN(OneCell.scalar(OneCell.reduce(cols, 3, average("x", "w")), "x_average")));
        assertEquals(-1f, OneCell.scalar(OneCell.reduce(cols, 3, average("x", "w").fill(-1)), "x_average"));
        Map<String, Column> ok = Map.of("x", Columns.of(1f, 2f, 3f), "w", Columns.of(1f, 1f, 2f));
        assertEquals((1f + 2f + 6f) / 4f, OneCell.scalar(OneCell.reduce(ok, 3, average("x", "w")), "x_average"));
    }

    @Test
    void averageOfFloat32ValuesWithFloat64WeightsComputesInFloat64() {
        Map<String, Column> cols = Map.of("x", Columns.of(0.1f, 0.2f, 0.7f), "w", Columns.of(1d / 3, 1d / 3, 1d / 3));
        double expected = ((double) 0.1f / 3 + (double) 0.2f / 3 + (double) 0.7f / 3) / (1d / 3 + 1d / 3 + 1d / 3);
        double[] xw = {(double) 0.1f * (1d / 3), (double) 0.2f * (1d / 3), (double) 0.7f * (1d / 3)};
        double sw = (0d + 1d / 3 + 1d / 3) + 1d / 3;
        double actual = OneCell.reduce(cols, 3, average("x", "w").dtype(DType.FLOAT64)).dense("x_average").getDouble(0);
        assertEquals(((0d + xw[0]) + xw[1] + xw[2]) / sw, actual);
        assertEquals(expected, actual, 1e-15);
    }

    @Test
    void resultsAreComputedInTheSourceDtypeThenCast() {
        float[] x = {0.1f, 0.2f, 0.4f};
        ShardOutput out = OneCell.reduce(x, mean("x").dtype(DType.FLOAT64), sum("x").dtype(DType.INT32), max("x").dtype(DType.INT16));
        float mean32 = (float) ((double) (((0f + 0.1f) + 0.2f) + 0.4f) / 3);
        assertEquals((double) mean32, out.dense("x_mean").getDouble(0), "a float32 mean, widened");
        assertEquals(0, out.dense("x_sum").getLong(0), "0.7 truncated as numpy's int() does");
        assertEquals(0, out.dense("x_max").getLong(0));
    }

    @Test
    void integerFieldGetsTheFillWhereTheResultIsNaN() {
        ShardOutput out = OneCell.reduce(new float[] {1f, Float.NaN}, max("x").dtype(DType.INT32).fill(-1), nanmax("x").dtype(DType.INT32));
        assertEquals(-1, out.dense("x_max").getLong(0));
        assertEquals(1, out.dense("x_nanmax").getLong(0));
    }

    @Test
    void fieldsSharingAColumnDoNotDisturbEachOther() {
        float[] x = {5f, Float.NaN, -1f, 2f, 8f, Float.NaN, 0.5f};
        Map<String, Column> cols = Map.of("x", Columns.of(x), "w", Columns.of(1f, 1f, 2f, 1f, 1f, 1f, 3f));
        Aggregation[] all = {var("x"), nanvar("x"), mean("x"), nanmean("x"), average("x", "w"), nansum("x"), median("x"),
            nanmedian("x"), quantile("x", 0.5), std("x"), nanstd("x"), sum("x")};
        ShardOutput together = OneCell.reduce(cols, x.length, all);
        for (Aggregation a : all) {
            float alone = OneCell.scalar(OneCell.reduce(cols, x.length, a), a.name());
            assertEquals(Float.floatToIntBits(alone), Float.floatToIntBits(OneCell.scalar(together, a.name())), a.name());
        }
    }

    @Test
    void reducesThroughTheColumnAccessorsOfAnyCarrier() {
        MutableColumn heap = Columns.of(X);
        Column foreign = new ForeignColumn(X);
        List<Aggregation> fields = List.of(var("x"), median("x"), tdigest("x", 64));
        ShardOutput a = new ShardReduction(fields).reduce(Map.of("x", heap), RUNS);
        ShardOutput b = new ShardReduction(fields).reduce(Map.of("x", foreign), RUNS);
        for (int cell = 0; cell < 5; cell++) {
            assertEquals(Float.floatToIntBits(a.dense("x_var").getFloat(cell)), Float.floatToIntBits(b.dense("x_var").getFloat(cell)));
            assertEquals(Float.floatToIntBits(a.dense("x_median").getFloat(cell)), Float.floatToIntBits(b.dense("x_median").getFloat(cell)));
        }
        assertArrayEquals(NumpyGoldenTest.payload(a.ragged("x_tdigest"), 3), NumpyGoldenTest.payload(b.ragged("x_tdigest"), 3));
    }

    @Test
    void reuseAcrossShardsOfDifferentSizesAndDtypes() {
        ShardReduction r = new ShardReduction(List.of(median("x"), var("x")));
        float[] big = new float[5000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (i * 37) % 101;
        }
        ShardOutput first = r.reduce(Map.of("x", Columns.of(big)), new CellRuns(new long[] {0, 5000}, new int[] {0}, 1));
        ShardOutput second = r.reduce(Map.of("x", Columns.of(2d, 4d, 9d)), new CellRuns(new long[] {0, 3}, new int[] {0}, 1));
        float[] sorted = big.clone();
        Arrays.sort(sorted);
        assertEquals((0f + sorted[2499] + sorted[2500]) / 2, first.dense("x_median").getFloat(0));
        assertEquals(4d, second.dense("x_median").getFloat(0));
        double m = 5d;
        assertEquals((float) (((m - 2) * (m - 2) + (m - 4) * (m - 4) + (m - 9) * (m - 9)) / 3), second.dense("x_var").getFloat(0));
    }

    @Test
    void lambdaReducerSeesOnlyItsCell() {
        Aggregation p95 = reduce("h_p95", "x", v -> {
            double[] a = new double[(int) v.rows()];
            for (int i = 0; i < a.length; i++) {
                a[i] = v.getDouble(i);
            }
            Arrays.sort(a);
            return a[(int) Math.ceil(0.95 * a.length) - 1];
        });
        ShardOutput out = new ShardReduction(List.of(p95)).reduce(Map.of("x", Columns.of(X)), RUNS);
        assertEquals(3f, out.dense("h_p95").getFloat(1));
        assertEquals(10f, out.dense("h_p95").getFloat(3));
        assertTrue(Float.isNaN(out.dense("h_p95").getFloat(0)));
        Aggregation peek = reduce("peek", "x", v -> v.getDouble(3));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ShardReduction(List.of(peek)).reduce(Map.of("x", Columns.of(X)), RUNS));
        assertTrue(e.getMessage().contains("'peek'") && e.getMessage().contains("outside this cell's 3 elements"), e.getMessage());
    }

    @Test
    void vectorAndRaggedReducersOverTwoColumns() {
        Map<String, Column> cols = Map.of("x", Columns.of(X), "y", Columns.of(1f, 1f, 1f, 2f, 2f, 2f));
        Aggregation sums = reduce("sums", List.of("x", "y"), (cell, out) -> {
            double sx = 0;
            double sy = 0;
            for (long i = 0; i < cell.rows(); i++) {
                sx += cell.column(0).getDouble(i);
                sy += cell.column(1).getDouble(i);
            }
            out.set(0, sx);
            out.set(1, sy);
        }).vector(2).dtype(DType.FLOAT64);
        Aggregation pairs = reduce("pairs", List.of("x", "y"), (cell, out) -> {
            for (long i = 0; i < cell.rows(); i++) {
                if (cell.column(0).getDouble(i) > 2) {
                    out.add(cell.column(0).getDouble(i));
                    out.add(cell.column(1).getDouble(i));
                }
            }
        }).ragged(2);
        ShardOutput out = new ShardReduction(List.of(sums, pairs)).reduce(cols, RUNS);
        assertEquals(6d, out.dense("sums").getDouble(2));
        assertEquals(3d, out.dense("sums").getDouble(3));
        assertEquals(8d, out.dense("sums").getDouble(6));
        assertEquals(6d, out.dense("sums").getDouble(7));
        assertTrue(Double.isNaN(out.dense("sums").getDouble(0)));
        assertArrayEquals(new int[] {1, 3}, out.ragged("pairs").cellIds());
        assertArrayEquals(new float[] {3, 1}, NumpyGoldenTest.payload(out.ragged("pairs"), 1));
        assertArrayEquals(new float[] {10, 2}, NumpyGoldenTest.payload(out.ragged("pairs"), 3));
    }

    @Test
    void reducerMisuseIsReportedWithTheField() {
        Map<String, Column> cols = Map.of("x", Columns.of(X));
        Aggregation partial = reduce("odd", List.of("x"), (cell, out) -> out.add(1)).ragged(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ShardReduction(List.of(partial)).reduce(cols, RUNS));
        assertTrue(e.getMessage().contains("odd") && e.getMessage().contains("not a multiple of its row width 2"), e.getMessage());
        Aggregation wrong = reduce("wrong", List.of("x"), (cell, out) -> out.add(1));
        e = assertThrows(IllegalStateException.class, () -> new ShardReduction(List.of(wrong)).reduce(cols, RUNS));
        assertTrue(e.getMessage().contains("add(value) is for ragged outputs; field 'wrong' is scalar"), e.getMessage());
    }

    @Test
    void badColumnsAreRejectedNamingFieldAndColumn() {
        CellRuns one = new CellRuns(new long[] {0, 3}, new int[] {0}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShardReduction(List.of(mean("h"))).reduce(Map.of("x", Columns.of(1f, 2f, 3f)), one));
        assertEquals("field 'h_mean' reads column 'h', which the shard does not have; columns: [x]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShardReduction(List.of(mean("q"))).reduce(Map.of("q", Columns.wrap(new int[] {1, 2, 3}, DType.INT32, 1)), one));
        assertEquals("field 'q_mean' (mean) needs a float32 or float64 column of one value per row; column 'q' is int32", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShardReduction(List.of(mean("x"))).reduce(Map.of("x", Columns.of(1f, 2f)), one));
        assertEquals("column 'x' has 2 rows; the cell runs of field 'x_mean' reach row 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ShardReduction(List.of(mean("x"), mean("x"))));
        assertTrue(e.getMessage().startsWith("output name 'x_mean' is used twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ShardReduction(List.of(histogram("x", 4, 1e6, 1e6 + 0.1))).reduce(Map.of("x", Columns.of(1f, 2f, 3f)), one));
        assertTrue(e.getMessage().contains("do not give increasing float32 edges"), e.getMessage());
    }

    @Test
    void cellRunsAreValidated() {
        assertEquals("run 1 is for cell 1, not after cell 1 of run 0; runs must be in increasing cell order",
                assertThrows(IllegalArgumentException.class, () -> new CellRuns(new long[] {0, 1, 2}, new int[] {1, 1}, 3)).getMessage());
        assertEquals("run 0 is for cell 3, outside 0..2",
                assertThrows(IllegalArgumentException.class, () -> new CellRuns(new long[] {0, 1}, new int[] {3}, 3)).getMessage());
        assertEquals("run 0 ends at row 1 before its start 2",
                assertThrows(IllegalArgumentException.class, () -> new CellRuns(new long[] {2, 1}, new int[] {0}, 3)).getMessage());
        assertEquals("2 runs need 3 starts, not 2",
                assertThrows(IllegalArgumentException.class, () -> new CellRuns(new long[] {0, 1}, new int[] {0, 1}, 3)).getMessage());
    }
}
