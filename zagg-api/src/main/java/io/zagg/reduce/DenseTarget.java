package io.zagg.reduce;

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

    void prefill(int cells) {
        long n = (long) cells * width;
        for (long i = 0; i < n; i++) {
            column.setDouble(i, fill);
        }
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
