package io.zagg.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Columns over on-heap Java arrays: the representation of the {@code PLAIN} carrier, and the
 * simplest way to hand values to a kernel. The array is adopted, not copied.
 */
public final class Columns {

    private Columns() {
    }

    /** Wraps a Java primitive array ({@code byte[] short[] int[] long[] float[] double[]}) as a column of {@code dtype}. */
    public static MutableColumn wrap(Object array, DType dtype, int width) {
        Objects.requireNonNull(array, "array");
        if (width < 1) {
            throw new IllegalArgumentException("width " + width + " must be at least 1");
        }
        MutableColumn c;
        if (array instanceof float[] && dtype == DType.FLOAT32) {
            c = new HeapColumn.OfFloat((float[]) array, width);
        } else if (array instanceof double[] && dtype == DType.FLOAT64) {
            c = new HeapColumn.OfDouble((double[]) array, width);
        } else if (array instanceof long[] && dtype.byteSize() == 8 && !dtype.isFloating()) {
            c = new HeapColumn.OfLong((long[]) array, dtype, width);
        } else if (array instanceof int[] && dtype.byteSize() == 4 && !dtype.isFloating()) {
            c = new HeapColumn.OfInt((int[]) array, dtype, width);
        } else if (array instanceof short[] && dtype.byteSize() == 2) {
            c = new HeapColumn.OfShort((short[]) array, dtype, width);
        } else if (array instanceof byte[] && dtype.byteSize() == 1) {
            c = new HeapColumn.OfByte((byte[]) array, dtype, width);
        } else {
            throw new IllegalArgumentException("a " + array.getClass().getSimpleName() + " cannot hold " + dtype.numpyName());
        }
        if (HeapColumn.length(array) % width != 0) {
            throw new IllegalArgumentException("array length " + HeapColumn.length(array) + " is not a multiple of width " + width);
        }
        return c;
    }

    public static MutableColumn of(float... values) {
        return wrap(values, DType.FLOAT32, 1);
    }

    public static MutableColumn of(double... values) {
        return wrap(values, DType.FLOAT64, 1);
    }

    /** A zero-filled column of {@code rows × width} elements of {@code dtype}. */
    public static MutableColumn allocate(DType dtype, int rows, int width) {
        int n = Math.multiplyExact(rows, width);
        switch (dtype.byteSize()) {
            case 1: return wrap(new byte[n], dtype, width);
            case 2: return wrap(new short[n], dtype, width);
            case 4: return dtype.isFloating() ? wrap(new float[n], dtype, width) : wrap(new int[n], dtype, width);
            default: return dtype.isFloating() ? wrap(new double[n], dtype, width) : wrap(new long[n], dtype, width);
        }
    }

    /** The Java array behind a column made here, or {@code null} for any other column. */
    public static Object arrayOf(Column column) {
        return column instanceof HeapColumn ? ((HeapColumn) column).array() : null;
    }

    /**
     * Copies {@code count} elements (flat indices) between two columns of the same dtype through
     * their accessors, keeping every value exactly (integers as raw bits, floats as floats).
     * The slow path for columns that are not the copying carrier's own.
     */
    public static void copy(Column source, long sourceIndex, MutableColumn target, long targetIndex, long count) {
        if (source.dtype() != target.dtype()) {
            throw new IllegalArgumentException("cannot copy " + source.dtype().numpyName() + " elements into a "
                    + target.dtype().numpyName() + " column");
        }
        switch (source.dtype()) {
            case FLOAT32:
                for (long i = 0; i < count; i++) {
                    target.setFloat(targetIndex + i, source.getFloat(sourceIndex + i));
                }
                break;
            case FLOAT64:
                for (long i = 0; i < count; i++) {
                    target.setDouble(targetIndex + i, source.getDouble(sourceIndex + i));
                }
                break;
            default:
                for (long i = 0; i < count; i++) {
                    target.setLong(targetIndex + i, source.getLong(sourceIndex + i));
                }
        }
    }

    /**
     * Writes elements {@code [from, from + count)} of a Java primitive array into {@code target}
     * at its position as little-endian bytes, bit for bit (NaN payloads included), in one bulk
     * pass, and advances the position. The target's own byte order is left alone.
     */
    public static void writeLittleEndian(Object array, int from, int count, ByteBuffer target) {
        ByteBuffer le = target.slice().order(ByteOrder.LITTLE_ENDIAN);
        int size;
        if (array instanceof double[]) {
            le.asDoubleBuffer().put((double[]) array, from, count);
            size = 8;
        } else if (array instanceof long[]) {
            le.asLongBuffer().put((long[]) array, from, count);
            size = 8;
        } else if (array instanceof float[]) {
            le.asFloatBuffer().put((float[]) array, from, count);
            size = 4;
        } else if (array instanceof int[]) {
            le.asIntBuffer().put((int[]) array, from, count);
            size = 4;
        } else if (array instanceof short[]) {
            le.asShortBuffer().put((short[]) array, from, count);
            size = 2;
        } else if (array instanceof byte[]) {
            le.put((byte[]) array, from, count);
            size = 1;
        } else {
            throw new IllegalArgumentException("not a Java primitive array of a column dtype: " + array.getClass().getSimpleName());
        }
        target.position(target.position() + count * size);
    }

    static UnsupportedOperationException notApplicable(String accessor, DType dtype) {
        return new UnsupportedOperationException(accessor + " does not apply to a " + dtype.numpyName() + " column");
    }

    /** {@code "float32"} for a plain column, {@code "int8×5"} for one of width 5. */
    public static String describe(Column column) {
        return column.dtype().numpyName() + (column.width() == 1 ? "" : "×" + column.width());
    }

    /**
     * A uint64's raw bits as the nearest double, rounded exactly as numpy's uint64 → float64
     * cast (for words ≥ 2^63, which a signed conversion would make negative).
     */
    public static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // halve with the lost bit kept as a sticky bit so the one rounding step is exact, then double
        double d = (double) (bits >>> 1 | (bits & 1));
        return d * 2.0;
    }
}
