package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/**
 * The numpy reductions the expression evaluator delegates, over a run {@code [start, end)} of a
 * float32 or float64 column: the kernels of the built-in reducers ({@link
 * io.zagg.reduce.NumpyKernels}), so that {@code np.quantile(h, 0.25)} in an expression and a
 * {@code function: quantile} field give the same bits. Results are computed in the column's dtype
 * and returned widened to double (exactly, for float32); integer and bool inputs are converted to
 * float64 by the evaluator first, as numpy computes them in float64. Failures on the data (an
 * empty quantile, weights summing to zero, collapsing histogram edges) are
 * {@link EvaluationException}s.
 */
interface NumpyFunctions {

    /** The reduce kernels. */
    NumpyFunctions EXACT = new KernelFunctions();

    /** {@code np.sum}: numpy's blocked pairwise sum (0 for an empty run). */
    double sum(Column x, long start, long end);

    /** {@code np.mean}: pairwise sum divided by the count (NaN for an empty run). */
    double mean(Column x, long start, long end);

    /** {@code np.var(x, ddof=ddof)}: two-pass, pairwise sums of the squared deviations. */
    double var(Column x, long start, long end, long ddof);

    /** {@code np.std(x, ddof=ddof)}: the square root of {@link #var} in the dtype. */
    double std(Column x, long start, long end, long ddof);

    /** {@code np.min} of a non-empty run: NaN if any value is NaN. */
    double min(Column x, long start, long end);

    /** {@code np.max} of a non-empty run: NaN if any value is NaN. */
    double max(Column x, long start, long end);

    /** {@code np.median}: the middle value, or the mean of the middle two; NaN if any NaN or empty. */
    double median(Column x, long start, long end);

    /**
     * {@code np.quantile(x, q)} with {@code q} a Python float in [0, 1] (method linear), which
     * numpy casts to the column's dtype; NaN if any NaN.
     *
     * @throws EvaluationException for an empty run
     */
    double quantile(Column x, long start, long end, double q);

    /**
     * {@code np.average(x, weights=w)} over {@code n} rows of each column, in numpy's result
     * dtype of the two.
     *
     * @throws EvaluationException when the weights sum to zero
     */
    double average(Column x, long xStart, Column w, long wStart, long n);

    /**
     * {@code np.histogram(x, bins, (lo, hi))} with a checked range ({@code lo <= hi}, both
     * finite). numpy computes the outer edges, the {@code linspace} of the edges and the bin
     * width in {@code rangeType} (the result type of {@code lo} and {@code hi}: float64 for
     * Python floats, float32 for float32 scalars), and the edges and binned values in
     * {@code edgeType} (the result type of the range and the data). {@code lo} and {@code hi} are
     * values of {@code rangeType}.
     *
     * @throws EvaluationException for edges that collapse
     */
    Histogram histogram(Column x, long start, long end, int bins, double lo, double hi, DType rangeType, DType edgeType);

    /** Counts per bin (the last bin closed on the right) and the {@code bins + 1} edges, as values of the edge type. */
    record Histogram(long[] counts, double[] edges) {
    }
}
