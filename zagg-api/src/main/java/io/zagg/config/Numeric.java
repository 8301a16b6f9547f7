package io.zagg.config;

/**
 * A numeric value read element by element in any type: a scalar (which broadcasts) or a 1-D
 * array. The conversions are numpy's casts (round to nearest for floats, exact for integers).
 */
sealed interface Numeric extends Val permits Scalar, Arr {

    NumType type();

    /** Number of elements; a scalar has 1 and broadcasts. */
    int size();

    /** Element {@code i} cast to float32. */
    float f32(int i);

    /** Element {@code i} cast to float64. */
    double f64(int i);

    /** Element {@code i} of an integer or bool value as a long (uint64: the raw bits). */
    long i64(int i);

    /** Element {@code i} as a truth value (non-zero, NaN is true). */
    boolean truth(int i);

    static float longToFloat(long v, NumType t) {
        if (t == NumType.UINT64 && v < 0) {
            // round-to-odd halving keeps the single rounding of the unsigned value
            return (float) (v >>> 1 | (v & 1)) * 2f;
        }
        return (float) v;
    }

    static double longToDouble(long v, NumType t) {
        if (t == NumType.UINT64 && v < 0) {
            return (double) (v >>> 1 | (v & 1)) * 2.0;
        }
        return v;
    }
}
