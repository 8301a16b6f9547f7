package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Column;
import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Columns as Java primitive arrays ({@link Columns} heap columns). The reader's arrays are
 * adopted and concat chains them ({@link ColumnChain}), so loading and concatenating copy and
 * add nothing; gather (into one array per column) and encode are array copies. A column holds
 * at most {@link #MAX_ELEMENTS} elements (a Java array's limit).
 */
final class PlainCarrier extends Carrier {

    static final String NAME = "plain";

    /** The largest array HotSpot allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Columns joined into a chain: freeing them must leave their arrays, now the chain's, accounted. */
    private final Set<Column> moved = Collections.newSetFromMap(new IdentityHashMap<>());

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
        List<MutableColumn> chained = new ArrayList<>(parts.size());
        for (Column p : parts) {
            chained.add((MutableColumn) p);
            moved.add(p);
        }
        // no copy: the parts' arrays, still accounted, now belong to the chain
        return ColumnChain.of(chained);
    }

    /**
     * Row {@code r} of the result is row {@code order[r]} of the source, a flat column or a chain
     * (one part of a flat column: the lookup then never leaves part 0).
     */
    @Override
    protected MutableColumn gather(Column source, Column order) {
        MutableColumn sorted = allocate(source.dtype(), source.rows(), source.width());
        ColumnChain from = source instanceof ColumnChain ? (ColumnChain) source : ColumnChain.of(List.of((MutableColumn) source));
        Object to = Columns.arrayOf(sorted);
        int rows = (int) source.rows();
        int w = source.width();
        if (w > 1) {
            Object[] s = arrays(from, Object[]::new);
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                System.arraycopy(s[p], (int) (i - from.firstRow(p)) * w, to, r * w, w);
            }
        } else if (to instanceof double[]) {
            double[][] s = arrays(from, double[][]::new);
            double[] d = (double[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        } else if (to instanceof float[]) {
            float[][] s = arrays(from, float[][]::new);
            float[] d = (float[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        } else if (to instanceof long[]) {
            long[][] s = arrays(from, long[][]::new);
            long[] d = (long[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        } else if (to instanceof int[]) {
            int[][] s = arrays(from, int[][]::new);
            int[] d = (int[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        } else if (to instanceof short[]) {
            short[][] s = arrays(from, short[][]::new);
            short[] d = (short[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        } else {
            byte[][] s = arrays(from, byte[][]::new);
            byte[] d = (byte[]) to;
            for (int r = 0; r < rows; r++) {
                long i = order.getLong(r);
                int p = from.partOf(i);
                d[r] = s[p][(int) (i - from.firstRow(p))];
            }
        }
        return sorted;
    }

    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow) {
        int bytes = (int) ((toRow - fromRow) * column.width() * column.dtype().byteSize());
        handedOver(bytes);
        return writeLittleEndian(column, fromRow, toRow, ByteBuffer.allocate(bytes));
    }

    /** Into the caller's scratch: no buffer of the carrier's, so nothing handed over. */
    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow, ByteBuffer scratch) {
        int bytes = (int) ((toRow - fromRow) * column.width() * column.dtype().byteSize());
        return writeLittleEndian(column, fromRow, toRow, scratch.duplicate().clear().limit(bytes));
    }

    /** Copies the rows into {@code out} (from its position, which must have room) and returns it flipped. */
    private static ByteBuffer writeLittleEndian(Column column, long fromRow, long toRow, ByteBuffer out) {
        int w = column.width();
        out.order(ByteOrder.LITTLE_ENDIAN);
        if (column instanceof ColumnChain) {
            ColumnChain chain = (ColumnChain) column;
            for (long row = fromRow; row < toRow; ) {
                int p = chain.partOf(row);
                long first = chain.firstRow(p);
                long end = Math.min(toRow, chain.firstRow(p + 1));
                Columns.writeLittleEndian(Columns.arrayOf(chain.part(p)), (int) ((row - first) * w), (int) ((end - row) * w), out);
                row = end;
            }
        } else {
            Columns.writeLittleEndian(Columns.arrayOf(column), (int) (fromRow * w), (int) ((toRow - fromRow) * w), out);
        }
        return out.flip();
    }

    @Override
    protected void free(Column column) {
        if (moved.remove(column)) {
            return; // its array lives on in a chain, freed with it
        }
        // the array becomes garbage once the batch lets go of it; the account lets go now
        // (a chain's value bytes are its parts')
        freed(column.valueBytes());
    }

    /** Each part's Java array, typed. */
    private static <T> T[] arrays(ColumnChain chain, IntFunction<T[]> newArray) {
        T[] out = newArray.apply(chain.parts());
        for (int p = 0; p < out.length; p++) {
            @SuppressWarnings("unchecked")
            T array = (T) Columns.arrayOf(chain.part(p));
            out[p] = array;
        }
        return out;
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
