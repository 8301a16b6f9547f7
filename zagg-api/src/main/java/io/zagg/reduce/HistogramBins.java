package io.zagg.reduce;

/**
 * {@code np.histogram(x, bins, (lo, hi))} with equal bins, reproduced for float32 and float64
 * values as numpy 2 computes it with Python-float bounds:
 * <ul>
 *   <li>values outside {@code [lo, hi]} (compared in the value dtype) and NaN are dropped;</li>
 *   <li>edges are {@code np.linspace(lo, hi, bins + 1)} in float64 ({@code i * step + lo}, the
 *       last edge exactly {@code hi}), then cast to the value dtype;</li>
 *   <li>a value's bin is first estimated as {@code int((x - lo) / (hi - lo) * bins)} ({@code x - lo}
 *       in the value dtype, the rest in float64), then moved down one if {@code x < edge[i]} and
 *       up one if {@code x >= edge[i+1]} — except in the last bin, which is closed on the
 *       right.</li>
 * </ul>
 * Immutable; the counting methods take the caller's count array.
 */
public final class HistogramBins {

    private final int bins;
    private final double lo;
    private final double hi;
    private final double[] edges64;
    private final float[] edges32;

    /**
     * Bins over {@code [lo, hi]} (numpy widens an empty range {@code lo == hi} by 0.5 each way).
     *
     * @throws IllegalArgumentException for fewer than one bin, a non-finite or reversed range, or
     *     float64 edges that collapse (numpy's "Too many bins for data range")
     */
    HistogramBins(int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram bins " + bins + " must be at least 1");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi + "] is not finite");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi + "]: lo must not exceed hi");
        }
        this.bins = bins;
        this.lo = lo == hi ? lo - 0.5 : lo;
        this.hi = lo == hi ? hi + 0.5 : hi;
        this.edges64 = new double[bins + 1];
        this.edges32 = new float[bins + 1];
        double step = (this.hi - this.lo) / bins;
        for (int i = 0; i < bins; i++) {
            edges64[i] = i * step + this.lo;
        }
        edges64[bins] = this.hi;
        for (int i = 0; i <= bins; i++) {
            edges32[i] = (float) edges64[i];
        }
        requireIncreasingEdges(false);
    }

    /** Validates a histogram's bins and range as numpy does; see the constructor. */
    public static void check(int bins, double lo, double hi) {
        new HistogramBins(bins, lo, hi);
    }

    /**
     * Checks that the edges used for values of one dtype are strictly increasing.
     *
     * @throws IllegalArgumentException numpy's "Too many bins for data range"
     */
    void requireIncreasingEdges(boolean float32) {
        for (int i = 0; i < bins; i++) {
            boolean increasing = float32 ? edges32[i] < edges32[i + 1] : edges64[i] < edges64[i + 1];
            if (!increasing) {
                throw new IllegalArgumentException("too many bins for data range: " + bins + " bins over [" + lo + ", "
                        + hi + "] do not give increasing " + (float32 ? "float32" : "float64") + " edges");
            }
        }
    }

    int bins() {
        return bins;
    }

    /** Adds the counts of {@code a[0, n)} to {@code counts[0, bins)}. */
    void count(float[] a, int n, long[] counts) {
        float flo = (float) lo;
        float fhi = (float) hi;
        double denom = hi - lo;
        float[] e = edges32;
        int last = bins - 1;
        for (int i = 0; i < n; i++) {
            float x = a[i];
            if (x >= flo && x <= fhi) {
                int k = (int) ((double) (x - flo) / denom * bins);
                if (k == bins) {
                    k--;
                }
                if (x < e[k]) {
                    k--;
                }
                if (x >= e[k + 1] && k != last) {
                    k++;
                }
                counts[k]++;
            }
        }
    }

    /** Adds the counts of {@code a[0, n)} to {@code counts[0, bins)}. */
    void count(double[] a, int n, long[] counts) {
        double denom = hi - lo;
        double[] e = edges64;
        int last = bins - 1;
        for (int i = 0; i < n; i++) {
            double x = a[i];
            if (x >= lo && x <= hi) {
                int k = (int) ((x - lo) / denom * bins);
                if (k == bins) {
                    k--;
                }
                if (x < e[k]) {
                    k--;
                }
                if (x >= e[k + 1] && k != last) {
                    k++;
                }
                counts[k]++;
            }
        }
    }
}
