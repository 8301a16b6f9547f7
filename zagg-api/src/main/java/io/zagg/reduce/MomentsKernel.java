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
 * cell, which reads the values once (in place from a Java-array column), shares the sum, the
 * mean and the extremes between the fields, and writes a Java-array output column of the
 * source's dtype directly. The bits are {@link CellStats}' (numpy's), which
 * {@code MomentsKernelTest} checks path by path.
 *
 * <p>Below {@value #SEQUENTIAL} values numpy's pairwise sum is a plain left-to-right sum from 0,
 * so a tiny cell (most cells of a fine grid hold one or two rows) is summed, its extremes found
 * and its squared deviations summed in plain loops over the values, without the buffers of the
 * general path: the same operations in the same order, so the same bits. One and two values are
 * unrolled, and their divisions by the count are exact shortcuts: {@code x / 1} is {@code x}
 * (so a single value's variance is {@code (x - x)^2}: 0, or NaN for an infinite {@code x}), and
 * numpy's float32 {@code (float) ((double) s / 2)} is the correctly rounded half, {@code s * 0.5f}.
 * Larger cells take {@link CellBuffer}'s blocked pairwise sums.
 */
final class MomentsKernel extends FieldKernel {

    /** numpy's {@code pairwise_sum} adds fewer values than this one by one, from 0. */
    static final int SEQUENTIAL = 8;

    // where a cell's moments are kept, in the column's dtype, for the fields to copy out
    private static final int SUM = 0;
    private static final int MIN = 1;
    private static final int MAX = 2;
    private static final int MEAN = 3;
    private static final int VAR = 4;
    private static final int STD = 5;
    private static final int COUNT = 6;

    private final CellBuffer values;
    private final Output[] outputs = new Output[COUNT + 1];
    private final boolean sums;
    private final boolean extremes;
    private final boolean deviations;
    private final boolean roots;
    private final float[] moments32 = new float[STD + 1];
    private final double[] moments64 = new double[STD + 1];

    /**
     * @param values  the column's buffer; null when every statistic is a {@code count}
     * @param stats   the statistic of each field, one of those {@link #computes} accepts
     * @param targets each field's output, parallel to {@code stats}
     */
    private MomentsKernel(CellBuffer values, List<BuiltIn> stats, List<DenseTarget> targets) {
        List<Integer> slotted = new ArrayList<>();
        for (int k = stats.size() - 1; k >= 0; k--) {
            int slot = slot(stats.get(k));
            outputs[slot] = new Output(targets.get(k), outputs[slot]);
            slotted.add(slot);
        }
        this.values = values;
        this.sums = slotted.stream().anyMatch(s -> s != MIN && s != MAX && s != COUNT);
        this.extremes = slotted.contains(MIN) || slotted.contains(MAX);
        this.deviations = slotted.contains(VAR) || slotted.contains(STD);
        this.roots = slotted.contains(STD);
    }

    private static int slot(BuiltIn f) {
        switch (f) {
            case COUNT:
                return COUNT;
            case SUM:
                return SUM;
            case MIN:
                return MIN;
            case MAX:
                return MAX;
            case MEAN:
                return MEAN;
            case VAR:
                return VAR;
            case STD:
                return STD;
            default:
                throw new IllegalArgumentException(f + " is not a moment");
        }
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
        for (Output first : outputs) {
            for (Output o = first; o != null; o = o.next) {
                o.target.prefill(cells);
            }
        }
    }

    @Override
    void reduce(int cell, long start, long end) {
        for (Output o = outputs[COUNT]; o != null; o = o.next) {
            o.target.putLong(cell, 0, end - start);
        }
        if (values == null) {
            return;
        }
        if (values.isFloat64()) {
            moments64();
            double[] m = moments64;
            // unrolled: a loop over the moments costs more than computing them
            Output.put(outputs[SUM], cell, m[SUM]);
            Output.put(outputs[MIN], cell, m[MIN]);
            Output.put(outputs[MAX], cell, m[MAX]);
            Output.put(outputs[MEAN], cell, m[MEAN]);
            Output.put(outputs[VAR], cell, m[VAR]);
            Output.put(outputs[STD], cell, m[STD]);
        } else {
            moments32();
            float[] m = moments32;
            Output.put(outputs[SUM], cell, m[SUM]);
            Output.put(outputs[MIN], cell, m[MIN]);
            Output.put(outputs[MAX], cell, m[MAX]);
            Output.put(outputs[MEAN], cell, m[MEAN]);
            Output.put(outputs[VAR], cell, m[VAR]);
            Output.put(outputs[STD], cell, m[STD]);
        }
    }

    /**
     * The fields one moment goes to, as a list. A Java-array column of the field's dtype is
     * written directly: what {@link DenseTarget#put} would store, without its calls per cell.
     */
    private static final class Output {
        private final DenseTarget target;
        private final float[] floats;
        private final double[] doubles;
        private final Output next;

        Output(DenseTarget target, Output next) {
            this.target = target;
            this.floats = target.floats();
            this.doubles = target.doubles();
            this.next = next;
        }

        /** Writes {@code value} to output row {@code cell} of every field in list {@code o} (null: none). */
        static void put(Output o, int cell, float value) {
            for (; o != null; o = o.next) {
                if (o.floats != null) {
                    o.floats[cell] = value;
                } else {
                    o.target.put(cell, 0, value);
                }
            }
        }

        static void put(Output o, int cell, double value) {
            for (; o != null; o = o.next) {
                if (o.doubles != null) {
                    o.doubles[cell] = value;
                } else {
                    o.target.put(cell, 0, value);
                }
            }
        }
    }

    private void moments32() {
        float[] a = values.floatsInPlace();
        int from = values.first();
        int n = values.n();
        if (n == 1) {
            one(a[from]);
        } else if (n == 2) {
            two(a[from], a[from + 1]);
        } else if (n < SEQUENTIAL) {
            few(a, from, n);
        } else {
            many(a, from, n);
        }
        if (roots) {
            // the square root taken in the dtype
            moments32[STD] = (float) Math.sqrt(moments32[VAR]);
        }
    }

    private void moments64() {
        double[] a = values.doublesInPlace();
        int from = values.first();
        int n = values.n();
        if (n == 1) {
            one(a[from]);
        } else if (n == 2) {
            two(a[from], a[from + 1]);
        } else if (n < SEQUENTIAL) {
            few(a, from, n);
        } else {
            many(a, from, n);
        }
        if (roots) {
            moments64[STD] = Math.sqrt(moments64[VAR]);
        }
    }

    /**
     * {@link #few} unrolled for one value. Its min and max are x itself (x < +inf, or x is +inf);
     * dividing by a count of 1 is exact, so the mean is the sum and the variance the squared
     * deviation: 0, or NaN for an infinite x (inf - inf).
     */
    private void one(float x) {
        float sum = 0f + x;
        float d = x - sum;
        float extreme = x != x ? Float.NaN : x;
        keep(sum, extreme, extreme, sum, 0f + d * d);
    }

    private void one(double x) {
        double sum = 0d + x;
        double d = x - sum;
        double extreme = x != x ? Double.NaN : x;
        keep(sum, extreme, extreme, sum, 0d + d * d);
    }

    /**
     * {@link #few} unrolled for two values. numpy divides a float32 sum by the count in float64
     * and rounds back; halving is exact in float64, so that is the correctly rounded half, as a
     * float32 multiplication by 0.5 gives it.
     */
    private void two(float x, float y) {
        float sum = (0f + x) + y;
        float mean = sum * 0.5f;
        float dx = x - mean;
        float dy = y - mean;
        boolean nan = x != x || y != y;
        keep(sum, nan ? Float.NaN : y < x ? y : x, nan ? Float.NaN : y > x ? y : x, mean, ((0f + dx * dx) + dy * dy) * 0.5f);
    }

    private void two(double x, double y) {
        double sum = (0d + x) + y;
        double mean = sum * 0.5;
        double dx = x - mean;
        double dy = y - mean;
        boolean nan = x != x || y != y;
        keep(sum, nan ? Double.NaN : y < x ? y : x, nan ? Double.NaN : y > x ? y : x, mean, ((0d + dx * dx) + dy * dy) * 0.5);
    }

    /**
     * Fewer than {@value #SEQUENTIAL} values: numpy's sums of the values and of the squared
     * deviations are sequential from 0, its min and max {@link CellBuffer#min}'s.
     */
    private void few(float[] a, int from, int n) {
        float sum = 0f;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = from; i < from + n; i++) {
            float v = a[i];
            sum += v;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            nan |= v != v;
        }
        float mean = NumpyStats.divide(sum, n);
        float squares = 0f;
        for (int i = deviations ? from : from + n; i < from + n; i++) {
            float d = a[i] - mean;
            squares += d * d;
        }
        keep(sum, nan ? Float.NaN : lo, nan ? Float.NaN : hi, mean, NumpyStats.divide(squares, n));
    }

    private void few(double[] a, int from, int n) {
        double sum = 0d;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = from; i < from + n; i++) {
            double v = a[i];
            sum += v;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            nan |= v != v;
        }
        double mean = NumpyStats.divide(sum, n);
        double squares = 0d;
        for (int i = deviations ? from : from + n; i < from + n; i++) {
            double d = a[i] - mean;
            squares += d * d;
        }
        keep(sum, nan ? Double.NaN : lo, nan ? Double.NaN : hi, mean, NumpyStats.divide(squares, n));
    }

    /** The general path: the buffer's blocked pairwise sum and extremes, {@link NumpyStats#var}; only what the fields need. */
    private void many(float[] a, int from, int n) {
        float sum = sums ? values.sum32() : Float.NaN;
        float mean = NumpyStats.divide(sum, n);
        keep(sum, extremes ? (float) values.min(false) : Float.NaN, extremes ? (float) values.max(false) : Float.NaN, mean,
                deviations ? NumpyStats.var(a, from, n, mean, false, n, values.work32()) : Float.NaN);
    }

    private void many(double[] a, int from, int n) {
        double sum = sums ? values.sum64() : Double.NaN;
        double mean = NumpyStats.divide(sum, n);
        keep(sum, extremes ? values.min(false) : Double.NaN, extremes ? values.max(false) : Double.NaN, mean,
                deviations ? NumpyStats.var(a, from, n, mean, false, n, values.work64()) : Double.NaN);
    }

    private void keep(float sum, float min, float max, float mean, float var) {
        moments32[SUM] = sum;
        moments32[MIN] = min;
        moments32[MAX] = max;
        moments32[MEAN] = mean;
        moments32[VAR] = var;
    }

    private void keep(double sum, double min, double max, double mean, double var) {
        moments64[SUM] = sum;
        moments64[MIN] = min;
        moments64[MAX] = max;
        moments64[MEAN] = mean;
        moments64[VAR] = var;
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
