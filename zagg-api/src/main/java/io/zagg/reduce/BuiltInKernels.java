package io.zagg.reduce;

import io.zagg.Aggregation;
import io.zagg.spi.DType;
import java.util.Arrays;
import java.util.List;

/**
 * The kernels of the {@link BuiltIn} statistics, bound to their buffers and outputs; the moments
 * ({@code count}, {@code sum}, {@code min}, {@code max}, {@code mean}, {@code var}, {@code std})
 * are {@link MomentsKernel}'s.
 */
final class BuiltInKernels {

    private BuiltInKernels() {
    }

    /** A statistic of a cell, computed in the cell's dtype ({@link CellStats}). */
    @FunctionalInterface
    private interface CellStat {
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
            case AVERAGE:
                return new Average(values, weights, target(a, out));
            case HISTOGRAM:
                List<?> range = (List<?>) a.params().get("range");
                // numpy bins the values of a Python-float range in the values' dtype
                HistogramBins bins = HistogramBins.of((Integer) a.params().get("bins"), ((Number) range.get(0)).doubleValue(),
                        ((Number) range.get(1)).doubleValue(), DType.FLOAT64, values.isFloat64() ? DType.FLOAT64 : DType.FLOAT32);
                return new Histogram(values, bins, target(a, out));
            case TDIGEST:
                return new TDigest(values, ((Number) a.params().get("delta")).doubleValue(), out.ragged(a.name()));
            case CHUNK_VALUE:
                return new ChunkValue((String) a.params().get("value"), target(a, out));
            case WAVEFORM:
                return new Waveform(a.name(), values, (Integer) a.params().get("below"), (String) a.params().get("gain"),
                        (String) a.params().get("offset"), target(a, out));
            default:
                return scalar(f, a, values, target(a, out));
        }
    }

    private static DenseTarget target(Aggregation a, ShardOutput out) {
        return new DenseTarget(out.dense(a.name()), a.fill(), a.width());
    }

    private static FieldKernel scalar(BuiltIn f, Aggregation a, CellBuffer b, DenseTarget t) {
        switch (f) {
            case MEDIAN:
                return new Scalar(b, t, CellStats::median);
            case QUANTILE:
                double q = ((Number) a.params().get("q")).doubleValue();
                return new Scalar(b, t, c -> CellStats.quantile(c, q));
            case NANSUM:
                return new Scalar(b, t, CellStats::nanSum);
            case NANMIN:
                return new Scalar(b, t, c -> c.min(true));
            case NANMAX:
                return new Scalar(b, t, c -> c.max(true));
            case NANMEAN:
                return new Scalar(b, t, CellStats::nanMean);
            case NANVAR:
                return new Scalar(b, t, CellStats::nanVar);
            case NANSTD:
                return new Scalar(b, t, CellStats::nanStd);
            case NANMEDIAN:
                return new Scalar(b, t, CellStats::nanMedian);
            default:
                throw new IllegalArgumentException(f + " is not a scalar statistic");
        }
    }

    /** A scalar statistic computed in the source dtype. */
    private static final class Scalar extends FieldKernel {
        private final CellBuffer values;
        private final DenseTarget target;
        private final CellStat stat;

        Scalar(CellBuffer values, DenseTarget target, CellStat stat) {
            this.values = values;
            this.target = target;
            this.stat = stat;
        }

        @Override
        void begin(int cells, ChunkScope chunk) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            target.putScalar(cell, stat.of(values), values.isFloat64());
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

        Average(CellBuffer values, CellBuffer weights, DenseTarget target) {
            this.values = values;
            this.weights = weights;
            this.target = target;
        }

        @Override
        void begin(int cells, ChunkScope chunk) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            double scale = CellStats.averageScale(values, weights);
            if (scale != 0) {
                target.putScalar(cell, CellStats.average(values, weights, scale), CellStats.averageIn64(values, weights));
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
        void begin(int cells, ChunkScope chunk) {
            target.prefill(cells);
        }

        @Override
        void reduce(int cell, long start, long end) {
            histogram(bins, values, counts, target, cell);
        }
    }

    /** Writes the histogram of the cell's loaded values to its output row. */
    private static void histogram(HistogramBins bins, CellBuffer values, long[] counts, DenseTarget target, int cell) {
        Arrays.fill(counts, 0);
        bins.count(values, counts);
        for (int k = 0; k < counts.length; k++) {
            target.putLong(cell, k, counts[k]);
        }
    }

    /**
     * One chunk value in every cell of the chunk, with rows or without: zagg's value for a scalar
     * field whose expression is the bare name of a chunk value (its companions).
     */
    private static final class ChunkValue extends FieldKernel {
        private final String value;
        private final DenseTarget target;

        ChunkValue(String value, DenseTarget target) {
            this.value = value;
            this.target = target;
        }

        @Override
        void begin(int cells, ChunkScope chunk) {
            double v = chunk.scalar(value);
            for (int cell = 0; cell < cells; cell++) {
                target.put(cell, 0, v);
            }
        }

        @Override
        void reduce(int cell, long start, long end) {
            // begin() gave every cell the chunk's value
        }
    }

    /**
     * zagg's gain/bias waveform ({@link GainBias}): the cell's histogram over the window its
     * chunk's float32 gain and offset set, the counts cast to the field dtype.
     */
    private static final class Waveform extends FieldKernel {
        private final String field;
        private final CellBuffer values;
        private final int below;
        private final String gain;
        private final String offset;
        private final DenseTarget target;
        private final long[] counts;
        private float chunkGain;
        private float chunkOffset;
        private HistogramBins window;

        Waveform(String field, CellBuffer values, int below, String gain, String offset, DenseTarget target) {
            this.field = field;
            this.values = values;
            this.below = below;
            this.gain = gain;
            this.offset = offset;
            this.target = target;
            this.counts = new long[target.width()];
        }

        @Override
        void begin(int cells, ChunkScope chunk) {
            target.prefill(cells);
            chunkGain = (float) chunk.scalar(gain);
            chunkOffset = (float) chunk.scalar(offset);
            window = null; // made at the chunk's first cell: a chunk without rows has NaN anchors
        }

        @Override
        void reduce(int cell, long start, long end) {
            if (window == null) {
                float lo = GainBias.windowLow(chunkOffset, chunkGain, below);
                float hi = GainBias.windowHigh(chunkOffset, chunkGain, counts.length, below);
                try {
                    // numpy: float32 bounds, binned in the values' dtype
                    window = HistogramBins.of(counts.length, lo, hi, DType.FLOAT32, values.isFloat64() ? DType.FLOAT64 : DType.FLOAT32);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("waveform '" + field + "': chunk gain " + chunkGain + " and offset "
                            + chunkOffset + " give no window: " + e.getMessage(), e);
                }
            }
            histogram(window, values, counts, target, cell);
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
        void begin(int cells, ChunkScope chunk) {
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
