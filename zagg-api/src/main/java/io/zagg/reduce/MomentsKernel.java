package io.zagg.reduce;

import io.zagg.Aggregation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moments of one column, fused: the {@code count}, {@code sum}, {@code min}, {@code max},
 * {@code mean}, {@code var} and {@code std} fields reading it are one kernel, called once per
 * cell, which reads the values once (in place from a Java-array column) and shares the sum, the
 * mean and the extremes between the fields. The bits are {@link CellStats}' (numpy's).
 *
 * <p>Below {@value #SEQUENTIAL} values numpy's pairwise sum is a plain left-to-right sum from 0,
 * so a tiny cell (most cells of a fine grid hold one or two rows) is summed, its extremes found
 * and its squared deviations summed in two plain loops over the values, without the buffers of
 * the general path: the same operations in the same order, so the same bits (a single value
 * {@code x} has mean {@code x / 1 = x} and variance {@code (x - x)^2 / 1}: 0, or NaN for an
 * infinite {@code x}). Larger cells take {@link CellBuffer}'s blocked pairwise sums.
 */
final class MomentsKernel extends FieldKernel {

    /** numpy's {@code pairwise_sum} adds fewer values than this one by one, from 0. */
    static final int SEQUENTIAL = 8;

    private final CellBuffer values;
    private final BuiltIn[] stats;
    private final DenseTarget[] targets;
    private final boolean sums;
    private final boolean extremes;
    private final boolean deviations;

    /**
     * @param values  the column's buffer; null when every statistic is a {@code count}
     * @param stats   the statistic of each field, one of {@link #computes computed} ones
     * @param targets each field's output, parallel to {@code stats}
     */
    private MomentsKernel(CellBuffer values, List<BuiltIn> stats, List<DenseTarget> targets) {
        this.values = values;
        this.stats = stats.toArray(new BuiltIn[0]);
        this.targets = targets.toArray(new DenseTarget[0]);
        this.sums = stats.contains(BuiltIn.SUM) || stats.contains(BuiltIn.MEAN) || stats.contains(BuiltIn.VAR)
                || stats.contains(BuiltIn.STD);
        this.extremes = stats.contains(BuiltIn.MIN) || stats.contains(BuiltIn.MAX);
        this.deviations = stats.contains(BuiltIn.VAR) || stats.contains(BuiltIn.STD);
    }

    /** Whether built-in {@code f} is one of the moments this kernel computes. */
    static boolean computes(BuiltIn f) {
        switch (f) {
            case COUNT:
            case SUM:
            case MIN:
            case MAX:
            case MEAN:
            case VAR:
            case STD:
                return true;
            default:
                return false;
        }
    }

    @Override
    void begin(int cells, ChunkScope chunk) {
        for (DenseTarget t : targets) {
            t.prefill(cells);
        }
    }

    @Override
    void reduce(int cell, long start, long end) {
        if (values == null) {
            for (DenseTarget t : targets) {
                t.putLong(cell, 0, end - start);
            }
        } else if (values.isFloat64()) {
            reduce64(cell);
        } else {
            reduce32(cell);
        }
    }

    private void reduce32(int cell) {
        float[] a = values.floatsInPlace();
        int from = values.first();
        int n = values.n();
        float sum;
        float min;
        float max;
        float mean;
        float var = Float.NaN;
        if (n < SEQUENTIAL) {
            float s = 0f;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            boolean nan = false;
            for (int i = from; i < from + n; i++) {
                float v = a[i];
                s += v;
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                nan |= v != v;
            }
            sum = s;
            min = nan ? Float.NaN : lo;
            max = nan ? Float.NaN : hi;
            mean = NumpyStats.divide(sum, n);
            if (deviations) {
                float squares = 0f;
                for (int i = from; i < from + n; i++) {
                    float d = a[i] - mean;
                    squares += d * d;
                }
                var = NumpyStats.divide(squares, n);
            }
        } else {
            sum = sums ? values.sum32() : Float.NaN;
            min = extremes ? (float) values.min(false) : Float.NaN;
            max = extremes ? (float) values.max(false) : Float.NaN;
            mean = NumpyStats.divide(sum, n);
            if (deviations) {
                var = NumpyStats.var(a, from, n, mean, false, n, values.work32());
            }
        }
        for (int k = 0; k < stats.length; k++) {
            DenseTarget t = targets[k];
            switch (stats[k]) {
                case COUNT:
                    t.putLong(cell, 0, n);
                    break;
                case SUM:
                    t.put(cell, 0, sum);
                    break;
                case MIN:
                    t.put(cell, 0, min);
                    break;
                case MAX:
                    t.put(cell, 0, max);
                    break;
                case MEAN:
                    t.put(cell, 0, mean);
                    break;
                case VAR:
                    t.put(cell, 0, var);
                    break;
                default:
                    // STD, the square root taken in the dtype
                    t.put(cell, 0, (float) Math.sqrt(var));
            }
        }
    }

    private void reduce64(int cell) {
        double[] a = values.doublesInPlace();
        int from = values.first();
        int n = values.n();
        double sum;
        double min;
        double max;
        double mean;
        double var = Double.NaN;
        if (n < SEQUENTIAL) {
            double s = 0d;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean nan = false;
            for (int i = from; i < from + n; i++) {
                double v = a[i];
                s += v;
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                nan |= v != v;
            }
            sum = s;
            min = nan ? Double.NaN : lo;
            max = nan ? Double.NaN : hi;
            mean = NumpyStats.divide(sum, n);
            if (deviations) {
                double squares = 0d;
                for (int i = from; i < from + n; i++) {
                    double d = a[i] - mean;
                    squares += d * d;
                }
                var = NumpyStats.divide(squares, n);
            }
        } else {
            sum = sums ? values.sum64() : Double.NaN;
            min = extremes ? values.min(false) : Double.NaN;
            max = extremes ? values.max(false) : Double.NaN;
            mean = NumpyStats.divide(sum, n);
            if (deviations) {
                var = NumpyStats.var(a, from, n, mean, false, n, values.work64());
            }
        }
        for (int k = 0; k < stats.length; k++) {
            DenseTarget t = targets[k];
            switch (stats[k]) {
                case COUNT:
                    t.putLong(cell, 0, n);
                    break;
                case SUM:
                    t.put(cell, 0, sum);
                    break;
                case MIN:
                    t.put(cell, 0, min);
                    break;
                case MAX:
                    t.put(cell, 0, max);
                    break;
                case MEAN:
                    t.put(cell, 0, mean);
                    break;
                case VAR:
                    t.put(cell, 0, var);
                    break;
                default:
                    t.put(cell, 0, Math.sqrt(var));
            }
        }
    }

    /**
     * Gathers the moment fields of one reduction, then makes one kernel per column they read;
     * the {@code count} fields join the first column's kernel (a count is any column's row count).
     */
    static final class Fusion {
        private final Map<CellBuffer, List<BuiltIn>> stats = new LinkedHashMap<>();
        private final Map<CellBuffer, List<DenseTarget>> targets = new LinkedHashMap<>();
        private final List<DenseTarget> counts = new ArrayList<>();

        /** Adds field {@code a}, built-in moment {@code f} of {@code values} (ignored for a count), writing to {@code out}. */
        void add(BuiltIn f, Aggregation a, CellBuffer values, ShardOutput out) {
            if (f == BuiltIn.COUNT) {
                // rows in the cell; 0 for an empty cell whatever the fill
                counts.add(new DenseTarget(out.dense(a.name()), 0, 1));
                return;
            }
            stats.computeIfAbsent(values, k -> new ArrayList<>()).add(f);
            targets.computeIfAbsent(values, k -> new ArrayList<>()).add(new DenseTarget(out.dense(a.name()), a.fill(), a.width()));
        }

        /** The fused kernels of the fields added. */
        List<FieldKernel> kernels() {
            List<FieldKernel> kernels = new ArrayList<>();
            List<BuiltIn> pendingStats = new ArrayList<>(Collections.nCopies(counts.size(), BuiltIn.COUNT));
            List<DenseTarget> pendingTargets = new ArrayList<>(counts);
            for (Map.Entry<CellBuffer, List<BuiltIn>> e : stats.entrySet()) {
                pendingStats.addAll(e.getValue());
                pendingTargets.addAll(targets.get(e.getKey()));
                kernels.add(new MomentsKernel(e.getKey(), pendingStats, pendingTargets));
                pendingStats.clear();
                pendingTargets.clear();
            }
            if (!pendingStats.isEmpty()) {
                kernels.add(new MomentsKernel(null, pendingStats, pendingTargets));
            }
            return kernels;
        }
    }
}
