package io.zagg.reduce;

/**
 * fdlibm's {@code __ieee754_asin} (e_asin.c, fdlibm 5.3) in plain Java: the same bits as
 * {@link StrictMath#asin}, which on JDK 17 is a native call costing far more than the
 * arithmetic. The t-digest evaluates it once per centroid boundary.
 *
 * <pre>
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 * </pre>
 *
 * Method: for |x| &lt; 0.5, asin(x) = x + x*x^2*R(x^2) with a rational R; for 0.5 ≤ |x| &lt; 1,
 * asin(x) = pi/2 - 2*asin(sqrt((1-|x|)/2)), evaluated with extra precision for the square root
 * below |x| = 0.975.
 */
final class FdlibmAsin {

    private static final double ONE = 1.00000000000000000000e+00;
    private static final double HUGE = 1.000e+300;
    private static final double PIO2_HI = 1.57079632679489655800e+00; // 0x3FF921FB54442D18
    private static final double PIO2_LO = 6.12323399573676603587e-17; // 0x3C91A62633145C07
    private static final double PIO4_HI = 7.85398163397448278999e-01; // 0x3FE921FB54442D18
    private static final double PS0 = 1.66666666666666657415e-01; // 0x3FC5555555555555
    private static final double PS1 = -3.25565818622400915405e-01; // 0xBFD4D61203EB6F7D
    private static final double PS2 = 2.01212532134862925881e-01; // 0x3FC9C1550E884455
    private static final double PS3 = -4.00555345006794114027e-02; // 0xBFA48228B5688F3B
    private static final double PS4 = 7.91534994289814532176e-04; // 0x3F49EFE07501B288
    private static final double PS5 = 3.47933107596021167570e-05; // 0x3F023DE10DFDF709
    private static final double QS1 = -2.40339491173441421878e+00; // 0xC0033A271C8A2D4B
    private static final double QS2 = 2.02094576023350569471e+00; // 0x40002AE59C598AC8
    private static final double QS3 = -6.88283971605453293030e-01; // 0xBFE6066C1B8D0159
    private static final double QS4 = 7.70381505559019352791e-02; // 0x3FB3B8C5B12E9282

    private FdlibmAsin() {
    }

    static double asin(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) { // |x| >= 1
            if (((ix - 0x3ff00000) | (int) bits) == 0) {
                return x * PIO2_HI + x * PIO2_LO; // asin(±1) = ±pi/2
            }
            return (x - x) / (x - x); // |x| > 1 or NaN: NaN
        }
        if (ix < 0x3fe00000) { // |x| < 0.5
            if (ix < 0x3e400000 && HUGE + x > ONE) { // |x| < 2^-27
                return x;
            }
            double t = x * x;
            double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
            double q = ONE + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
            double w = p / q;
            return x + x * w;
        }
        double w = ONE - Math.abs(x); // 0.5 <= |x| < 1
        double t = w * 0.5;
        double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
        double q = ONE + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
        double s = Math.sqrt(t);
        if (ix >= 0x3FEF3333) { // |x| > 0.975
            w = p / q;
            t = PIO2_HI - (2.0 * (s + s * w) - PIO2_LO);
        } else {
            w = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
            double c = (t - w * w) / (s + w);
            double r = p / q;
            p = 2.0 * s * r - (PIO2_LO - 2.0 * c);
            q = PIO4_HI - 2.0 * w;
            t = PIO4_HI - (p - q);
        }
        return hx > 0 ? t : -t;
    }
}
