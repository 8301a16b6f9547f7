package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.Arrays;

/**
 * One source column's values for the cell being reduced, read once through the {@link Column}
 * accessors (never the whole column) into a reusable array, and shared by every field that reads
 * the column: the pairwise sum, the NaN-free sum and the sorted copy are computed at most once
 * per cell, whichever fields ask. Buffers grow to the largest cell and are reused across cells
 * and shards; nothing is allocated per cell.
 *
 * <p>The copy is made on first use, not at {@link #load}: a kernel that reads the values in place
 * ({@link #floatsInPlace()}, {@link #first()}) never pays for it when the column is a Java array.
 */
final class CellBuffer {

    private Column column;
    private Object heap;
    private boolean float64;
    private long start;
    private int n;
    private boolean copied;
    private float[] f = new float[0];
    private double[] d = new double[0];
    private float[] fWork = new float[0];
    private double[] dWork = new double[0];
    private float[] fSorted = new float[0];
    private double[] dSorted = new double[0];
    private final FloatRadixSort radix = new FloatRadixSort();

    private boolean summed;
    private float fSum;
    private double dSum;
    private boolean nanSummed;
    private int valid;
    private float fNanSum;
    private double dNanSum;
    private boolean sorted;
    private boolean widened;
    private boolean extremes;
    private int nans;
    private float fMin;
    private float fMax;
    private double dMin;
    private double dMax;

    /** Reads {@code column} (float32 or float64, one element per row) from the next {@link #load} on. */
    void attach(Column column) {
        this.column = column;
        this.heap = Columns.arrayOf(column);
        this.float64 = column.dtype() == DType.FLOAT64;
    }

    boolean isFloat64() {
        return float64;
    }

    /** Makes rows {@code [start, end)} the current cell; they are read when first asked for. */
    void load(long start, long end) {
        long len = end - start;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a cell of " + len + " rows is more than one reduction buffer holds");
        }
        this.start = start;
        n = (int) len;
        copied = false;
        summed = false;
        nanSummed = false;
        sorted = false;
        widened = false;
        extremes = false;
    }

    /** Copies the current cell's values into the buffer, once per cell. */
    private void copy() {
        if (copied) {
            return;
        }
        copied = true;
        if (float64) {
            d = grow(d, n);
            if (heap != null) {
                System.arraycopy(heap, (int) start, d, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    d[i] = column.getDouble(start + i);
                }
            }
        } else {
            f = grow(f, n);
            if (heap != null) {
                System.arraycopy(heap, (int) start, f, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    f[i] = column.getFloat(start + i);
                }
            }
        }
    }

    /**
     * Reads rows {@code [start, end)} of {@code column} (float32 or float64, one element per row)
     * as the current cell without keeping a reference to the column, for a buffer that outlives
     * the columns it reads (a per-thread buffer).
     */
    void read(Column column, long start, long end) {
        attach(column);
        try {
            load(start, end);
            copy();
        } finally {
            this.column = null;
            this.heap = null;
        }
    }

    /** Rows in the current cell. */
    int n() {
        return n;
    }

    /** The float32 values {@code [0, n)}. */
    float[] floats() {
        copy();
        return f;
    }

    /**
     * The array holding the float32 values at {@code [first(), first() + n)}: a Java-array
     * column's own array, read in place and never to be written, or else the buffer.
     */
    float[] floatsInPlace() {
        if (heap != null) {
            return (float[]) heap;
        }
        copy();
        return f;
    }

    /** The array holding the float64 values at {@code [first(), first() + n)}, as {@link #floatsInPlace()}. */
    double[] doublesInPlace() {
        if (heap != null) {
            return (double[]) heap;
        }
        copy();
        return d;
    }

    /** Where the current cell's values start in {@link #floatsInPlace()} or {@link #doublesInPlace()}. */
    int first() {
        return heap != null ? (int) start : 0;
    }

    /**
     * The values {@code [0, n)} as float64: a float64 column's values, or a float32 column's
     * widened (exactly) for a float64 computation such as float32 values with float64 weights.
     */
    double[] doubles() {
        copy();
        if (!float64 && !widened) {
            d = grow(d, n);
            for (int i = 0; i < n; i++) {
                d[i] = f[i];
            }
            widened = true;
        }
        return d;
    }

    /** Scratch of at least {@code n} floats, overwritten by whoever asks next. */
    float[] work32() {
        fWork = grow(fWork, n);
        return fWork;
    }

    /** Scratch of at least {@code n} doubles, overwritten by whoever asks next. */
    double[] work64() {
        dWork = grow(dWork, n);
        return dWork;
    }

    /**
     * {@code np.min} of the values ({@code skipNaN} false: any NaN gives NaN) or {@code np.nanmin}
     * (NaN only if all are NaN), in the source dtype; min and max share one pass.
     */
    double min(boolean skipNaN) {
        findExtremes();
        return noAnswer(skipNaN) ? Double.NaN : float64 ? dMin : fMin;
    }

    /** {@code np.max} or {@code np.nanmax}, as {@link #min}. */
    double max(boolean skipNaN) {
        findExtremes();
        return noAnswer(skipNaN) ? Double.NaN : float64 ? dMax : fMax;
    }

    private boolean noAnswer(boolean skipNaN) {
        return skipNaN ? nans == n : nans > 0;
    }

    private void findExtremes() {
        if (extremes) {
            return;
        }
        int nan = 0;
        int from = first();
        if (float64) {
            double[] a = doublesInPlace();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < from + n; i++) {
                double v = a[i];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                nan += v != v ? 1 : 0;
            }
            dMin = lo;
            dMax = hi;
        } else {
            float[] a = floatsInPlace();
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = from; i < from + n; i++) {
                float v = a[i];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                nan += v != v ? 1 : 0;
            }
            fMin = lo;
            fMax = hi;
        }
        nans = nan;
        extremes = true;
    }

    /** {@code np.sum} of the float32 values. */
    float sum32() {
        if (!summed) {
            fSum = NumpySum.sum(floatsInPlace(), first(), first() + n);
            summed = true;
        }
        return fSum;
    }

    /** {@code np.sum} of the float64 values. */
    double sum64() {
        if (!summed) {
            dSum = NumpySum.sum(doublesInPlace(), first(), first() + n);
            summed = true;
        }
        return dSum;
    }

    /** {@code np.nansum} of the float32 values: the pairwise sum with NaN replaced by 0. */
    float nanSum32() {
        if (!nanSummed) {
            copy();
            float[] w = work32();
            valid = NumpyStats.replaceNaN(f, n, w);
            fNanSum = NumpySum.sum(w, 0, n);
            nanSummed = true;
        }
        return fNanSum;
    }

    /** {@code np.nansum} of the float64 values. */
    double nanSum64() {
        if (!nanSummed) {
            copy();
            double[] w = work64();
            valid = NumpyStats.replaceNaN(d, n, w);
            dNanSum = NumpySum.sum(w, 0, n);
            nanSummed = true;
        }
        return dNanSum;
    }

    /** How many values are not NaN; valid after {@link #nanSum32()} or {@link #nanSum64()}. */
    int valid() {
        return valid;
    }

    /** The float32 values sorted ascending, NaN last (as numpy's sort and partition place them; NaN payloads are not kept). */
    float[] sorted32() {
        if (!sorted) {
            copy();
            fSorted = grow(fSorted, n);
            System.arraycopy(f, 0, fSorted, 0, n);
            radix.sort(fSorted, n);
            sorted = true;
        }
        return fSorted;
    }

    /** The float64 values sorted ascending, NaN last. */
    double[] sorted64() {
        if (!sorted) {
            copy();
            dSorted = grow(dSorted, n);
            System.arraycopy(d, 0, dSorted, 0, n);
            Arrays.sort(dSorted, 0, n);
            sorted = true;
        }
        return dSorted;
    }

    private static float[] grow(float[] a, int n) {
        return a.length >= n ? a : new float[Math.max(n, a.length + (a.length >> 1))];
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, a.length + (a.length >> 1))];
    }
}
