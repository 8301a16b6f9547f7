package io.zagg.spi;

import java.lang.reflect.Array;

/** The column implementations behind {@link Columns}: one per Java primitive array type. */
abstract class HeapColumn implements MutableColumn {

    private final DType dtype;
    private final int width;
    private final long rows;

    HeapColumn(DType dtype, int width, int length) {
        this.dtype = dtype;
        this.width = width;
        this.rows = length / width;
    }

    static int length(Object array) {
        return Array.getLength(array);
    }

    abstract Object array();

    @Override
    public final DType dtype() {
        return dtype;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final long rows() {
        return rows;
    }

    /** Doubles the copied prefix: {@code System.arraycopy} takes every primitive array alike. */
    @Override
    public final void repeatFirst(long count) {
        if (count > rows * width) {
            throw new IndexOutOfBoundsException("repeat the first of " + rows * width + " elements " + count + " times");
        }
        Object a = array();
        for (int done = 1; done < count; done *= 2) {
            System.arraycopy(a, 0, a, done, (int) Math.min(done, count - done));
        }
    }

    static final class OfFloat extends HeapColumn {
        private final float[] a;

        OfFloat(float[] a, int width) {
            super(DType.FLOAT32, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public float getFloat(long i) {
            return a[(int) i];
        }

        @Override
        public double getDouble(long i) {
            return a[(int) i];
        }

        @Override
        public void setFloat(long i, float v) {
            a[(int) i] = v;
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = (float) v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = (float) v;
        }
    }

    static final class OfDouble extends HeapColumn {
        private final double[] a;

        OfDouble(double[] a, int width) {
            super(DType.FLOAT64, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public double getDouble(long i) {
            return a[(int) i];
        }

        @Override
        public void setFloat(long i, float v) {
            a[(int) i] = v;
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = v;
        }
    }

    static final class OfLong extends HeapColumn {
        private final long[] a;

        OfLong(long[] a, DType dtype, int width) {
            super(dtype, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public double getDouble(long i) {
            long v = a[(int) i];
            return dtype() == DType.UINT64 && v < 0 ? Columns.unsignedToDouble(v) : v;
        }

        @Override
        public long getLong(long i) {
            return a[(int) i];
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = (long) v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = v;
        }
    }

    static final class OfInt extends HeapColumn {
        private final int[] a;

        OfInt(int[] a, DType dtype, int width) {
            super(dtype, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public double getDouble(long i) {
            return getLong(i);
        }

        @Override
        public long getLong(long i) {
            int v = a[(int) i];
            return dtype().isSigned() ? v : Integer.toUnsignedLong(v);
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = (int) (long) v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = (int) v;
        }
    }

    static final class OfShort extends HeapColumn {
        private final short[] a;

        OfShort(short[] a, DType dtype, int width) {
            super(dtype, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public double getDouble(long i) {
            return getLong(i);
        }

        @Override
        public long getLong(long i) {
            short v = a[(int) i];
            return dtype().isSigned() ? v : Short.toUnsignedLong(v);
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = (short) (long) v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = (short) v;
        }
    }

    static final class OfByte extends HeapColumn {
        private final byte[] a;

        OfByte(byte[] a, DType dtype, int width) {
            super(dtype, width, a.length);
            this.a = a;
        }

        @Override
        Object array() {
            return a;
        }

        @Override
        public double getDouble(long i) {
            return getLong(i);
        }

        @Override
        public long getLong(long i) {
            byte v = a[(int) i];
            return dtype().isSigned() ? v : Byte.toUnsignedLong(v);
        }

        @Override
        public void setDouble(long i, double v) {
            a[(int) i] = (byte) (long) v;
        }

        @Override
        public void setLong(long i, long v) {
            a[(int) i] = (byte) v;
        }
    }

}
