package io.zagg.grid;

/**
 * fdlibm's {@code cos} (s_cos.c with {@code __kernel_cos}, {@code __kernel_sin} and the small and
 * medium cases of {@code __ieee754_rem_pio2}, fdlibm 5.3) in plain Java, for the colatitudes
 * HEALPix hashes, {@code 0 ≤ |x| ≤ π} and a little beyond: the same bits as
 * {@link StrictMath#cos}, which on JDK 17 is a native call costing twice the arithmetic (16.5 ns
 * against 7 ns for {@link Math#cos} here, whose last bit differs from fdlibm's for one argument in
 * thirty). Larger arguments, never a colatitude, go to {@link StrictMath#cos}.
 *
 * <pre>
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 * </pre>
 *
 * Method: reduce x to y0 + y1 = x - n·π/2 with |y0 + y1| ≤ π/4 (π/2 in pieces of 33 bits, so the
 * products with n are exact), then cos(x) is ±cos(y) or ±sin(y) by n mod 4, each a polynomial
 * on [-π/4, π/4] with y1 as a correction term.
 */
final class FdlibmCos {

    private static final double ONE = 1.0;
    private static final double HALF = 0.5;
    private static final double C1 = 4.16666666666666019037e-02; // 0x3FA555555555554C
    private static final double C2 = -1.38888888888741095749e-03; // 0xBF56C16C16C15177
    private static final double C3 = 2.48015872894767294178e-05; // 0x3EFA01A019CB1590
    private static final double C4 = -2.75573143513906633035e-07; // 0xBE927E4F809C52AD
    private static final double C5 = 2.08757232129817482790e-09; // 0x3E21EE9EBDB4B1C4
    private static final double C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9BE8838D4
    private static final double S1 = -1.66666666666666324348e-01; // 0xBFC5555555555549
    private static final double S2 = 8.33333333332248946124e-03; // 0x3F8111111110F8A6
    private static final double S3 = -1.98412698298579493134e-04; // 0xBF2A01A019C161D5
    private static final double S4 = 2.75573137070700676789e-06; // 0x3EC71DE357B1FE7D
    private static final double S5 = -2.50507602534068634195e-08; // 0xBE5AE5E68A2B9CEB
    private static final double S6 = 1.58969099521155010221e-10; // 0x3DE5D93A5ACFD57C
    private static final double INV_PIO2 = 6.36619772367581382433e-01; // 0x3FE45F306DC9C883
    private static final double PIO2_1 = 1.57079632673412561417e+00; // 0x3FF921FB54400000
    private static final double PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B4611A626331
    private static final double PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B4611A600000
    private static final double PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A2E037073
    private static final double PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A2E000000
    private static final double PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A252049C1
    /** The high word of π: fdlibm's {@code npio2_hw[1]}, where n = 2 needs the careful reduction. */
    private static final int PI_HIGH_WORD = 0x400921FB;

    private FdlibmCos() {
    }

    static double cos(double x) {
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix <= 0x3fe921fb) { // |x| ~<= π/4
            return kernelCos(x, 0.0);
        }
        double y0;
        double y1;
        int n;
        if (ix < 0x4002d97c) { // |x| < 3π/4: n = ±1
            double z;
            if (hx > 0) {
                z = x - PIO2_1;
                if (ix != 0x3ff921fb) { // 33+53 bit π is good enough
                    y0 = z - PIO2_1T;
                    y1 = (z - y0) - PIO2_1T;
                } else { // near π/2: 33+33+53 bit π
                    z -= PIO2_2;
                    y0 = z - PIO2_2T;
                    y1 = (z - y0) - PIO2_2T;
                }
                n = 1;
            } else {
                z = x + PIO2_1;
                if (ix != 0x3ff921fb) {
                    y0 = z + PIO2_1T;
                    y1 = (z - y0) + PIO2_1T;
                } else {
                    z += PIO2_2;
                    y0 = z + PIO2_2T;
                    y1 = (z - y0) + PIO2_2T;
                }
                n = -1;
            }
        } else {
            double t = Math.abs(x);
            n = (int) (t * INV_PIO2 + HALF);
            if (n != 2 || ix >= 0x7ff00000) {
                return StrictMath.cos(x); // beyond 5π/4, or not finite: no colatitude
            }
            double fn = n;
            double r = t - fn * PIO2_1;
            double w = fn * PIO2_1T; // first round good to 85 bits
            y0 = r - w;
            if (ix == PI_HIGH_WORD) { // near π: check for cancellation, as fdlibm does
                int j = ix >> 20;
                int i = j - ((highWord(y0) >> 20) & 0x7ff);
                if (i > 16) { // second round, good to 118 bits
                    t = r;
                    w = fn * PIO2_2;
                    r = t - w;
                    w = fn * PIO2_2T - ((t - r) - w);
                    y0 = r - w;
                    i = j - ((highWord(y0) >> 20) & 0x7ff);
                    if (i > 49) { // third round, 151 bits
                        t = r;
                        w = fn * PIO2_3;
                        r = t - w;
                        w = fn * PIO2_3T - ((t - r) - w);
                        y0 = r - w;
                    }
                }
            }
            y1 = (r - y0) - w;
            if (hx < 0) {
                y0 = -y0;
                y1 = -y1;
                n = -n;
            }
        }
        switch (n & 3) {
            case 0:
                return kernelCos(y0, y1);
            case 1:
                return -kernelSin(y0, y1);
            case 2:
                return -kernelCos(y0, y1);
            default:
                return kernelSin(y0, y1);
        }
    }

    /** {@code __kernel_cos}: cos(x + y) for |x| ≤ π/4, y a correction to x. */
    private static double kernelCos(double x, double y) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x3e400000) { // |x| < 2^-27
            return ONE;
        }
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333) { // |x| < 0.3
            return ONE - (0.5 * z - (z * r - x * y));
        }
        double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32); // x/4
        double hz = 0.5 * z - qx;
        double a = ONE - qx;
        return a - (hz - (z * r - x * y));
    }

    /** {@code __kernel_sin} with {@code iy = 1}: sin(x + y) for |x| ≤ π/4, y a correction to x. */
    private static double kernelSin(double x, double y) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x3e400000) { // |x| < 2^-27
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x - ((z * (HALF * y - v * r) - y) - v * S1);
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }
}
