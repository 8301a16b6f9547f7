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

    /**
     * Copies element {@code 0} into elements {@code [1, count)} bit for bit: how a reducer fills
     * an output column with its fill value after storing it once. This default copies one element
     * at a time through the getters and setters; a carrier with a faster bulk copy overrides it.
     *
     * @throws IndexOutOfBoundsException if {@code count} exceeds the column's elements ({@code rows × width})
     */
    default void repeatFirst(long count) {
        if (count > rows() * width()) {
            throw new IndexOutOfBoundsException("repeat the first of " + rows() * width() + " elements " + count + " times");
        }
        if (dtype().isFloating()) {
            double first = getDouble(0);
            for (long i = 1; i < count; i++) {
                setDouble(i, first);
            }
        } else {
            long first = getLong(0);
            for (long i = 1; i < count; i++) {
                setLong(i, first);
            }
        }
    }
}
