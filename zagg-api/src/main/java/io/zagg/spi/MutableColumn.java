package io.zagg.spi;

/**
 * A column whose elements can be written: the output columns reducers fill, one row per cell.
 * A setter that does not apply to the column's dtype throws
 * {@link UnsupportedOperationException}; a value is narrowed to the column's dtype the way
 * numpy's assignment casts it (round to nearest for floats, two's-complement wrap for ints).
 */
public interface MutableColumn extends Column {

    void setFloat(long index, float value);

    void setDouble(long index, double value);

    void setLong(long index, long value);
}
