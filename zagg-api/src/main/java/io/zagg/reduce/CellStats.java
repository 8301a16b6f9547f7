package io.zagg.reduce;

/**
 * numpy's statistics of the values loaded in a {@link CellBuffer} ({@code n ≥ 1} unless said),
 * computed in the buffer's dtype as numpy computes them for that dtype and returned as a double
 * (a float32 result widened exactly). The one implementation behind both the built-in reducers
 * and {@link NumpyKernels}, so a statistic gives the same bits whichever route asks for it. The
 * buffer caches what several statistics share (the pairwise sum, the sorted copy).
 */
final class CellStats {

    private CellStats() {
    }

    /** {@code np.sum}; 0 for no values. */
    static double sum(CellBuffer c) {
        return c.isFloat64() ? c.sum64() : c.sum32();
    }

    /** {@code np.nansum}. */
    static double nanSum(CellBuffer c) {
        return c.isFloat64() ? c.nanSum64() : c.nanSum32();
    }

    /** {@code np.mean}: the pairwise sum divided by the count; NaN for no values. */
    static double mean(CellBuffer c) {
        return c.isFloat64() ? NumpyStats.divide(c.sum64(), c.n()) : NumpyStats.divide(c.sum32(), c.n());
    }

    /** {@code np.nanmean}. */
    static double nanMean(CellBuffer c) {
        return c.isFloat64() ? NumpyStats.divide(c.nanSum64(), c.valid()) : NumpyStats.divide(c.nanSum32(), c.valid());
    }

    /** {@code np.var(x, ddof=ddof)}: the squared deviations from the mean over {@code max(n - ddof, 0)}. */
    static double var(CellBuffer c, long ddof) {
        long count = Math.max(c.n() - ddof, 0);
        if (c.isFloat64()) {
            return NumpyStats.var(c.doublesInPlace(), c.first(), c.n(), NumpyStats.divide(c.sum64(), c.n()), false, count, c.work64());
        }
        return NumpyStats.var(c.floatsInPlace(), c.first(), c.n(), NumpyStats.divide(c.sum32(), c.n()), false, count, c.work32());
    }

    /** {@code np.nanvar}. */
    static double nanVar(CellBuffer c) {
        if (c.isFloat64()) {
            double mean = NumpyStats.divide(c.nanSum64(), c.valid());
            return NumpyStats.var(c.doublesInPlace(), c.first(), c.n(), mean, true, c.valid(), c.work64());
        }
        float mean = NumpyStats.divide(c.nanSum32(), c.valid());
        return NumpyStats.var(c.floatsInPlace(), c.first(), c.n(), mean, true, c.valid(), c.work32());
    }

    /** {@code np.std(x, ddof=ddof)}: the square root of {@link #var}, taken in the dtype. */
    static double std(CellBuffer c, long ddof) {
        return sqrt(c, var(c, ddof));
    }

    /** {@code np.nanstd}. */
    static double nanStd(CellBuffer c) {
        return sqrt(c, nanVar(c));
    }

    private static double sqrt(CellBuffer c, double v) {
        return c.isFloat64() ? Math.sqrt(v) : (float) Math.sqrt(v);
    }

    /** {@code np.median}: NaN if a value is NaN. */
    static double median(CellBuffer c) {
        return c.isFloat64() ? NumpyStats.median(c.sorted64(), c.n()) : NumpyStats.median(c.sorted32(), c.n());
    }

    /** {@code np.nanmedian}: the median of the values that are not NaN; NaN if there are none. */
    static double nanMedian(CellBuffer c) {
        if (c.isFloat64()) {
            double[] s = c.sorted64();
            int k = NumpyStats.nonNaN(s, c.n());
            return k == 0 ? Double.NaN : NumpyStats.median(s, k);
        }
        float[] s = c.sorted32();
        int k = NumpyStats.nonNaN(s, c.n());
        return k == 0 ? Float.NaN : NumpyStats.median(s, k);
    }

    /** {@code np.quantile(x, q)} for a Python-float {@code q} in [0, 1]; NaN if a value is NaN. */
    static double quantile(CellBuffer c, double q) {
        return c.isFloat64() ? NumpyStats.quantile(c.sorted64(), c.n(), q) : NumpyStats.quantile(c.sorted32(), c.n(), q);
    }

    /** Whether {@code np.average(values, weights=weights)} computes in float64: numpy's result dtype of the two. */
    static boolean averageIn64(CellBuffer values, CellBuffer weights) {
        return values.isFloat64() || weights.isFloat64();
    }

    /**
     * The first step of {@code np.average(values, weights=weights)}: {@code sum(weights)} in the
     * result dtype. numpy raises where it is 0; {@link #average} is only defined where it is not.
     */
    static double averageScale(CellBuffer values, CellBuffer weights) {
        if (!averageIn64(values, weights)) {
            return weights.sum32();
        }
        return weights.isFloat64() ? weights.sum64() : NumpySum.sum(weights.doubles(), 0, weights.n());
    }

    /** {@code sum(values * weights) / scale}, the products and the division in the result dtype. */
    static double average(CellBuffer values, CellBuffer weights, double scale) {
        int n = values.n();
        if (averageIn64(values, weights)) {
            double[] x = values.doubles();
            double[] w = weights.doubles();
            double[] p = values.work64();
            for (int i = 0; i < n; i++) {
                p[i] = x[i] * w[i];
            }
            return NumpySum.sum(p, 0, n) / scale;
        }
        float[] x = values.floats();
        float[] w = weights.floats();
        float[] p = values.work32();
        for (int i = 0; i < n; i++) {
            p[i] = x[i] * w[i];
        }
        return NumpySum.sum(p, 0, n) / (float) scale;
    }
}
