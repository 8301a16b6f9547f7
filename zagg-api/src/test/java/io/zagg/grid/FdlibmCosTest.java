package io.zagg.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Java port gives {@link StrictMath#cos}'s bits: on every colatitude, at every branch of the reduction, and beyond. */
class FdlibmCosTest {

    private static void sameBits(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.cos(x)), Double.doubleToRawLongBits(FdlibmCos.cos(x)),
                () -> "cos(" + x + ") = " + StrictMath.cos(x) + " in fdlibm, " + FdlibmCos.cos(x) + " in the port");
    }

    @Test
    void colatitudesOfLatitudesInDegrees() {
        // what Healpix hashes: π/2 - toRadians(lat), two million random latitudes and every millidegree
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 2_000_000; i++) {
            sameBits(Math.PI / 2.0 - Math.toRadians(random.nextDouble(-90.0, 90.0)));
        }
        for (int milli = -90_000; milli <= 90_000; milli++) {
            sameBits(Math.PI / 2.0 - Math.toRadians(milli / 1000.0));
        }
    }

    @Test
    void theBranchesOfTheReduction() {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, 0x1p-28, 0x1p-27, 0.3, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4, Math.PI,
            5 * Math.PI / 4, 0x1p20, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double e : edges) {
            for (int ulps = -64; ulps <= 64; ulps++) {
                double x = e + ulps * Math.ulp(e);
                sameBits(x);
                sameBits(-x);
            }
        }
        // every value whose high word is π's (fdlibm's careful reduction for n = 2) or π/2's
        for (long low = 0; low < (1L << 32); low += 4093) {
            sameBits(Double.longBitsToDouble(0x400921FBL << 32 | low));
            sameBits(Double.longBitsToDouble(0x3ff921fbL << 32 | low));
        }
    }

    @Test
    void anyArgumentWithinTwicePi() {
        qt().forAll(doubles().between(-2 * Math.PI, 2 * Math.PI)).checkAssert(FdlibmCosTest::sameBits);
        qt().forAll(integers().between(-1 << 20, 1 << 20)).checkAssert(k -> sameBits(k * 1e-6 * Math.PI));
    }
}
