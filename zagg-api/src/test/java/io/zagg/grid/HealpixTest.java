package io.zagg.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class HealpixTest {

    /** NEON SERC, zagg-reference §4.2. */
    private static final double SERC_LAT = 38.89;
    private static final double SERC_LON = -76.56;

    @Test
    void sercPointAtTheGridOrders() {
        assertEquals(1048619393221740567L, Healpix.nested(29, SERC_LAT, SERC_LON));
        assertEquals(1000041383001L, Healpix.nested(19, SERC_LAT, SERC_LON));
        assertEquals(244150728L, Healpix.nested(13, SERC_LAT, SERC_LON));
        assertEquals(15259420L, Healpix.nested(11, SERC_LAT, SERC_LON));
    }

    @Test
    void mortieDocstringPoint() {
        // geo2mort(-80.0, 120.0, order=6): base cell 9, digits 0,0,2,1,0,2
        assertEquals(37010L, Healpix.nested(6, -80.0, 120.0));
    }

    @Test
    void baseCellsAtOrderZero() {
        assertEquals(0, Healpix.nested(0, 45, 45));
        assertEquals(3, Healpix.nested(0, 45, -45));
        assertEquals(4, Healpix.nested(0, 0, 0));
        assertEquals(6, Healpix.nested(0, 0, 180));
        assertEquals(8, Healpix.nested(0, -45, 45));
        assertEquals(11, Healpix.nested(0, -45, -45));
    }

    @Test
    void polesAreValidAndInTheCornerCells() {
        // the last NESTED id of face 0..3 touches the north pole, the first of face 8..11 the south pole
        assertEquals((1L << 58) - 1, Healpix.nested(29, 90.0, 10.0));
        assertEquals(8L << 58, Healpix.nested(29, -90.0, 10.0));
        assertTrue(Healpix.isValid(90.0, 0.0));
        assertTrue(Healpix.isValid(-90.0, 0.0));
        assertFalse(Healpix.isValid(Math.nextUp(90.0), 0.0));
        assertFalse(Healpix.isValid(-Math.nextUp(90.0), 0.0));
    }

    @Test
    void longitudeIsWrapped() {
        long id = Healpix.nested(20, 12.3, 45.6);
        assertEquals(id, Healpix.nested(20, 12.3, 45.6 + 360));
        assertEquals(id, Healpix.nested(20, 12.3, 45.6 - 360));
        assertEquals(id, Healpix.nested(20, 12.3, 45.6 + 3600));
        assertEquals(id, Healpix.nested(20, 12.3, 45.6 - 7200));
    }

    @Test
    void longitudesOnTheWrapSeamsAgreeWithHealpy() {
        // healpy 1.16.1: ang2pix(2**29, lon, 10.0, nest=True, lonlat=True); -1e-300 wraps to 2π,
        // which fmodulo turns into 0
        for (double lon : new double[] {-1e-300, 0.0, -0.0, 360.0, -360.0, 720.0}) {
            assertEquals(1382619160146673471L, Healpix.nested(29, 10.0, lon), "lon " + lon);
        }
        assertEquals(1959079912450096959L, Healpix.nested(29, 10.0, 180.0));
        assertEquals(1959079912450096959L, Healpix.nested(29, 10.0, -180.0));
        assertEquals(2305843009215801994L, Healpix.nested(29, -89.9999, -1e-300));
        assertEquals(2882303761519225482L, Healpix.nested(29, -89.9999, -180.0));
    }

    @Test
    void bulkMarksAndCountsInvalidPoints() {
        double[] lat = {SERC_LAT, Double.NaN, 10, 91, -90.5, Double.NEGATIVE_INFINITY, 10, -80};
        double[] lon = {SERC_LON, 0, Double.NaN, 0, 0, 0, Double.POSITIVE_INFINITY, 120};
        long[] out = new long[lat.length];
        int invalid = Healpix.nested(29, lat, lon, out);
        assertEquals(6, invalid);
        long i = Healpix.INVALID;
        long serc = 1048619393221740567L;
        long mortie = Healpix.nested(29, -80, 120);
        assertArrayEquals(new long[] {serc, i, i, i, i, i, i, mortie}, out);
    }

    @Test
    void bulkWithCountLeavesTheRestAlone() {
        double[] lat = {SERC_LAT, 91, 0};
        double[] lon = {SERC_LON, 0, 0};
        long[] out = {7, 7, 7, 7};
        assertEquals(1, Healpix.nested(11, lat, lon, out, 2));
        assertArrayEquals(new long[] {15259420L, Healpix.INVALID, 7, 7}, out);
    }

    @Test
    void singlePointRejectsInvalidPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Healpix.nested(5, 91.0, 3.0));
        assertEquals("point (lat 91.0, lon 3.0) is invalid: coordinates must be finite and latitude within -90..90",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Healpix.nested(5, 0.0, Double.NaN));
    }

    @Test
    void orderIsValidated() {
        assertEquals("order 30 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> Healpix.nested(30, 0, 0)).getMessage());
        assertEquals("order -1 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> Healpix.nested(-1, new double[1], new double[1], new long[1]))
                        .getMessage());
    }

    @Test
    void bulkChecksLengths() {
        assertEquals("lat, lon and out must have one length, got 2, 2 and 1",
                assertThrows(IllegalArgumentException.class, () -> Healpix.nested(3, new double[2], new double[2], new long[1]))
                        .getMessage());
        assertEquals("count 3 must lie in 0..min(lat, lon, out lengths) = 0..2",
                assertThrows(IllegalArgumentException.class,
                        () -> Healpix.nested(3, new double[2], new double[2], new long[2], 3)).getMessage());
    }

    /** Latitudes over the sphere, with extra weight near the poles and the polar-cap boundary. */
    private static Gen<Double> latitudes() {
        double capBoundary = Math.toDegrees(Math.asin(2.0 / 3.0));
        return doubles().between(-90, 90)
                .mix(doubles().between(89.0, 90.0), 20)
                .mix(doubles().between(-90.0, -89.0), 20)
                .mix(doubles().between(capBoundary - 1e-6, capBoundary + 1e-6), 10);
    }

    @Test
    void coarseningCommutesWithHashing() {
        qt().withExamples(5000).forAll(latitudes(), doubles().between(-720, 720), integers().between(0, 29))
                .checkAssert((la, lo, k) -> assertEquals(
                        Healpix.nested(29, la, lo) >>> (2 * (29 - k)), Healpix.nested(k, la, lo),
                        "lat " + la + " lon " + lo + " order " + k));
    }

    @Test
    void idsLieOnTheSphere() {
        qt().withExamples(2000).forAll(latitudes(), doubles().between(-180, 180), integers().between(0, 29))
                .check((la, lo, k) -> {
                    long id = Healpix.nested(k, la, lo);
                    return id >= 0 && id < MortonWord.cellCount(k);
                });
    }
}
