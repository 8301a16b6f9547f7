package io.zagg.spi;

/**
 * A column whose elements can be written: the output columns reducers fill, one row per cell.
 * A setter that does not apply to the column's dtype throws
 * {@link UnsupportedOperationException}; a value is narrowed to the column's dtype the way
 * numpy's assignment casts it (round to nearest for floats, two's-complement wrap for ints).
 */
public interface MutableColumn extends Column {

    /**
     * Stores a float in a {@link DType#FLOAT32} or {@link DType#FLOAT64} element.
     *
     * @throws UnsupportedOperationException for an integer dtype (this default)
     */
    default void setFloat(long index, float value) {
        throw Columns.notApplicable("setFloat", dtype());
    }

    void setDouble(long index, double value);

    void setLong(long index, long value);
}
