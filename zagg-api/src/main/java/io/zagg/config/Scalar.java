package io.zagg.config;

/**
 * A numpy scalar (0-d value) or, when {@code weak}, a Python {@code int}/{@code float}: NEP 50
 * lets a weak value take the type of the array or numpy scalar it meets, so {@code 1.0 / s**2}
 * stays float32. Floats are held in {@code d} (float32 values exactly), integers and bools in
 * {@code l}.
 */
record Scalar(NumType type, boolean weak, double d, long l) implements Numeric {

    static Scalar ofFloat(NumType type, double v) {
        return new Scalar(type, false, type == NumType.FLOAT32 ? (double) (float) v : v, 0);
    }

    static Scalar ofInt(NumType type, long v) {
        return new Scalar(type, false, 0, type.wrap(v));
    }

    static Scalar ofBool(boolean v) {
        return new Scalar(NumType.BOOL, false, 0, v ? 1 : 0);
    }

    /** A Python float. */
    static Scalar pyFloat(double v) {
        return new Scalar(NumType.FLOAT64, true, v, 0);
    }

    /** A Python int. */
    static Scalar pyInt(long v) {
        return new Scalar(NumType.INT64, true, 0, v);
    }

    /** The same value as a numpy scalar: what numpy functions make of a Python number. */
    Scalar strong() {
        return weak ? new Scalar(type, false, d, l) : this;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public float f32(int i) {
        return type.isFloat() ? (float) d : Numeric.longToFloat(l, type);
    }

    @Override
    public double f64(int i) {
        return type.isFloat() ? d : Numeric.longToDouble(l, type);
    }

    @Override
    public long i64(int i) {
        if (type.isFloat()) {
            throw new IllegalStateException("a float scalar has no integer value");
        }
        return l;
    }

    @Override
    public boolean truth(int i) {
        return type.isFloat() ? d != 0 : l != 0;
    }

    /** The value as Python's {@code float(x)} gives it. */
    double toDouble() {
        return f64(0);
    }

    /** numpy's {@code str} of the scalar (Python's for a weak one). */
    @Override
    public String toString() {
        if (type.isFloat()) {
            return PyRepr.number(d, type == NumType.FLOAT32);
        }
        if (type == NumType.BOOL) {
            return l != 0 ? "True" : "False";
        }
        return type == NumType.UINT64 ? Long.toUnsignedString(l) : Long.toString(l);
    }
}
