package io.zagg.read;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/**
 * The optional {@code _FillValue} rule: a row is dropped when one of its elements equals the
 * dataset's fill value, compared in the dataset's own type (a float32 fill value as float32);
 * a NaN fill value matches NaN.
 */
final class FillValues {

    private FillValues() {
    }

    /** One flag per row: true where no element of the row holds {@code fill}. */
    static boolean[] notFill(Column c, Number fill) {
        int width = c.width();
        boolean[] out = new boolean[(int) c.rows()];
        for (int r = 0; r < out.length; r++) {
            boolean clean = true;
            for (int k = 0; k < width && clean; k++) {
                clean = !isFill(c, (long) r * width + k, fill);
            }
            out[r] = clean;
        }
        return out;
    }

    private static boolean isFill(Column c, long i, Number fill) {
        if (c.dtype() == DType.FLOAT32) {
            float x = c.getFloat(i);
            float f = fill.floatValue();
            return x == f || (Float.isNaN(x) && Float.isNaN(f));
        }
        if (c.dtype().isFloating()) {
            double x = c.getDouble(i);
            double f = fill.doubleValue();
            return x == f || (Double.isNaN(x) && Double.isNaN(f));
        }
        return c.getLong(i) == fill.longValue();
    }
}
