package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/**
 * The numpy reductions the expression evaluator delegates: exactly numpy 2's results for a run
 * {@code [start, end)} of a float32 or float64 column, computed in that dtype and returned
 * widened to double (exactly, for float32). Integer and bool inputs are converted to float64 by
 * the evaluator first, as numpy computes them in float64.
 *
 * <p>These are the kernels the reducers of {@code io.zagg.reduce} also need; the evaluator only
 * sees this interface so that both use one implementation.
 */
interface NumpyFunctions {

    /** The straightforward numpy-exact implementations. */
    NumpyFunctions EXACT = new ExactNumpyFunctions();

    /** {@code np.mean}: pairwise sum divided by the count (NaN for an empty run). */
    double mean(Column x, long start, long end);

    /** {@code np.var(x, ddof=ddof)}: two-pass, pairwise sums of the squared deviations. */
    double var(Column x, long start, long end, long ddof);

    /** {@code np.median}: the middle value, or the mean of the middle two; NaN if any NaN or empty. */
    double median(Column x, long start, long end);

    /**
     * {@code np.quantile(x, q)} with {@code q} a Python float in [0, 1] (method linear); NaN if
     * any NaN.
     *
     * @throws EvaluationException for an empty run
     */
    double quantile(Column x, long start, long end, double q);

    /**
     * {@code np.average(x, weights=w)} over {@code n} rows of two columns of the same dtype.
     *
     * @throws EvaluationException when the weights sum to zero
     */
    double average(Column x, long xStart, Column w, long wStart, long n);

    /**
     * {@code np.histogram(x, bins, (lo, hi))}. numpy computes the outer edges, the
     * {@code linspace} of the edges and the bin width in {@code rangeType} (the result type of
     * {@code lo} and {@code hi}: float64 for Python floats, float32 for float32 scalars), and
     * the edges and binned values in {@code edgeType} (the result type of the range and the
     * data). {@code lo} and {@code hi} are values of {@code rangeType}.
     *
     * @throws EvaluationException for a reversed or non-finite range or collapsing edges
     */
    Histogram histogram(Column x, long start, long end, int bins, double lo, double hi, DType rangeType, DType edgeType);

    /** Counts per bin (the last bin closed on the right) and the {@code bins + 1} edges, as values of the edge type. */
    record Histogram(long[] counts, double[] edges) {
    }
}
