package io.zagg.arrow;

import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A column held in an Arrow vector: a fixed-width vector of the dtype, or for a width above 1 a
 * {@link FixedSizeListVector} over one. The accessors read and write the values' {@link ArrowBuf}
 * directly ({@code getFloat(index * 4L)}), converting exactly as {@link Columns}' heap columns do.
 * Every row is marked valid, so a C Data consumer sees no nulls.
 */
abstract class ArrowColumn implements MutableColumn {

    /** The vector handed to C Data and closed on free: the values vector, or the list over it. */
    final FieldVector vector;
    /** The values, row-major, little-endian. Never reallocated: columns do not grow. */
    final ArrowBuf data;
    private final DType dtype;
    private final int width;
    private final long rows;

    ArrowColumn(FieldVector vector, ArrowBuf data, DType dtype, int width, long rows) {
        this.vector = vector;
        this.data = data;
        this.dtype = dtype;
        this.width = width;
        this.rows = rows;
    }

    /** A zero-filled, all-valid column from {@code allocator}. */
    static ArrowColumn allocate(BufferAllocator allocator, DType dtype, long rows, int width) {
        long elements = rows * width;
        if (rows > Integer.MAX_VALUE || elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an Arrow vector holds at most " + Integer.MAX_VALUE + " values; a column of "
                    + rows + " rows × " + width + " has " + elements);
        }
        FieldType valueType = FieldType.notNullable(arrowType(dtype));
        BaseFixedWidthVector values;
        FieldVector top;
        if (width == 1) {
            values = (BaseFixedWidthVector) valueType.createNewSingleVector("values", allocator, null);
            top = values;
            values.allocateNew((int) rows);
        } else {
            FixedSizeListVector list = new FixedSizeListVector(
                    new Field("values", FieldType.notNullable(new ArrowType.FixedSizeList(width)), null), allocator, null);
            top = list;
            try {
                values = (BaseFixedWidthVector) list.addOrGetVector(valueType).getVector();
                list.setInitialCapacity((int) rows);
                list.allocateNew();
            } catch (RuntimeException e) {
                list.close();
                throw e;
            }
            markValid(list.getValidityBuffer(), rows);
        }
        markValid(values.getValidityBuffer(), elements);
        top.setValueCount((int) rows);
        return wrap(top, values.getDataBuffer(), dtype, width, rows);
    }

    private static void markValid(ArrowBuf validity, long count) {
        validity.setOne(0L, (count + 7) / 8);
    }

    private static ArrowColumn wrap(FieldVector vector, ArrowBuf data, DType dtype, int width, long rows) {
        switch (dtype) {
            case FLOAT32: return new OfFloat(vector, data, width, rows);
            case FLOAT64: return new OfDouble(vector, data, width, rows);
            default:
                return dtype.byteSize() == 8 ? new OfLong(vector, data, dtype, width, rows) : new OfNarrowInt(vector, data, dtype, width, rows);
        }
    }

    static ArrowType arrowType(DType dtype) {
        switch (dtype) {
            case FLOAT32: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            default: return new ArrowType.Int(dtype.byteSize() * 8, dtype.isSigned());
        }
    }

    @Override
    public final DType dtype() {
        return dtype;
    }

    /** Doubles the copied prefix until it covers {@code count} elements: a dozen copies of native memory for 4,096. */
    @Override
    public final void repeatFirst(long count) {
        if (count > rows * width) {
            throw new IndexOutOfBoundsException("repeat the first of " + rows * width + " elements " + count + " times");
        }
        long bytes = count * dtype.byteSize();
        for (long done = dtype.byteSize(); done < bytes; done *= 2) {
            data.setBytes(done, data, 0, Math.min(done, bytes - done));
        }
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final long rows() {
        return rows;
    }

    static final class OfFloat extends ArrowColumn {

        OfFloat(FieldVector vector, ArrowBuf data, int width, long rows) {
            super(vector, data, DType.FLOAT32, width, rows);
        }

        @Override
        public float getFloat(long i) {
            return data.getFloat(i * 4L);
        }

        @Override
        public double getDouble(long i) {
            return data.getFloat(i * 4L);
        }

        @Override
        public void setFloat(long i, float v) {
            data.setFloat(i * 4L, v);
        }

        @Override
        public void setDouble(long i, double v) {
            data.setFloat(i * 4L, (float) v);
        }

        @Override
        public void setLong(long i, long v) {
            data.setFloat(i * 4L, (float) v);
        }
    }

    static final class OfDouble extends ArrowColumn {

        OfDouble(FieldVector vector, ArrowBuf data, int width, long rows) {
            super(vector, data, DType.FLOAT64, width, rows);
        }

        @Override
        public double getDouble(long i) {
            return data.getDouble(i * 8L);
        }

        @Override
        public void setFloat(long i, float v) {
            data.setDouble(i * 8L, v);
        }

        @Override
        public void setDouble(long i, double v) {
            data.setDouble(i * 8L, v);
        }

        @Override
        public void setLong(long i, long v) {
            data.setDouble(i * 8L, v);
        }
    }

    static final class OfLong extends ArrowColumn {

        OfLong(FieldVector vector, ArrowBuf data, DType dtype, int width, long rows) {
            super(vector, data, dtype, width, rows);
        }

        @Override
        public double getDouble(long i) {
            long v = data.getLong(i * 8L);
            return dtype() == DType.UINT64 ? Columns.unsignedToDouble(v) : v;
        }

        @Override
        public long getLong(long i) {
            return data.getLong(i * 8L);
        }

        @Override
        public void setDouble(long i, double v) {
            data.setLong(i * 8L, (long) v);
        }

        @Override
        public void setLong(long i, long v) {
            data.setLong(i * 8L, v);
        }
    }

    /** int8 to uint32: read at the element's size, then sign- or zero-extended. */
    static final class OfNarrowInt extends ArrowColumn {

        private final int size;
        private final boolean signed;

        OfNarrowInt(FieldVector vector, ArrowBuf data, DType dtype, int width, long rows) {
            super(vector, data, dtype, width, rows);
            this.size = dtype.byteSize();
            this.signed = dtype.isSigned();
        }

        @Override
        public double getDouble(long i) {
            return getLong(i);
        }

        @Override
        public long getLong(long i) {
            switch (size) {
                case 1: {
                    byte v = data.getByte(i);
                    return signed ? v : Byte.toUnsignedLong(v);
                }
                case 2: {
                    short v = data.getShort(i * 2L);
                    return signed ? v : Short.toUnsignedLong(v);
                }
                default: {
                    int v = data.getInt(i * 4L);
                    return signed ? v : Integer.toUnsignedLong(v);
                }
            }
        }

        @Override
        public void setDouble(long i, double v) {
            setLong(i, (long) v);
        }

        @Override
        public void setLong(long i, long v) {
            switch (size) {
                case 1: data.setByte(i, (byte) v); break;
                case 2: data.setShort(i * 2L, (short) v); break;
                default: data.setInt(i * 4L, (int) v);
            }
        }
    }
}
