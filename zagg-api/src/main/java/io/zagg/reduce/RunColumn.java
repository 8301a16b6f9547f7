package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/** A column restricted to one cell's rows, re-pointed cell after cell (no allocation per cell). */
final class RunColumn implements Column {

    private final Column base;
    private final int width;
    private long offset;
    private long rows;

    RunColumn(Column base) {
        this.base = base;
        this.width = base.width();
    }

    void point(long start, long end) {
        offset = start * width;
        rows = end - start;
    }

    private long index(long i) {
        if (i < 0 || i >= rows * width) {
            throw new IndexOutOfBoundsException("element " + i + " is outside this cell's " + rows * width + " elements");
        }
        return offset + i;
    }

    @Override
    public DType dtype() {
        return base.dtype();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public float getFloat(long index) {
        return base.getFloat(index(index));
    }

    @Override
    public double getDouble(long index) {
        return base.getDouble(index(index));
    }

    @Override
    public long getLong(long index) {
        return base.getLong(index(index));
    }
}
