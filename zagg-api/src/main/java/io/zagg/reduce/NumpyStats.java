package io.zagg.reduce;

/**
 * numpy's per-array statistics over a cell buffer {@code a[0, n)} ({@code n ≥ 1}), each with a
 * float32 and a float64 overload computing in that dtype, as numpy does for that input dtype.
 * The formulas follow numpy 2.2's Python code ({@code _methods.py}, {@code nanfunctions.py},
 * {@code _function_base_impl.py}); comments name the numpy step each line reproduces. One
 * exception, fixed by the conformance goldens: a float32 quantile interpolates in float64, as
 * numpy 1.24 does (numpy 2 casts a Python-float {@code q} to float32 first).
 *
 * <p>Divisions by a count are numpy's {@code float32 scalar / intp}, which promotes to float64
 * and is then cast back: {@code (float) ((double) sum / n)}.
 */
final class NumpyStats {

    private NumpyStats() {
    }

    /** numpy's {@code sum / count} with the count an intp: NaN for a count of 0 (a non-zero sum: ±inf). */
    static float divide(float sum, long count) {
        return (float) ((double) sum / count);
    }

    static double divide(double sum, long count) {
        return sum / count;
    }

    /**
     * Copies {@code a[0, n)} to {@code out} with NaN replaced by 0 ({@code _replace_nan(a, 0)})
     * and returns how many values are not NaN.
     */
    static int replaceNaN(float[] a, int n, float[] out) {
        int valid = 0;
        for (int i = 0; i < n; i++) {
            float v = a[i];
            boolean ok = v == v;
            out[i] = ok ? v : 0f;
            valid += ok ? 1 : 0;
        }
        return valid;
    }

    static int replaceNaN(double[] a, int n, double[] out) {
        int valid = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            boolean ok = v == v;
            out[i] = ok ? v : 0d;
            valid += ok ? 1 : 0;
        }
        return valid;
    }

    /**
     * {@code np.var} of {@code a[from, from + n)} given numpy's mean, or {@code np.nanvar} when
     * {@code skipNaN}: the squared deviations {@code (x - mean)^2} are materialised in {@code work} as numpy does
     * ({@code x = arr - arrmean; x = x * x}; NaN positions 0 for nanvar), pairwise-summed and
     * divided by {@code count}: the count of values used less {@code ddof}, at least 0.
     */
    static float var(float[] a, int from, int n, float mean, boolean skipNaN, long count, float[] work) {
        for (int i = 0; i < n; i++) {
            float x = a[from + i];
            float d = x - mean;
            work[i] = skipNaN && x != x ? 0f : d * d;
        }
        return divide(NumpySum.sum(work, 0, n), count);
    }

    static double var(double[] a, int from, int n, double mean, boolean skipNaN, long count, double[] work) {
        for (int i = 0; i < n; i++) {
            double x = a[from + i];
            double d = x - mean;
            work[i] = skipNaN && x != x ? 0d : d * d;
        }
        return divide(NumpySum.sum(work, 0, n), count);
    }

    /** How many of the ascending-sorted {@code s[0, n)} are not NaN (NaN sorts last). */
    static int nonNaN(float[] s, int n) {
        int k = n;
        while (k > 0 && s[k - 1] != s[k - 1]) {
            k--;
        }
        return k;
    }

    static int nonNaN(double[] s, int n) {
        int k = n;
        while (k > 0 && s[k - 1] != s[k - 1]) {
            k--;
        }
        return k;
    }

    /**
     * {@code np.median} of the ascending-sorted {@code s[0, n)}: {@code np.mean} of the middle
     * one or two values (so {@code (0 + a) + b} then a division by the count), or the NaN at the
     * end if there is one.
     */
    static float median(float[] s, int n) {
        if (s[n - 1] != s[n - 1]) {
            return s[n - 1];
        }
        int h = n / 2;
        return n % 2 == 1 ? divide(0f + s[h], 1) : divide((0f + s[h - 1]) + s[h], 2);
    }

    static double median(double[] s, int n) {
        if (s[n - 1] != s[n - 1]) {
            return s[n - 1];
        }
        int h = n / 2;
        return n % 2 == 1 ? divide(0d + s[h], 1) : divide((0d + s[h - 1]) + s[h], 2);
    }

    /**
     * {@code np.quantile(x, q)} (method {@code linear}) of the ascending-sorted float32
     * {@code s[0, n)}, as the conformance goldens compute it (numpy 1.24): {@code q} is a float64
     * array, so the virtual index, its fraction {@code gamma} and the interpolation
     * {@code a + (b - a) * gamma} are float64 (only {@code b - a} is float32), and the result is
     * rounded to float32 once at the end. NaN if the values hold a NaN.
     */
    static float quantile(float[] s, int n, double q) {
        if (s[n - 1] != s[n - 1]) {
            return s[n - 1];
        }
        double v = (n - 1) * q;
        int i = lower(v, n);
        float a = s[i];
        float b = s[Math.min(i + 1, n - 1)];
        return (float) lerp(a, b, b - a, gamma(v, n, i));
    }

    /** {@code np.quantile(x, q)} of float64 values: all in float64. */
    static double quantile(double[] s, int n, double q) {
        if (s[n - 1] != s[n - 1]) {
            return s[n - 1];
        }
        double v = (n - 1) * q;
        int i = lower(v, n);
        double a = s[i];
        double b = s[Math.min(i + 1, n - 1)];
        return lerp(a, b, b - a, gamma(v, n, i));
    }

    /** The lower neighbour of numpy's virtual index {@code v = (n - 1) * q}. */
    private static int lower(double v, int n) {
        return v >= n - 1 ? n - 1 : (int) Math.floor(v);
    }

    /** The fraction past the lower neighbour; at the top numpy points both neighbours at index -1, so it is {@code v + 1}. */
    private static double gamma(double v, int n, int lower) {
        return v >= n - 1 ? v + 1 : v - lower;
    }

    /** numpy's {@code _lerp} in float64, with {@code diff = b - a} computed in the values' dtype. */
    private static double lerp(double a, double b, double diff, double gamma) {
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
