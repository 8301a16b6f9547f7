package io.zagg.spi.testkit;

import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MutableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.quicktheories.core.Gen;

/**
 * One column of any dtype and width, read in several parts, then reordered by a permutation and
 * encoded over a row range. Elements are arbitrary raw bits (float NaN payloads, subnormals,
 * uint64 words above 2^63), which a carrier must move unchanged.
 */
public final class ColumnCase {

    final DType dtype;
    final int width;
    final List<long[]> parts;
    final int[] order;
    final int from;
    final int to;
    /** Hand a part over as a column that is not a heap column, so the carrier's copying path runs. */
    final boolean opaque;

    ColumnCase(DType dtype, int width, List<long[]> parts, int[] order, int from, int to, boolean opaque) {
        this.dtype = dtype;
        this.width = width;
        this.parts = parts;
        this.order = order;
        this.from = from;
        this.to = to;
        this.opaque = opaque;
    }

    public static Gen<ColumnCase> columnCases() {
        return in -> {
            DType dtype = enumValues(DType.class).generate(in);
            int width = range(1, 3).generate(in);
            int partCount = range(1, 3).generate(in);
            List<long[]> parts = new ArrayList<>();
            int rows = 0;
            for (int p = 0; p < partCount; p++) {
                long[] bits = new long[range(0, 6).generate(in) * width];
                for (int e = 0; e < bits.length; e++) {
                    bits[e] = longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0).generate(in);
                }
                parts.add(bits);
                rows += bits.length / width;
            }
            int[] order = new int[rows];
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                left.add(i);
            }
            for (int i = 0; i < rows; i++) {
                order[i] = left.remove((int) range(0, left.size() - 1, 0).generate(in));
            }
            int from = range(0, rows).generate(in);
            int to = range(from, rows).generate(in);
            return new ColumnCase(dtype, width, parts, order, from, to, range(0, 1).generate(in) == 1);
        };
    }

    /** Part {@code p} as the reader would hand it over (a fresh heap array, or an opaque view of one). */
    Column part(int p) {
        long[] bits = parts.get(p);
        Column heap = Columns.wrap(array(bits), dtype, width);
        return opaque ? new Opaque(heap) : heap;
    }

    /** Loads the parts as reads, concatenates, gathers by {@link #order()} and encodes rows {@code [from, to)}. */
    public byte[] encodeThrough(Carrier carrier) {
        return encodeThrough(carrier, null);
    }

    /** As {@link #encodeThrough(Carrier)}, encoding into {@code scratch} when it is not null. */
    public byte[] encodeThrough(Carrier carrier, ByteBuffer scratch) {
        Batch rows = concatenated(carrier);
        MutableColumn o = rows.add("order", DType.INT32, 1);
        for (int i = 0; i < order.length; i++) {
            o.setLong(i, order[i]);
        }
        rows.gather("order");
        byte[] encoded = StagePipeline.bytes(scratch == null ? rows.encode("x", from, to) : rows.encode("x", from, to, scratch));
        rows.close();
        return encoded;
    }

    /**
     * Rows {@code [from, to)} of the concatenated parts, not reordered (a chain, for a carrier
     * that chains), encoded alone and into {@code scratch}: the two byte arrays.
     */
    public byte[][] encodeConcatenated(Carrier carrier, ByteBuffer scratch) {
        Batch rows = concatenated(carrier);
        byte[][] encoded = {StagePipeline.bytes(rows.encode("x", from, to)), StagePipeline.bytes(rows.encode("x", from, to, scratch))};
        rows.close();
        return encoded;
    }

    private Batch concatenated(Carrier carrier) {
        List<Batch> reads = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            reads.add(carrier.load(InputBatch.builder("part " + p).column("x", part(p)).build()));
        }
        return carrier.concat(reads);
    }

    /** The little-endian bytes of rows {@code [from, to)} after reordering, computed from the raw bits. */
    public byte[] expectedBytes() {
        List<Long> all = new ArrayList<>();
        for (long[] p : parts) {
            for (long b : p) {
                all.add(b);
            }
        }
        ByteBuffer out = ByteBuffer.allocate((to - from) * width * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = from; r < to; r++) {
            for (int k = 0; k < width; k++) {
                long bits = all.get(order[r] * width + k);
                switch (dtype.byteSize()) {
                    case 1: out.put((byte) bits); break;
                    case 2: out.putShort((short) bits); break;
                    case 4: out.putInt((int) bits); break;
                    default: out.putLong(bits);
                }
            }
        }
        return out.array();
    }

    private Object array(long[] bits) {
        int n = bits.length;
        switch (dtype) {
            case FLOAT32: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Float.intBitsToFloat((int) bits[i]);
                }
                return a;
            }
            case FLOAT64: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Double.longBitsToDouble(bits[i]);
                }
                return a;
            }
            default:
                switch (dtype.byteSize()) {
                    case 1: {
                        byte[] a = new byte[n];
                        for (int i = 0; i < n; i++) {
                            a[i] = (byte) bits[i];
                        }
                        return a;
                    }
                    case 2: {
                        short[] a = new short[n];
                        for (int i = 0; i < n; i++) {
                            a[i] = (short) bits[i];
                        }
                        return a;
                    }
                    case 4: {
                        int[] a = new int[n];
                        for (int i = 0; i < n; i++) {
                            a[i] = (int) bits[i];
                        }
                        return a;
                    }
                    default:
                        return bits.clone();
                }
        }
    }

    @Override
    public String toString() {
        StringJoiner p = new StringJoiner(", ", "[", "]");
        for (long[] part : parts) {
            StringJoiner e = new StringJoiner(", ", "[", "]");
            for (long b : part) {
                e.add(String.format("0x%x", b & mask()));
            }
            p.add(e.toString());
        }
        return dtype.numpyName() + "×" + width + (opaque ? " (opaque input)" : "") + " parts (raw bits) " + p + ", order "
                + Arrays.toString(order) + ", encode rows [" + from + ", " + to + ")";
    }

    private long mask() {
        return dtype.byteSize() == 8 ? -1L : (1L << (dtype.byteSize() * 8)) - 1;
    }

    /** Read access to a heap column without exposing its array. */
    private static final class Opaque implements Column {

        private final Column inner;

        Opaque(Column inner) {
            this.inner = inner;
        }

        @Override
        public DType dtype() {
            return inner.dtype();
        }

        @Override
        public int width() {
            return inner.width();
        }

        @Override
        public long rows() {
            return inner.rows();
        }

        @Override
        public float getFloat(long index) {
            return inner.getFloat(index);
        }

        @Override
        public double getDouble(long index) {
            return inner.getDouble(index);
        }

        @Override
        public long getLong(long index) {
            return inner.getLong(index);
        }
    }
}
