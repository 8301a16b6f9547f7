package io.zagg.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zagg.Aggregations;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@link NumpyKernels} over column runs: the same bits as the built-in reducers, numpy's edge cases, and its preconditions. */
class NumpyKernelsTest {

    @Test
    void aRunInsideAColumnGivesTheBuiltInsBitsWhateverTheCarrier() {
        qt().withExamples(200).forAll(lists().of(floats().between(-1e4f, 1e4f)).ofSizeBetween(1, 300), integers().between(0, 20))
                .checkAssert((values, pad) -> {
                    // the run [pad, pad + n) of a longer column, on the heap and behind plain accessors
                    float[] padded = new float[values.size() + 2 * pad];
                    Arrays.fill(padded, Float.NaN);
                    for (int i = 0; i < values.size(); i++) {
                        padded[pad + i] = values.get(i);
                    }
                    float[] x = Arrays.copyOfRange(padded, pad, pad + values.size());
                    ShardOutput cell = OneCell.reduce(x, Aggregations.mean("x"), Aggregations.var("x"), Aggregations.median("x"),
                            Aggregations.quantile("x", 0.3).as("q"), Aggregations.min("x"), Aggregations.max("x"));
                    for (Column c : new Column[] {Columns.of(padded), new ForeignColumn(padded)}) {
                        long s = pad;
                        long e = pad + x.length;
                        assertEquals(OneCell.scalar(cell, "x_mean"), (float) NumpyKernels.mean(c, s, e));
                        assertEquals(OneCell.scalar(cell, "x_var"), (float) NumpyKernels.var(c, s, e, 0));
                        assertEquals(OneCell.scalar(cell, "x_median"), (float) NumpyKernels.median(c, s, e));
                        assertEquals(OneCell.scalar(cell, "q"), (float) NumpyKernels.quantile(c, s, e, 0.3));
                        assertEquals(OneCell.scalar(cell, "x_min"), (float) NumpyKernels.min(c, s, e));
                        assertEquals(OneCell.scalar(cell, "x_max"), (float) NumpyKernels.max(c, s, e));
                    }
                });
    }

    @Test
    void theReusedBufferDoesNotLeakAnEarlierRun() {
        float[] big = new float[5000];
        Arrays.fill(big, 7f);
        assertEquals(7.0, NumpyKernels.median(Columns.of(big), 0, big.length));
        assertEquals(2.0, NumpyKernels.median(Columns.of(3f, 1f, 2f), 0, 3));
        assertEquals(2.5, NumpyKernels.quantile(Columns.of(3f, 1f, 2f), 0, 2, 0.75), "the run [0, 2) is {3, 1}: 1 + 0.75 * (3 - 1)");
        assertEquals(1.0, NumpyKernels.var(Columns.of(1.0, 3.0, 100.0), 0, 2, 0));
    }

    @Test
    void ddofAndEmptyRunsFollowNumpy() {
        Column x = Columns.of(1f, 2f, 3f, 4f);
        assertEquals(1.25, NumpyKernels.var(x, 0, 4, 0));
        assertEquals((float) (5.0 / 3), (float) NumpyKernels.var(x, 0, 4, 1));
        assertEquals((float) Math.sqrt(5.0 / 3), (float) NumpyKernels.std(x, 0, 4, 1));
        assertEquals(Double.POSITIVE_INFINITY, NumpyKernels.var(x, 0, 4, 4), "numpy divides by max(n - ddof, 0)");
        assertEquals(0.0, NumpyKernels.sum(x, 2, 2));
        assertTrue(Double.isNaN(NumpyKernels.mean(x, 2, 2)));
        assertTrue(Double.isNaN(NumpyKernels.var(x, 2, 2, 0)));
        assertTrue(Double.isNaN(NumpyKernels.median(x, 2, 2)));
        assertEquals("np.quantile of an empty run: numpy has no value for a zero-size array",
                assertThrows(IllegalArgumentException.class, () -> NumpyKernels.quantile(x, 2, 2, 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumpyKernels.min(x, 2, 2));
        assertTrue(Double.isNaN(NumpyKernels.max(Columns.of(1f, Float.NaN, 3f), 0, 3)), "np.max propagates NaN");
    }

    @Test
    void averageComputesInTheResultDtypeOfValuesAndWeights() {
        Column x = Columns.of(1f, 2f);
        Column w32 = Columns.of(0.1f, 0.2f);
        Column w64 = Columns.of(0.1, 0.2);
        assertEquals(OptionalDouble.of((1f * 0.1f + 2f * 0.2f) / (0.1f + 0.2f)), NumpyKernels.average(x, 0, w32, 0, 2));
        assertEquals(OptionalDouble.of((1 * 0.1 + 2 * 0.2) / (0.1 + 0.2)), NumpyKernels.average(x, 0, w64, 0, 2),
                "float32 values with float64 weights average in float64");
        assertEquals(OptionalDouble.empty(), NumpyKernels.average(x, 0, Columns.of(1f, -1f), 0, 2), "weights summing to 0");
    }

    @Test
    void histogramsBinInTheEdgeDtype() {
        Column x = Columns.of(0f, 0.5f, 1f, 2f, Float.NaN);
        assertArrayEquals(new long[] {1, 2}, NumpyKernels.histogram(x, 0, 5, HistogramBins.of(2, 0, 1, DType.FLOAT64, DType.FLOAT32)));
        HistogramBins float32 = HistogramBins.of(3, 0.1f, 0.4f, DType.FLOAT32, DType.FLOAT32);
        assertArrayEquals(new double[] {0.1f, 0.2f, 0.3f, 0.4f}, float32.edges(), "linspace computed in float32");
        assertArrayEquals(new long[] {1, 0, 1}, NumpyKernels.histogram(Columns.of(0.1f, 0.35f, 0.5f), 0, 3, float32));
        assertEquals("histogram bins 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> HistogramBins.of(0, 0, 1, DType.FLOAT64, DType.FLOAT64)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumpyKernels.histogram(Columns.of(1.0), 0, 1, float32));
    }

    @Test
    void onlyRunsOfFloatColumnsOfOneValuePerRow() {
        assertEquals("np.mean needs a float32 or float64 column of one value per row, not int32",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyKernels.mean(Columns.wrap(new int[] {1}, DType.INT32, 1), 0, 1)).getMessage());
        assertEquals("np.median needs a float32 or float64 column of one value per row, not float32 with 2 values per row",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyKernels.median(Columns.wrap(new float[] {1, 2}, DType.FLOAT32, 2), 0, 1)).getMessage());
        assertEquals("np.var: rows [1, 4) are not a run of the column's 3 rows",
                assertThrows(IllegalArgumentException.class, () -> NumpyKernels.var(Columns.of(1f, 2f, 3f), 1, 4, 0)).getMessage());
    }
}
