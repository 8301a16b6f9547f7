package io.zagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TDigestsTest {

    @Test
    void smallInputsAreLossFreeAndNonFiniteValuesAreDropped() {
        float[] d = TDigests.build(new float[] {3f, Float.NaN, 1f, Float.POSITIVE_INFINITY, 2f, Float.NEGATIVE_INFINITY}, 64);
        assertArrayEquals(new float[] {1, 1, 2, 1, 3, 1}, d);
        assertArrayEquals(new float[0], TDigests.build(new float[] {Float.NaN}, 64));
        assertArrayEquals(new float[0], TDigests.build(new float[0], 64));
    }

    @Test
    void largeInputsCompressToAboutDeltaCentroidsKeepingEveryValue() {
        float[] x = new float[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i) * 100;
        }
        float[] d = TDigests.build(x, 100);
        double total = 0;
        for (int i = 1; i < d.length; i += 2) {
            total += d[i];
        }
        assertEquals(x.length, total);
        assertTrue(d.length / 2 > 50 && d.length / 2 < 200, d.length / 2 + " centroids");
        for (int i = 2; i < d.length; i += 2) {
            assertTrue(d[i - 2] <= d[i], "sorted by mean");
        }
        assertEquals(0, TDigests.quantile(d, 0.5), 1.0);
        assertEquals(-100, TDigests.quantile(d, 0), 0.01);
        assertEquals(x.length / 2.0, TDigests.cdf(d, 0), x.length * 0.01);
    }

    @Test
    void readersOfEmptyAndOneCentroidDigests() {
        assertTrue(Double.isNaN(TDigests.quantile(new float[0], 0.5)));
        assertTrue(Double.isNaN(TDigests.cdf(new float[0], 0)));
        float[] one = {5f, 3f};
        assertEquals(5.0, TDigests.quantile(one, 0.9));
        assertEquals(0.0, TDigests.cdf(one, 4.9));
        assertEquals(3.0, TDigests.cdf(one, 5));
    }

    @Test
    void cdfInterpolatesBetweenCentroidMidpoints() {
        float[] d = {0f, 2f, 10f, 4f};
        assertEquals(0.0, TDigests.cdf(d, -1));
        assertEquals(1.0, TDigests.cdf(d, 0));
        assertEquals(1.0 + (4.0 - 1.0) / 2, TDigests.cdf(d, 5));
        assertEquals(4.0, TDigests.cdf(d, 10), "np.interp gives the last centre at the last mean");
        assertEquals(6.0, TDigests.cdf(d, 10.5));
    }

    @Test
    void mergeWithAnEmptyDigestReturnsTheOther() {
        float[] d = {1f, 1f, 2f, 1f};
        assertArrayEquals(d, TDigests.merge(new float[0], d, 64));
        assertArrayEquals(d, TDigests.merge(d, new float[0], 64));
        assertArrayEquals(new float[] {1, 1, 2, 1, 3, 1}, TDigests.merge(new float[] {3f, 1f}, d, 64));
        assertThrows(IllegalArgumentException.class, () -> TDigests.merge(new float[] {1f}, d, 64));
        assertThrows(IllegalArgumentException.class, () -> TDigests.build(new float[] {1f}, 0));
    }
}
