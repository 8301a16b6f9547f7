package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Columns as Java primitive arrays ({@link Columns} heap columns). The reader's arrays are
 * adopted, so loading and a single-read concat copy nothing; concat, gather and encode are
 * array copies. A column holds at most {@link #MAX_ELEMENTS} elements (a Java array's limit).
 */
final class PlainCarrier extends Carrier {

    static final String NAME = "plain";

    /** The largest array HotSpot allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    PlainCarrier(CarrierContext context) {
        super(NAME, context);
    }

    @Override
    protected MutableColumn adopt(Column input) {
        Object array = Columns.arrayOf(input);
        if (array == null) {
            MutableColumn copy = allocate(input.dtype(), input.rows(), input.width());
            Columns.copy(input, 0, copy, 0, input.rows() * input.width());
            return copy;
        }
        allocated(input.valueBytes());
        // a column object of our own over the same array: the reader may hand one object over twice
        return Columns.wrap(array, input.dtype(), input.width());
    }

    @Override
    protected MutableColumn allocate(DType dtype, long rows, int width) {
        long elements = elements(rows, width);
        allocated(elements * dtype.byteSize());
        return Columns.allocate(dtype, (int) rows, width);
    }

    @Override
    protected MutableColumn join(List<Column> parts, long rows) {
        Column model = parts.get(0);
        MutableColumn joined = allocate(model.dtype(), rows, model.width());
        Object target = Columns.arrayOf(joined);
        int at = 0;
        for (Column p : parts) {
            int n = (int) (p.rows() * p.width());
            System.arraycopy(Columns.arrayOf(p), 0, target, at, n);
            at += n;
        }
        return joined;
    }

    @Override
    protected MutableColumn gather(Column source, Column order) {
        MutableColumn sorted = allocate(source.dtype(), source.rows(), source.width());
        Object from = Columns.arrayOf(source);
        Object to = Columns.arrayOf(sorted);
        int rows = (int) source.rows();
        int w = source.width();
        if (w > 1) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(from, (int) order.getLong(r) * w, to, r * w, w);
            }
        } else if (from instanceof double[]) {
            double[] s = (double[]) from;
            double[] d = (double[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        } else if (from instanceof float[]) {
            float[] s = (float[]) from;
            float[] d = (float[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        } else if (from instanceof long[]) {
            long[] s = (long[]) from;
            long[] d = (long[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        } else if (from instanceof int[]) {
            int[] s = (int[]) from;
            int[] d = (int[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        } else if (from instanceof short[]) {
            short[] s = (short[]) from;
            short[] d = (short[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        } else {
            byte[] s = (byte[]) from;
            byte[] d = (byte[]) to;
            for (int r = 0; r < rows; r++) {
                d[r] = s[(int) order.getLong(r)];
            }
        }
        return sorted;
    }

    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow) {
        Object array = Columns.arrayOf(column);
        int offset = (int) (fromRow * column.width());
        int n = (int) ((toRow - fromRow) * column.width());
        int bytes = n * column.dtype().byteSize();
        handedOver(bytes);
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Columns.writeLittleEndian(array, offset, n, out);
        return out.flip();
    }

    @Override
    protected void free(Column column) {
        // the array becomes garbage once the batch lets go of it; the account lets go now
        freed(column.valueBytes());
    }

    private static long elements(long rows, int width) {
        long elements = rows * width;
        if (rows > MAX_ELEMENTS || elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("the plain carrier holds at most " + MAX_ELEMENTS + " elements per column (a Java"
                    + " array's limit); a column of " + rows + " rows × " + width + " needs more — use the arrow carrier");
        }
        return elements;
    }
}
