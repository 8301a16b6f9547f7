package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.util.OptionalDouble;

/**
 * numpy's reductions over a run {@code [start, end)} of a float32 or float64 column of one value
 * per row, computed by the kernels of the built-in reducers ({@link CellStats}, {@link NumpySum},
 * {@link HistogramBins}), so that a statistic inside a config expression and the same statistic
 * as an {@link io.zagg.Aggregations} field give the same bits. Each result is computed in the
 * column's dtype, as numpy 2.2 computes it for that dtype, and returned as a double (a float32
 * result widened exactly).
 *
 * <p>A run is read through the column's accessors into a per-thread buffer that grows to the
 * largest run read on that thread and is then reused: a column is never copied whole, and no
 * array proportional to the run is allocated per call (a histogram's counts aside). Sums and
 * means stream the run in numpy's 8192-value blocks without the buffer. Thread-safe.
 */
public final class NumpyKernels {

    // two per thread: np.average reads its values and weights side by side
    private static final ThreadLocal<CellBuffer> VALUES = ThreadLocal.withInitial(CellBuffer::new);
    private static final ThreadLocal<CellBuffer> WEIGHTS = ThreadLocal.withInitial(CellBuffer::new);

    private NumpyKernels() {
    }

    /** {@code np.sum}: numpy's blocked pairwise sum; 0 for an empty run. */
    public static double sum(Column x, long start, long end) {
        return sum("np.sum", x, start, end);
    }

    private static double sum(String function, Column x, long start, long end) {
        requireRun(function, x, start, end);
        return x.dtype() == DType.FLOAT32 ? NumpySum.sumFloat(x, start, end) : NumpySum.sumDouble(x, start, end);
    }

    /** {@code np.mean}: the sum divided by the count; NaN for an empty run. */
    public static double mean(Column x, long start, long end) {
        double sum = sum("np.mean", x, start, end);
        return x.dtype() == DType.FLOAT32 ? NumpyStats.divide((float) sum, end - start) : NumpyStats.divide(sum, end - start);
    }

    /** {@code np.var(x, ddof=ddof)}: the squared deviations from the mean summed and divided by {@code max(n - ddof, 0)}. */
    public static double var(Column x, long start, long end, long ddof) {
        return CellStats.var(load(VALUES, "np.var", x, start, end), ddof);
    }

    /** {@code np.std(x, ddof=ddof)}: the square root of {@link #var}. */
    public static double std(Column x, long start, long end, long ddof) {
        return CellStats.std(load(VALUES, "np.std", x, start, end), ddof);
    }

    /** {@code np.min}: NaN if any value is NaN. */
    public static double min(Column x, long start, long end) {
        return nonEmpty(VALUES, "np.min", x, start, end).min(false);
    }

    /** {@code np.max}: NaN if any value is NaN. */
    public static double max(Column x, long start, long end) {
        return nonEmpty(VALUES, "np.max", x, start, end).max(false);
    }

    /** {@code np.median}: the middle value or the mean of the middle two; NaN if any value is NaN, or for an empty run. */
    public static double median(Column x, long start, long end) {
        CellBuffer b = load(VALUES, "np.median", x, start, end);
        return b.n() == 0 ? Double.NaN : CellStats.median(b);
    }

    /**
     * {@code np.quantile(x, q)} (method linear) for a {@code q} in [0, 1], interpolated in float64
     * and rounded to the column's dtype, as numpy 1.24 computes it; NaN if any value is NaN.
     *
     * @throws IllegalArgumentException for an empty run or a {@code q} outside [0, 1]
     */
    public static double quantile(Column x, long start, long end, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("np.quantile: q " + q + " is outside [0, 1]");
        }
        return CellStats.quantile(nonEmpty(VALUES, "np.quantile", x, start, end), q);
    }

    /**
     * {@code np.average(x, weights=w)} over {@code n} rows of each column, computed in numpy's
     * result dtype of the two (float64 if either is float64): {@code sum(x * w) / sum(w)}.
     *
     * @return empty where the weights sum to zero (numpy raises {@code ZeroDivisionError})
     */
    public static OptionalDouble average(Column x, long xStart, Column w, long wStart, long n) {
        CellBuffer values = load(VALUES, "np.average", x, xStart, xStart + n);
        CellBuffer weights = load(WEIGHTS, "np.average weights", w, wStart, wStart + n);
        double scale = CellStats.averageScale(values, weights);
        return scale == 0 ? OptionalDouble.empty() : OptionalDouble.of(CellStats.average(values, weights, scale));
    }

    /**
     * {@code np.histogram(x, ...)[0]}: the counts per bin of the values in the run.
     *
     * @throws IllegalArgumentException for a float64 column with float32 edges (numpy's edge
     *     dtype of float64 values is float64)
     */
    public static long[] histogram(Column x, long start, long end, HistogramBins bins) {
        CellBuffer b = load(VALUES, "np.histogram", x, start, end);
        long[] counts = new long[bins.bins()];
        bins.count(b, counts);
        return counts;
    }

    private static CellBuffer load(ThreadLocal<CellBuffer> slot, String function, Column x, long start, long end) {
        requireRun(function, x, start, end);
        CellBuffer b = slot.get();
        b.read(x, start, end);
        return b;
    }

    private static CellBuffer nonEmpty(ThreadLocal<CellBuffer> slot, String function, Column x, long start, long end) {
        if (end == start) {
            throw new IllegalArgumentException(function + " of an empty run: numpy has no value for a zero-size array");
        }
        return load(slot, function, x, start, end);
    }

    private static void requireRun(String function, Column x, long start, long end) {
        if ((x.dtype() != DType.FLOAT32 && x.dtype() != DType.FLOAT64) || x.width() != 1) {
            throw new IllegalArgumentException(function + " needs a float32 or float64 column of one value per row, not "
                    + x.dtype().numpyName() + (x.width() == 1 ? "" : " with " + x.width() + " values per row"));
        }
        if (start < 0 || end < start || end > x.rows()) {
            throw new IllegalArgumentException(function + ": rows [" + start + ", " + end + ") are not a run of the column's "
                    + x.rows() + " rows");
        }
    }
}
