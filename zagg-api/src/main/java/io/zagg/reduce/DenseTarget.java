package io.zagg.reduce;

import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;

/**
 * A scalar or vector field's output column, written the way zagg stores a result: the value
 * computed in the source dtype is cast to the field dtype. An integer field gets its fill where
 * the result is NaN or infinite (numpy would raise on that assignment).
 */
final class DenseTarget {

    private final MutableColumn column;
    private final double fill;
    private final int width;
    private final boolean float32;
    private final boolean integer;

    DenseTarget(MutableColumn column, double fill, int width) {
        this.column = column;
        this.fill = fill;
        this.width = width;
        this.float32 = column.dtype() == DType.FLOAT32;
        this.integer = !column.dtype().isFloating();
    }

    int width() {
        return width;
    }

    /** The Java array behind a float32 scalar field's column, where {@link #put(int, int, float)} stores; else null. */
    float[] floats() {
        Object a = Columns.arrayOf(column);
        return width == 1 && a instanceof float[] ? (float[]) a : null;
    }

    /** The Java array behind a float64 scalar field's column, where {@link #put(int, int, double)} stores; else null. */
    double[] doubles() {
        Object a = Columns.arrayOf(column);
        return width == 1 && a instanceof double[] ? (double[]) a : null;
    }

    /**
     * Writes the fill to every element of output rows {@code [0, cells)}: the first through the
     * column (which narrows it as numpy's assignment does), the rest as copies of its bits in
     * bulk ({@link MutableColumn#repeatFirst}): a per-element call costs more than the reduction
     * of a small cell.
     */
    void prefill(int cells) {
        long n = (long) cells * width;
        if (n == 0) {
            return;
        }
        column.setDouble(0, fill);
        column.repeatFirst(n);
    }

    /** Element {@code k} of {@code cell} from a float32 result. */
    void put(int cell, int k, float value) {
        if (float32) {
            column.setFloat((long) cell * width + k, value);
        } else {
            put(cell, k, (double) value);
        }
    }

    /** Element {@code k} of {@code cell} from a float64 result. */
    void put(int cell, int k, double value) {
        column.setDouble((long) cell * width + k, integer && !Double.isFinite(value) ? fill : value);
    }

    /** The scalar of {@code cell} from a result computed in float64, or in float32 (then {@code value} is a float32 value). */
    void putScalar(int cell, double value, boolean float64) {
        if (float64) {
            put(cell, 0, value);
        } else {
            put(cell, 0, (float) value);
        }
    }

    /** Element {@code k} of {@code cell} from an integer result (a count). */
    void putLong(int cell, int k, long value) {
        column.setLong((long) cell * width + k, value);
    }
}
