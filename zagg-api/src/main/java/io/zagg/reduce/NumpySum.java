package io.zagg.reduce;

import io.zagg.spi.Column;

/**
 * numpy's {@code np.add.reduce} over a 1-D contiguous array, reproduced operation for operation
 * so that sums, means and variances are the same bits as numpy's.
 *
 * <p>Three numpy details matter and are all reproduced (checked against numpy 1.24 and 2.2.6):
 * <ul>
 *   <li>the reduction starts from the identity {@code 0}, not from the first element, so a sum of
 *       {@code -0.0} values is {@code +0.0};</li>
 *   <li>the reduction iterator hands the inner loop at most {@value #BUFFER} elements at a time
 *       (numpy's default buffer size) and adds each block's result to the running total in order:
 *       {@code ((0 + pw(b0)) + pw(b1)) + ...};</li>
 *   <li>inside a block, numpy's {@code pairwise_sum}: below 8 elements a sequential sum; up to 128
 *       eight accumulators combined as {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))} plus the
 *       leftovers; above 128 a split at {@code n/2} rounded down to a multiple of 8.</li>
 * </ul>
 * Every addition of the float32 form is a float32 addition.
 */
public final class NumpySum {

    /** numpy's default reduction buffer size ({@code np.getbufsize()}). */
    static final int BUFFER = 8192;
    private static final int BLOCK = 128;
    // one numpy buffer per thread: the column forms copy each block here, as numpy's iterator does
    private static final ThreadLocal<float[]> FLOAT_BLOCK = ThreadLocal.withInitial(() -> new float[BUFFER]);
    private static final ThreadLocal<double[]> DOUBLE_BLOCK = ThreadLocal.withInitial(() -> new double[BUFFER]);

    private NumpySum() {
    }

    /** {@code np.sum} of the float32 elements {@code a[from, to)}. */
    public static float sum(float[] a, int from, int to) {
        float res = 0f;
        for (int i = from; i < to; i += BUFFER) {
            res += pairwise(a, i, Math.min(BUFFER, to - i));
        }
        return res;
    }

    /** {@code np.sum} of the float64 elements {@code a[from, to)}. */
    public static double sum(double[] a, int from, int to) {
        double res = 0d;
        for (int i = from; i < to; i += BUFFER) {
            res += pairwise(a, i, Math.min(BUFFER, to - i));
        }
        return res;
    }

    /** {@code np.sum} of the float32 elements {@code [from, to)} of a column, read block by block. */
    public static float sumFloat(Column c, long from, long to) {
        float[] block = FLOAT_BLOCK.get();
        float res = 0f;
        for (long i = from; i < to; i += BUFFER) {
            int n = (int) Math.min(BUFFER, to - i);
            for (int k = 0; k < n; k++) {
                block[k] = c.getFloat(i + k);
            }
            res += pairwise(block, 0, n);
        }
        return res;
    }

    /** {@code np.sum} of the elements {@code [from, to)} of a column as float64, read block by block. */
    public static double sumDouble(Column c, long from, long to) {
        double[] block = DOUBLE_BLOCK.get();
        double res = 0d;
        for (long i = from; i < to; i += BUFFER) {
            int n = (int) Math.min(BUFFER, to - i);
            for (int k = 0; k < n; k++) {
                block[k] = c.getDouble(i + k);
            }
            res += pairwise(block, 0, n);
        }
        return res;
    }

    private static float pairwise(float[] a, int start, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = start; i < start + n; i++) {
                res += a[i];
            }
            return res;
        }
        if (n <= BLOCK) {
            float r0 = a[start];
            float r1 = a[start + 1];
            float r2 = a[start + 2];
            float r3 = a[start + 3];
            float r4 = a[start + 4];
            float r5 = a[start + 5];
            float r6 = a[start + 6];
            float r7 = a[start + 7];
            int limit = start + n - n % 8;
            int i;
            for (i = start + 8; i < limit; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < start + n; i++) {
                res += a[i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
    }

    private static double pairwise(double[] a, int start, int n) {
        if (n < 8) {
            double res = 0d;
            for (int i = start; i < start + n; i++) {
                res += a[i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[start];
            double r1 = a[start + 1];
            double r2 = a[start + 2];
            double r3 = a[start + 3];
            double r4 = a[start + 4];
            double r5 = a[start + 5];
            double r6 = a[start + 6];
            double r7 = a[start + 7];
            int limit = start + n - n % 8;
            int i;
            for (i = start + 8; i < limit; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < start + n; i++) {
                res += a[i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
    }
}
