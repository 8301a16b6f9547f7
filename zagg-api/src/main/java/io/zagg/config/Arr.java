package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;

/**
 * A 1-D numpy array: a run of rows of a shard column (read in place, never copied) or the
 * result of an operation (held in a Java array of the result type).
 */
abstract sealed class Arr implements Numeric {

    /** A float32 or float64 array as the column run the numeric kernels read. */
    record Run(Column column, long start, long end) {
    }

    /** The array as a run of a float32/float64 column, for the kernels of {@link NumpyFunctions}. */
    abstract Run run();

    /** Element {@code i} as a scalar of the array's type. */
    Scalar get(int i) {
        NumType t = type();
        if (t.isFloat()) {
            return Scalar.ofFloat(t, f64(i));
        }
        return t == NumType.BOOL ? Scalar.ofBool(truth(i)) : Scalar.ofInt(t, i64(i));
    }

    /** The array's elements as a column of their own dtype ({@code bool} as uint8 0/1), copied only if computed. */
    abstract Run toColumn();

    static Arr of(float[] a) {
        return new Floats(a);
    }

    static Arr of(double[] a) {
        return new Doubles(a);
    }

    static Arr of(NumType type, long[] a) {
        return new Longs(type, a);
    }

    static Arr of(boolean[] a) {
        return new Bools(a);
    }

    /**
     * The rows {@code [start, start + n)} of a one-element-per-row column.
     *
     * @throws EvaluationException for a column with several elements per row
     */
    static Arr ofColumn(String name, Column column, long start, int n) {
        if (column.width() != 1) {
            throw new EvaluationException("column '" + name + "' has " + column.width()
                    + " values per row; expressions read 1-D columns only");
        }
        return new OfColumn(column, start, n);
    }

    /** Rows of a shard column, read in place. */
    static final class OfColumn extends Arr {
        private final Column column;
        private final long start;
        private final int n;
        private final NumType type;

        OfColumn(Column column, long start, int n) {
            this.column = column;
            this.start = start;
            this.n = n;
            this.type = NumType.of(column.dtype());
        }

        @Override
        public NumType type() {
            return type;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public float f32(int i) {
            return type == NumType.FLOAT32 ? column.getFloat(start + i)
                    : type.isFloat() ? (float) column.getDouble(start + i) : Numeric.longToFloat(column.getLong(start + i), type);
        }

        @Override
        public double f64(int i) {
            return column.getDouble(start + i);
        }

        @Override
        public long i64(int i) {
            return column.getLong(start + i);
        }

        @Override
        public boolean truth(int i) {
            return type.isFloat() ? column.getDouble(start + i) != 0 : column.getLong(start + i) != 0;
        }

        @Override
        Run run() {
            return new Run(column, start, start + n);
        }

        @Override
        Run toColumn() {
            return run();
        }
    }

    static final class Floats extends Arr {
        final float[] a;

        Floats(float[] a) {
            this.a = a;
        }

        @Override
        public NumType type() {
            return NumType.FLOAT32;
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public float f32(int i) {
            return a[i];
        }

        @Override
        public double f64(int i) {
            return a[i];
        }

        @Override
        public long i64(int i) {
            throw new IllegalStateException("a float array has no integer values");
        }

        @Override
        public boolean truth(int i) {
            return a[i] != 0;
        }

        @Override
        Run run() {
            return new Run(Columns.of(a), 0, a.length);
        }

        @Override
        Run toColumn() {
            return run();
        }
    }

    static final class Doubles extends Arr {
        final double[] a;

        Doubles(double[] a) {
            this.a = a;
        }

        @Override
        public NumType type() {
            return NumType.FLOAT64;
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public float f32(int i) {
            return (float) a[i];
        }

        @Override
        public double f64(int i) {
            return a[i];
        }

        @Override
        public long i64(int i) {
            throw new IllegalStateException("a float array has no integer values");
        }

        @Override
        public boolean truth(int i) {
            return a[i] != 0;
        }

        @Override
        Run run() {
            return new Run(Columns.of(a), 0, a.length);
        }

        @Override
        Run toColumn() {
            return run();
        }
    }

    /** Integers of any width, held sign- or zero-extended (uint64: raw bits). */
    static final class Longs extends Arr {
        final NumType type;
        final long[] a;

        Longs(NumType type, long[] a) {
            this.type = type;
            this.a = a;
        }

        @Override
        public NumType type() {
            return type;
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public float f32(int i) {
            return Numeric.longToFloat(a[i], type);
        }

        @Override
        public double f64(int i) {
            return Numeric.longToDouble(a[i], type);
        }

        @Override
        public long i64(int i) {
            return a[i];
        }

        @Override
        public boolean truth(int i) {
            return a[i] != 0;
        }

        @Override
        Run run() {
            throw new IllegalStateException("integer arrays are converted to float64 before a kernel reads them");
        }

        @Override
        Run toColumn() {
            DType d = type.dtype();
            Object array;
            switch (d.byteSize()) {
                case 1: {
                    byte[] b = new byte[a.length];
                    for (int i = 0; i < a.length; i++) {
                        b[i] = (byte) a[i];
                    }
                    array = b;
                    break;
                }
                case 2: {
                    short[] s = new short[a.length];
                    for (int i = 0; i < a.length; i++) {
                        s[i] = (short) a[i];
                    }
                    array = s;
                    break;
                }
                case 4: {
                    int[] v = new int[a.length];
                    for (int i = 0; i < a.length; i++) {
                        v[i] = (int) a[i];
                    }
                    array = v;
                    break;
                }
                default:
                    array = a;
            }
            return new Run(Columns.wrap(array, d, 1), 0, a.length);
        }
    }

    static final class Bools extends Arr {
        final boolean[] a;

        Bools(boolean[] a) {
            this.a = a;
        }

        @Override
        public NumType type() {
            return NumType.BOOL;
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public float f32(int i) {
            return a[i] ? 1f : 0f;
        }

        @Override
        public double f64(int i) {
            return a[i] ? 1.0 : 0.0;
        }

        @Override
        public long i64(int i) {
            return a[i] ? 1 : 0;
        }

        @Override
        public boolean truth(int i) {
            return a[i];
        }

        @Override
        Run run() {
            throw new IllegalStateException("boolean arrays are converted before a kernel reads them");
        }

        @Override
        Run toColumn() {
            byte[] b = new byte[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = (byte) (a[i] ? 1 : 0);
            }
            return new Run(Columns.wrap(b, DType.UINT8, 1), 0, a.length);
        }
    }
}
