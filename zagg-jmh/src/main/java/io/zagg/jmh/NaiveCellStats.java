package io.zagg.jmh;

/**
 * Per-cell count, min, max, mean and population variance, computed the straightforward way: one
 * pass over each clustered run with sequential float32 sums. It is the Java point of comparison
 * for the DuckDB baseline, not zagg's kernel: zagg reproduces numpy's pairwise float32 sums
 * exactly, this does not.
 *
 * <p>The sums are taken of {@code h - K}, with {@code K} the run's first height (the "shifted
 * data" algorithm): with heights near 3,000 m and a spread of a metre, the textbook
 * {@code Σh² - (Σh)²/n} would cancel every significant bit of a float32, while the shifted sums
 * stay as small as the spread. Empty cells get a count of 0 and NaN statistics.
 */
final class NaiveCellStats {

    final int[] count;
    final float[] min;
    final float[] max;
    final float[] mean;
    final float[] variance;

    NaiveCellStats(int cells) {
        count = new int[cells];
        min = new float[cells];
        max = new float[cells];
        mean = new float[cells];
        variance = new float[cells];
    }

    /** Fills the statistics of every cell from clustered heights and their {@link ShardColumns#cellStarts() run boundaries}. */
    NaiveCellStats overRuns(float[] h, int[] cellStarts) {
        for (int c = 0; c < count.length; c++) {
            int from = cellStarts[c];
            int n = cellStarts[c + 1] - from;
            count[c] = n;
            if (n == 0) {
                min[c] = max[c] = mean[c] = variance[c] = Float.NaN;
                continue;
            }
            float k = h[from];
            float lo = k;
            float hi = k;
            float s1 = 0;
            float s2 = 0;
            for (int i = from; i < from + n; i++) {
                float v = h[i];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                float d = v - k;
                s1 += d;
                s2 += d * d;
            }
            min[c] = lo;
            max[c] = hi;
            mean[c] = k + s1 / n;
            variance[c] = (s2 - s1 * s1 / n) / n;
        }
        return this;
    }
}
