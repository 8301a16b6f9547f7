package io.zagg.reduce;

/** Elementary functions as the expression language and the gain/bias waveform compute them. */
public final class NumpyMath {

    private static final double LN2 = Math.log(2.0);

    private NumpyMath() {
    }

    /**
     * {@code np.log2}: exact at powers of two (where {@code ceil} of it matters most), else
     * within an ulp of double; a float32 result is this rounded to float.
     */
    public static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) {
                return e;
            }
            if (e < Double.MIN_EXPONENT) {
                return log2(x * 0x1p64) - 64;
            }
        }
        return Math.log(x) / LN2;
    }
}
