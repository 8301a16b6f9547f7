package io.zagg.reduce;

import io.zagg.spi.DType;

/**
 * {@code np.histogram(x, bins, (lo, hi))} with equal bins, reproduced as numpy 2 computes it.
 * Two dtypes decide the arithmetic: the <em>range dtype</em>, {@code result_type(lo, hi)} (float64
 * for Python floats, float32 for float32 scalars), and the <em>edge dtype</em>,
 * {@code result_type(lo, hi, x)} (float32 for float32 values and Python-float bounds).
 * <ul>
 *   <li>an empty range {@code lo == hi} is widened by 0.5 each way in the range dtype;</li>
 *   <li>edges are {@code np.linspace(lo, hi, bins + 1)} computed in the range dtype
 *       ({@code i * step + lo}, the last edge exactly {@code hi}), then cast to the edge dtype;</li>
 *   <li>values outside {@code [lo, hi]} (compared in the edge dtype) and NaN are dropped;</li>
 *   <li>a value's bin is first estimated as {@code int((x - lo) / (hi - lo) * bins)}: {@code x - lo}
 *       in the edge dtype, {@code hi - lo} in the range dtype, the rest in float64 unless both
 *       dtypes are float32; it is then moved down one if {@code x < edge[i]} and up one if
 *       {@code x >= edge[i+1]}, except in the last bin, which is closed on the right.</li>
 * </ul>
 * Immutable; the counting methods take the caller's count array.
 */
public final class HistogramBins {

    private final int bins;
    private final boolean float32Edges;
    private final boolean float32Division;
    // the outer edges and their difference, in the range dtype
    private final double lo;
    private final double hi;
    private final double width;
    // the edges in the edge dtype: exactly one of the two is set
    private final double[] edges64;
    private final float[] edges32;

    private HistogramBins(int bins, double lo, double hi, DType rangeType, DType edgeType) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram bins " + bins + " must be at least 1");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi + "] is not finite");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi + "]: lo must not exceed hi");
        }
        boolean range32 = isFloat32("range", rangeType);
        this.bins = bins;
        this.float32Edges = isFloat32("edge", edgeType);
        this.float32Division = range32 && float32Edges;
        this.lo = lo == hi ? round(range32, lo - 0.5) : lo;
        this.hi = lo == hi ? round(range32, hi + 0.5) : hi;
        this.width = round(range32, this.hi - this.lo);
        double step = round(range32, width / bins);
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            // numpy: np.arange(0, bins + 1, dtype=range dtype) * step + lo
            edges[i] = round(range32, round(range32, round(range32, i) * step) + this.lo);
        }
        edges[bins] = this.hi;
        if (float32Edges) {
            this.edges32 = new float[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges32[i] = (float) edges[i];
            }
            this.edges64 = null;
        } else {
            this.edges64 = edges;
            this.edges32 = null;
        }
        for (int i = 0; i < bins; i++) {
            if (!(edge(i) < edge(i + 1))) {
                throw new IllegalArgumentException("too many bins for data range: " + bins + " bins over [" + this.lo + ", " + this.hi
                        + "] do not give increasing " + (float32Edges ? "float32" : "float64") + " edges");
            }
        }
    }

    /**
     * Bins over {@code [lo, hi]} ({@code lo} and {@code hi} values of the range dtype) for values
     * binned in the edge dtype; both dtypes are float32 or float64.
     *
     * @throws IllegalArgumentException for fewer than one bin, a non-finite or reversed range, or
     *     edges that are not increasing in the edge dtype (numpy's "Too many bins for data range")
     */
    public static HistogramBins of(int bins, double lo, double hi, DType rangeType, DType edgeType) {
        return new HistogramBins(bins, lo, hi, rangeType, edgeType);
    }

    /** Validates the bins and Python-float range of a histogram of float64 values; see {@link #of}. */
    public static void check(int bins, double lo, double hi) {
        of(bins, lo, hi, DType.FLOAT64, DType.FLOAT64);
    }

    private static boolean isFloat32(String what, DType type) {
        if (type != DType.FLOAT32 && type != DType.FLOAT64) {
            throw new IllegalArgumentException("histogram " + what + " dtype must be float32 or float64, not " + type.numpyName());
        }
        return type == DType.FLOAT32;
    }

    /** {@code v} rounded to float32 if {@code float32}. */
    private static double round(boolean float32, double v) {
        return float32 ? (double) (float) v : v;
    }

    public int bins() {
        return bins;
    }

    private double edge(int i) {
        return float32Edges ? edges32[i] : edges64[i];
    }

    /** The {@code bins + 1} edges, values of the edge dtype. */
    public double[] edges() {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = edge(i);
        }
        return e;
    }

    /**
     * Adds the counts of the values in {@code c} to {@code counts[0, bins)}: float32 values with
     * float32 edges, float32 or float64 values (widened) with float64 edges.
     */
    void count(CellBuffer c, long[] counts) {
        if (!float32Edges) {
            count(c.doubles(), c.n(), counts);
        } else if (!c.isFloat64()) {
            count(c.floats(), c.n(), counts);
        } else {
            throw new IllegalArgumentException("float64 values are binned with float64 edges, not float32 (numpy's edge dtype of"
                    + " float64 values is float64)");
        }
    }

    private void count(float[] a, int n, long[] counts) {
        float flo = (float) lo;
        float fhi = (float) hi;
        float fwidth = (float) width;
        float[] e = edges32;
        int last = bins - 1;
        for (int i = 0; i < n; i++) {
            float x = a[i];
            if (x >= flo && x <= fhi) {
                int k = float32Division ? (int) ((x - flo) / fwidth * bins) : (int) ((double) (x - flo) / width * bins);
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

    private void count(double[] a, int n, long[] counts) {
        double[] e = edges64;
        int last = bins - 1;
        for (int i = 0; i < n; i++) {
            double x = a[i];
            if (x >= lo && x <= hi) {
                int k = (int) ((x - lo) / width * bins);
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
