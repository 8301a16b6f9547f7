package io.zagg.config;

import io.zagg.reduce.HistogramBins;
import io.zagg.reduce.NumpyKernels;
import io.zagg.spi.Column;
import io.zagg.spi.DType;

/** {@link NumpyFunctions} by the reduce kernels, numpy's errors on the data raised as {@link EvaluationException}s. */
final class KernelFunctions implements NumpyFunctions {

    @Override
    public double sum(Column x, long start, long end) {
        return NumpyKernels.sum(x, start, end);
    }

    @Override
    public double mean(Column x, long start, long end) {
        return NumpyKernels.mean(x, start, end);
    }

    @Override
    public double var(Column x, long start, long end, long ddof) {
        return NumpyKernels.var(x, start, end, ddof);
    }

    @Override
    public double std(Column x, long start, long end, long ddof) {
        return NumpyKernels.std(x, start, end, ddof);
    }

    @Override
    public double min(Column x, long start, long end) {
        return NumpyKernels.min(x, start, end);
    }

    @Override
    public double max(Column x, long start, long end) {
        return NumpyKernels.max(x, start, end);
    }

    @Override
    public double median(Column x, long start, long end) {
        return NumpyKernels.median(x, start, end);
    }

    @Override
    public double quantile(Column x, long start, long end, double q) {
        if (end == start) {
            throw new EvaluationException("cannot take a quantile of an empty array");
        }
        return NumpyKernels.quantile(x, start, end, q);
    }

    @Override
    public double average(Column x, long xStart, Column w, long wStart, long n) {
        return NumpyKernels.average(x, xStart, w, wStart, n)
                .orElseThrow(() -> new EvaluationException("Weights sum to zero, can't be normalized"));
    }

    @Override
    public Histogram histogram(Column x, long start, long end, int bins, double lo, double hi, DType rangeType, DType edgeType) {
        HistogramBins edges;
        try {
            edges = HistogramBins.of(bins, lo, hi, rangeType, edgeType);
        } catch (IllegalArgumentException e) {
            // bins and range were checked with numpy's messages: what is left is edges that collapse
            throw new EvaluationException("Too many bins for data range. Cannot create " + bins + " finite-sized bins.");
        }
        return new Histogram(NumpyKernels.histogram(x, start, end, edges), edges.edges());
    }
}
