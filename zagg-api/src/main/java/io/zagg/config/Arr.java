package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;

/**
 * A 1-D numpy array: {@code n} rows of a column from {@code start}. A name in an expression is a
 * run of a shard column, read in place and never copied; an operation's result is a new heap
 * column of its dtype ({@code bool} held as uint8 0/1).
 */
final class Arr implements Numeric {

    /** A run of a column, as the kernels of {@link NumpyFunctions} and the reducers read values. */
    record Run(Column column, long start, long end) {
    }

    private final Column column;
    private final long start;
    private final int n;
    private final NumType type;

    private Arr(Column column, long start, int n, NumType type) {
        this.column = column;
        this.start = start;
        this.n = n;
        this.type = type;
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
        return new Arr(column, start, n, NumType.of(column.dtype()));
    }

    static Arr of(float[] a) {
        return new Arr(Columns.of(a), 0, a.length, NumType.FLOAT32);
    }

    static Arr of(double[] a) {
        return new Arr(Columns.of(a), 0, a.length, NumType.FLOAT64);
    }

    static Arr of(boolean[] a) {
        byte[] b = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = (byte) (a[i] ? 1 : 0);
        }
        return new Arr(Columns.wrap(b, DType.UINT8, 1), 0, a.length, NumType.BOOL);
    }

    /** Integers of {@code type}, given sign- or zero-extended (uint64: raw bits), stored in their own width. */
    static Arr of(NumType type, long[] a) {
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
        return new Arr(Columns.wrap(array, d, 1), 0, a.length, type);
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
        if (type.isFloat()) {
            throw new IllegalStateException("a float array has no integer values");
        }
        return column.getLong(start + i);
    }

    @Override
    public boolean truth(int i) {
        return type.isFloat() ? column.getDouble(start + i) != 0 : column.getLong(start + i) != 0;
    }

    /** Element {@code i} as a scalar of the array's type. */
    Scalar get(int i) {
        if (type.isFloat()) {
            return Scalar.ofFloat(type, f64(i));
        }
        return type == NumType.BOOL ? Scalar.ofBool(truth(i)) : Scalar.ofInt(type, i64(i));
    }

    /** The elements as a run of a column of their dtype ({@code bool}: uint8 0/1), without copying. */
    Run run() {
        return new Run(column, start, start + n);
    }
}
