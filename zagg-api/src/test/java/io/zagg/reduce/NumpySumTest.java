package io.zagg.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zagg.spi.Columns;
import org.junit.jupiter.api.Test;

class NumpySumTest {

    @Test
    void pairwiseDiffersFromSequentialWhereNumpyDoes() {
        // 1 followed by 200 copies of 1e-8: a sequential float32 sum stays at 1.0f, while the
        // pairwise blocks accumulate the small terms before adding them to the large one.
        float[] x = new float[201];
        x[0] = 1f;
        java.util.Arrays.fill(x, 1, x.length, 1e-8f);
        float sequential = 0f;
        for (float v : x) {
            sequential += v;
        }
        float pairwise = NumpySum.sumFloat(Columns.of(x), 0, x.length);
        assertEquals(1f, sequential);
        assertEquals(1.0000019f, pairwise, "numpy 2.4: np.sum gives 1.0000019");
    }

    @Test
    void shortRunsAreSequential() {
        float[] x = {0.1f, 0.2f, 0.3f};
        assertEquals((0f + 0.1f) + 0.2f + 0.3f, NumpySum.sumFloat(Columns.of(x), 0, 3));
        assertEquals(0f, NumpySum.sumFloat(Columns.of(x), 1, 1));
    }
}
