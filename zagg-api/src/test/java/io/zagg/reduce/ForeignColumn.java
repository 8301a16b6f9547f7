package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/** A float32 column that is not a heap column: what an off-heap carrier hands the kernels. */
final class ForeignColumn implements Column {

    private final float[] values;

    ForeignColumn(float[] values) {
        this.values = values;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public long rows() {
        return values.length;
    }

    @Override
    public float getFloat(long index) {
        return values[(int) index];
    }

    @Override
    public double getDouble(long index) {
        return values[(int) index];
    }
}
