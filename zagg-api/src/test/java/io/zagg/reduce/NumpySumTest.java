package io.zagg.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumpySumTest {

    @Test
    void pairwiseDiffersFromSequentialWhereNumpyDoes() {
        // 1 followed by 200 copies of 1e-8: a sequential float32 sum stays at 1.0f, while the
        // pairwise blocks accumulate the small terms before adding them to the large one.
        float[] x = new float[201];
        x[0] = 1f;
        Arrays.fill(x, 1, x.length, 1e-8f);
        float sequential = 0f;
        for (float v : x) {
            sequential += v;
        }
        assertEquals(1f, sequential);
        assertEquals(1.0000019f, NumpySum.sum(x, 0, x.length), "numpy 2.2: np.sum gives 1.0000019");
    }

    @Test
    void shortRunsAreSequential() {
        float[] x = {0.1f, 0.2f, 0.3f};
        assertEquals((0f + 0.1f) + 0.2f + 0.3f, NumpySum.sum(x, 0, 3));
        assertEquals(0f, NumpySum.sum(x, 1, 1));
    }

    @Test
    void reductionStartsFromZeroSoNegativeZerosSumToPositiveZero() {
        float[] x = new float[9];
        Arrays.fill(x, -0f);
        // numpy: np.sum(np.full(9, -0.0, np.float32)) is 0.0; pairwise alone would give -0.0
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(NumpySum.sum(x, 0, 9)));
        assertEquals(Double.doubleToRawLongBits(0d), Double.doubleToRawLongBits(NumpySum.sum(new double[] {-0d}, 0, 1)));
    }

    @Test
    void numpyReducesInBuffersOf8192() {
        float[] x = new float[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (((i * 7919L) % 10007) / 7.0);
        }
        // numpy 2.2.6: np.sum(x) == 14294415.0; one pairwise sum over all 20,000 gives 14294416.0
        assertEquals(14294415.0f, NumpySum.sum(x, 0, x.length));
        float blocks = ((0f + NumpySum.sum(x, 0, 8192)) + NumpySum.sum(x, 8192, 16384)) + NumpySum.sum(x, 16384, 20000);
        assertEquals(blocks, NumpySum.sum(x, 0, x.length));
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        assertNotEquals(0d, NumpySum.sum(d, 0, d.length));
        assertEquals(NumpySum.sum(d, 0, 8192) + NumpySum.sum(d, 8192, 16384) + NumpySum.sum(d, 16384, 20000), NumpySum.sum(d, 0, d.length));
    }

    @Test
    void columnsGiveTheSameSumsAsArraysWhateverHoldsThem() {
        float[] x = new float[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (((i * 7919L) % 10007) / 7.0);
        }
        Column heap = Columns.of(x);
        Column other = new ForeignColumn(x);
        assertEquals(14294415.0f, NumpySum.sumFloat(heap, 0, x.length));
        assertEquals(14294415.0f, NumpySum.sumFloat(other, 0, x.length));
        assertEquals(NumpySum.sum(x, 5, 9000), NumpySum.sumFloat(other, 5, 9000));
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        assertEquals(NumpySum.sum(d, 3, 17000), NumpySum.sumDouble(other, 3, 17000));
        assertEquals(NumpySum.sum(d, 3, 17000), NumpySum.sumDouble(Columns.of(d), 3, 17000));
        assertEquals(0f, NumpySum.sumFloat(other, 7, 7));
    }
}
