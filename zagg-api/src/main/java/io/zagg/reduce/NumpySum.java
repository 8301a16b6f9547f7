package io.zagg.reduce;

import io.zagg.spi.Column;

/**
 * numpy's pairwise summation ({@code pairwise_sum} in numpy's loops), reproduced operation for
 * operation so that sums, means and variances are the same bits as numpy's.
 *
 * <p>Below 8 elements the sum is sequential; up to 128 it uses eight accumulators combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))} plus the leftovers; above 128 it splits at
 * {@code n/2} rounded down to a multiple of 8 and recurses. Every addition of the float32 form
 * is a float32 addition.
 */
public final class NumpySum {

    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** The float32 pairwise sum of elements {@code [start, end)} of a float32 column. */
    public static float sumFloat(Column c, long start, long end) {
        long n = end - start;
        if (n < 8) {
            float res = 0f;
            for (long i = start; i < end; i++) {
                res += c.getFloat(i);
            }
            return res;
        }
        if (n <= BLOCK) {
            float r0 = c.getFloat(start);
            float r1 = c.getFloat(start + 1);
            float r2 = c.getFloat(start + 2);
            float r3 = c.getFloat(start + 3);
            float r4 = c.getFloat(start + 4);
            float r5 = c.getFloat(start + 5);
            float r6 = c.getFloat(start + 6);
            float r7 = c.getFloat(start + 7);
            long limit = n - n % 8;
            long i;
            for (i = 8; i < limit; i += 8) {
                long p = start + i;
                r0 += c.getFloat(p);
                r1 += c.getFloat(p + 1);
                r2 += c.getFloat(p + 2);
                r3 += c.getFloat(p + 3);
                r4 += c.getFloat(p + 4);
                r5 += c.getFloat(p + 5);
                r6 += c.getFloat(p + 6);
                r7 += c.getFloat(p + 7);
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += c.getFloat(start + i);
            }
            return res;
        }
        long n2 = n / 2;
        n2 -= n2 % 8;
        return sumFloat(c, start, start + n2) + sumFloat(c, start + n2, end);
    }

    /** The float64 pairwise sum of elements {@code [start, end)} of any numeric column. */
    public static double sumDouble(Column c, long start, long end) {
        long n = end - start;
        if (n < 8) {
            double res = 0d;
            for (long i = start; i < end; i++) {
                res += c.getDouble(i);
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = c.getDouble(start);
            double r1 = c.getDouble(start + 1);
            double r2 = c.getDouble(start + 2);
            double r3 = c.getDouble(start + 3);
            double r4 = c.getDouble(start + 4);
            double r5 = c.getDouble(start + 5);
            double r6 = c.getDouble(start + 6);
            double r7 = c.getDouble(start + 7);
            long limit = n - n % 8;
            long i;
            for (i = 8; i < limit; i += 8) {
                long p = start + i;
                r0 += c.getDouble(p);
                r1 += c.getDouble(p + 1);
                r2 += c.getDouble(p + 2);
                r3 += c.getDouble(p + 3);
                r4 += c.getDouble(p + 4);
                r5 += c.getDouble(p + 5);
                r6 += c.getDouble(p + 6);
                r7 += c.getDouble(p + 7);
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += c.getDouble(start + i);
            }
            return res;
        }
        long n2 = n / 2;
        n2 -= n2 % 8;
        return sumDouble(c, start, start + n2) + sumDouble(c, start + n2, end);
    }
}
