package io.zagg.reduce;

import io.zagg.Aggregation;
import java.util.List;

/** The kernels of the {@link BuiltIn} statistics, bound to their buffers and outputs. */
final class BuiltInKernels {

    private BuiltInKernels() {
    }

    /** A statistic of a float32 cell, computed in float32. */
    @FunctionalInterface
    private interface Float32Stat {
        float of(CellBuffer b);
    }

    /** A statistic of a float64 cell, computed in float64. */
    @FunctionalInterface
    private interface Float64Stat {
        double of(CellBuffer b);
    }

    /**
     * The kernel of built-in {@code f} for field {@code a}.
     *
     * @param values  the buffer of the value column (null for count)
     * @param weights the buffer of the weights column (average only)
     */
    static FieldKernel create(BuiltIn f, Aggregation a, CellBuffer values, CellBuffer weights, ShardOutput out) {
        switch (f) {
            case COUNT:
                return new Count(new DenseTarget(out.dense(a.name()), 0, 1));
            case AVERAGE:
                return new Average(values, weights, target(a, out));
            case HISTOGRAM:
                List<?> range = (List<?>) a.params().get("range");
                HistogramBins bins = new HistogramBins((Integer) a.params().get("bins"),
                        ((Number) range.get(0)).doubleValue(), ((Number) range.get(1)).doubleValue());
                if (!values.isFloat64()) {
                    bins.requireIncreasingEdges(true);
                }
                return new Histogram(values, bins, target(a, out));
            case TDIGEST:
                return new TDigest(values, ((Number) a.params().get("delta")).doubleValue(), out.ragged(a.name()));
            default:
                return scalar(f, a, values, target(a, out));
        }
    }

    private static DenseTarget target(Aggregation a, ShardOutput out) {
        return new DenseTarget(out.dense(a.name()), a.fill(), a.width());
    }

    private static FieldKernel scalar(BuiltIn f, Aggregation a, CellBuffer b, DenseTarget t) {
        switch (f) {
            case SUM:
                return new Scalar(b, t, CellBuffer::sum32, CellBuffer::sum64);
            case MIN:
                return new Scalar(b, t, c -> (float) c.min(false), c -> c.min(false));
            case MAX:
                return new Scalar(b, t, c -> (float) c.max(false), c -> c.max(false));
            case MEAN:
                return new Scalar(b, t, c -> NumpyStats.divide(c.sum32(), c.n()), c -> NumpyStats.divide(c.sum64(), c.n()));
            case VAR:
                return new Scalar(b, t, BuiltInKernels::var32, BuiltInKernels::var64);
            case STD:
                return new Scalar(b, t, c -> (float) Math.sqrt(var32(c)), c -> Math.sqrt(var64(c)));
            case MEDIAN:
                return new Scalar(b, t, c -> NumpyStats.median(c.sorted32(), c.n()), c -> NumpyStats.median(c.sorted64(), c.n()));
            case QUANTILE:
                double q = ((Number) a.params().get("q")).doubleValue();
                return new Scalar(b, t, c -> NumpyStats.quantile(c.sorted32(), c.n(), q), c -> NumpyStats.quantile(c.sorted64(), c.n(), q));
            case NANSUM:
                return new Scalar(b, t, CellBuffer::nanSum32, CellBuffer::nanSum64);
            case NANMIN:
                return new Scalar(b, t, c -> (float) c.min(true), c -> c.min(true));
            case NANMAX:
                return new Scalar(b, t, c -> (float) c.max(true), c -> c.max(true));
            case NANMEAN:
                return new Scalar(b, t, c -> NumpyStats.divide(c.nanSum32(), c.valid()), c -> NumpyStats.divide(c.nanSum64(), c.valid()));
            case NANVAR:
                return new Scalar(b, t, BuiltInKernels::nanVar32, BuiltInKernels::nanVar64);
            case NANSTD:
                return new Scalar(b, t, c -> (float) Math.sqrt(nanVar32(c)), c -> Math.sqrt(nanVar64(c)));
            case NANMEDIAN:
                return new Scalar(b, t, BuiltInKernels::nanMedian32, BuiltInKernels::nanMedian64);
            default:
                throw new IllegalArgumentException(f + " is not a scalar statistic");
        }
    }

    private static float var32(CellBuffer c) {
        return NumpyStats.var(c.floats(), c.n(), NumpyStats.divide(c.sum32(), c.n()), false, c.n(), c.work32());
    }

    private static double var64(CellBuffer c) {
        return NumpyStats.var(c.doubles(), c.n(), NumpyStats.divide(c.sum64(), c.n()), false, c.n(), c.work64());
    }

    private static float nanVar32(CellBuffer c) {
        float mean = NumpyStats.divide(c.nanSum32(), c.valid());
        return NumpyStats.var(c.floats(), c.n(), mean, true, c.valid(), c.work32());
    }

    private static double nanVar64(CellBuffer c) {
        double mean = NumpyStats.divide(c.nanSum64(), c.valid());
        return NumpyStats.var(c.doubles(), c.n(), mean, true, c.valid(), c.work64());
    }

    /** {@code np.nanmedian}: the median of the values that are not NaN; NaN if there are none. */
    private static float nanMedian32(CellBuffer c) {
        float[] s = c.sorted32();
        int k = NumpyStats.nonNaN(s, c.n());
        return k == 0 ? Float.NaN : NumpyStats.median(s, k);
    }

    private static double nanMedian64(CellBuffer c) {
        double[] s = c.sorted64();
        int k = NumpyStats.nonNaN(s, c.n());
        return k == 0 ? Double.NaN : NumpyStats.median(s, k);
    }

    /** Rows in the cell; 0 for an empty cell whatever the fill. */
    private static final class Count extends FieldKernel {
        private final DenseTarget target;

        Count(DenseTarget target) {
            this.target = target;
        }

        @Override
        void prefill(int cells) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            target.putLong(cell, 0, end - start);
        }
    }

    /** A scalar statistic computed in the source dtype. */
    private static final class Scalar extends FieldKernel {
        private final CellBuffer values;
        private final DenseTarget target;
        private final Float32Stat f32;
        private final Float64Stat f64;

        Scalar(CellBuffer values, DenseTarget target, Float32Stat f32, Float64Stat f64) {
            this.values = values;
            this.target = target;
            this.f32 = f32;
            this.f64 = f64;
        }

        @Override
        void prefill(int cells) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            if (values.isFloat64()) {
                target.put(cell, 0, f64.of(values));
            } else {
                target.put(cell, 0, f32.of(values));
            }
        }
    }

    /**
     * {@code np.average(x, weights=w)} in numpy's result dtype of the two columns:
     * {@code sum(w)}, then {@code sum(x * w) / sum(w)}; weights summing to 0 give the fill.
     */
    private static final class Average extends FieldKernel {
        private final CellBuffer values;
        private final CellBuffer weights;
        private final DenseTarget target;
        private final boolean float64;

        Average(CellBuffer values, CellBuffer weights, DenseTarget target) {
            this.values = values;
            this.weights = weights;
            this.target = target;
            this.float64 = values.isFloat64() || weights.isFloat64();
        }

        @Override
        void prefill(int cells) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            int n = values.n();
            if (float64) {
                double scale = weights.isFloat64() ? weights.sum64() : NumpySum.sum(weights.doubles(), 0, n);
                if (scale != 0) {
                    double[] x = values.doubles();
                    double[] w = weights.doubles();
                    double[] p = values.work64();
                    for (int i = 0; i < n; i++) {
                        p[i] = x[i] * w[i];
                    }
                    target.put(cell, 0, NumpySum.sum(p, 0, n) / scale);
                }
            } else {
                float scale = weights.sum32();
                if (scale != 0) {
                    float[] x = values.floats();
                    float[] w = weights.floats();
                    float[] p = values.work32();
                    for (int i = 0; i < n; i++) {
                        p[i] = x[i] * w[i];
                    }
                    target.put(cell, 0, NumpySum.sum(p, 0, n) / scale);
                }
            }
        }
    }

    /** {@code np.histogram(x, bins, (lo, hi))[0]}, the counts cast to the field dtype. */
    private static final class Histogram extends FieldKernel {
        private final CellBuffer values;
        private final HistogramBins bins;
        private final DenseTarget target;
        private final long[] counts;

        Histogram(CellBuffer values, HistogramBins bins, DenseTarget target) {
            this.values = values;
            this.bins = bins;
            this.target = target;
            this.counts = new long[bins.bins()];
        }

        @Override
        void prefill(int cells) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            java.util.Arrays.fill(counts, 0);
            if (values.isFloat64()) {
                bins.count(values.doubles(), values.n(), counts);
            } else {
                bins.count(values.floats(), values.n(), counts);
            }
            for (int k = 0; k < counts.length; k++) {
                target.putLong(cell, k, counts[k]);
            }
        }
    }

    /** zagg's {@code build_tdigest}: float32 {@code (k, 2)} centroids per cell; no finite value, no entry. */
    private static final class TDigest extends FieldKernel implements TDigestKernel.Sink {
        private final CellBuffer values;
        private final double delta;
        private final RaggedBuilder out;

        TDigest(CellBuffer values, double delta, RaggedBuilder out) {
            this.values = values;
            this.delta = delta;
            this.out = out;
        }

        @Override
        void prefill(int cells) {
            // ragged: an empty cell simply has no entry
        }

        @Override
        void reduce(int cell, long start, long end) {
            int n = values.n();
            double[] finite;
            int from;
            int to;
            if (values.isFloat64()) {
                finite = values.sorted64();
                from = 0;
                to = n;
                while (from < to && finite[from] == Double.NEGATIVE_INFINITY) {
                    from++;
                }
                while (to > from && !Double.isFinite(finite[to - 1])) {
                    to--;
                }
            } else {
                float[] s = values.sorted32();
                int lo = 0;
                int hi = n;
                while (lo < hi && s[lo] == Float.NEGATIVE_INFINITY) {
                    lo++;
                }
                while (hi > lo && !Float.isFinite(s[hi - 1])) {
                    hi--;
                }
                finite = values.work64();
                for (int i = lo; i < hi; i++) {
                    finite[i - lo] = s[i];
                }
                from = 0;
                to = hi - lo;
            }
            out.begin(cell);
            TDigestKernel.build(finite, from, to, delta, this);
            out.end();
        }

        @Override
        public void centroid(double mean, double weight) {
            // zagg's digest is float32, whatever dtype the field then stores it as
            out.add((float) mean);
            out.add((float) weight);
        }
    }
}
