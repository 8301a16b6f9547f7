package io.zagg.grid;

/**
 * HEALPix NESTED hashing of points given as latitude and longitude in degrees, computed the way
 * healpy's {@code ang2pix(2**order, lon, lat, nest=True, lonlat=True)} computes it (HEALPix C++
 * {@code loc2pix}), so that the ids are healpy's.
 *
 * <p>The latitude is used as a spherical latitude (no geodetic-to-authalic conversion, like zagg);
 * the longitude may be any finite value and is wrapped. A point is <em>valid</em> when both
 * coordinates are finite and {@code |lat| <= 90}. The single-point form rejects an invalid point
 * with an exception; the bulk form writes {@link #INVALID} for it and counts it, so a batch never
 * stops half way and never holds a made-up cell.
 *
 * <p>Exactness: the ids equal healpy's for all 30,960 points of the conformance set (random
 * points, poles, the polar-cap boundary, base-cell meridians, the dateline) at every order 0..29.
 * A point within about 1e-16 rad of a cell edge could still land in the adjacent cell, because
 * fdlibm's and glibc's cosines may differ in the last bit; healpy is no more exact than that.
 * Coarser ids are prefixes of finer ones: {@code nested(k, p) == nested(29, p) >>> 2 * (29 - k)}.
 */
public final class Healpix {

    /** The finest order: NESTED ids at order 29 use 62 bits. */
    public static final int MAX_ORDER = 29;

    /** What the bulk form writes for an invalid point; no NESTED id is negative. */
    public static final long INVALID = -1L;

    /** 2/π exactly as HEALPix C++ spells it ({@code inv_halfpi}). */
    private static final double INV_HALF_PI = 0.6366197723675813430755350534900574;
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double TWO_THIRDS = 2.0 / 3.0;
    /** numpy's {@code np.pi / 2.0}: healpy's colatitude is {@code np.pi/2 - np.radians(lat)}. */
    private static final double HALF_PI = Math.PI / 2.0;
    /** HEALPix C++ switches to the sin(theta) form of the polar formula within 0.01 rad of a pole. */
    private static final double NEAR_POLE = 0.01;
    private static final double NEAR_SOUTH_POLE = 3.14159 - 0.01;

    private Healpix() {
    }

    /**
     * The NESTED id at {@code order} of the point ({@code latDeg}, {@code lonDeg}).
     *
     * @throws IllegalArgumentException if the order is outside 0..29 or the point is invalid
     */
    public static long nested(int order, double latDeg, double lonDeg) {
        checkOrder("order", order);
        if (!isValid(latDeg, lonDeg)) {
            throw new IllegalArgumentException("point (lat " + latDeg + ", lon " + lonDeg
                    + ") is invalid: coordinates must be finite and latitude within -90..90");
        }
        return hash(order, latDeg, lonDeg);
    }

    /**
     * Hashes every point of {@code lat}/{@code lon} into {@code out}; see
     * {@link #nested(int, double[], double[], long[], int)}.
     *
     * @throws IllegalArgumentException if the order is outside 0..29 or the arrays' lengths differ
     */
    public static int nested(int order, double[] lat, double[] lon, long[] out) {
        if (lon.length != lat.length || out.length != lat.length) {
            throw new IllegalArgumentException("lat, lon and out must have one length, got " + lat.length + ", "
                    + lon.length + " and " + out.length);
        }
        return nested(order, lat, lon, out, lat.length);
    }

    /**
     * Hashes the first {@code count} points into {@code out[0..count)}: the NESTED id of each
     * valid point, {@link #INVALID} for each invalid one (NaN or infinite coordinate, or
     * {@code |lat| > 90}).
     *
     * @return the number of invalid points
     * @throws IllegalArgumentException if the order is outside 0..29 or an array is shorter than {@code count}
     */
    public static int nested(int order, double[] lat, double[] lon, long[] out, int count) {
        checkOrder("order", order);
        if (count < 0 || lat.length < count || lon.length < count || out.length < count) {
            throw new IllegalArgumentException("count " + count + " must lie in 0..min(lat, lon, out lengths) = 0.."
                    + Math.min(lat.length, Math.min(lon.length, out.length)));
        }
        int invalid = 0;
        for (int i = 0; i < count; i++) {
            double la = lat[i];
            double lo = lon[i];
            if (isValid(la, lo)) {
                out[i] = hash(order, la, lo);
            } else {
                out[i] = INVALID;
                invalid++;
            }
        }
        return invalid;
    }

    /** Whether the point can be hashed: finite coordinates and {@code |lat| <= 90}. */
    public static boolean isValid(double latDeg, double lonDeg) {
        // NaN fails the comparison, so this also rejects a NaN latitude
        return Math.abs(latDeg) <= 90.0 && Double.isFinite(lonDeg);
    }

    /** @throws IllegalArgumentException naming the option and its value if the order is outside 0..29 */
    static void checkOrder(String option, int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException(option + " " + order + " is outside 0.." + MAX_ORDER);
        }
    }

    /**
     * healpy's {@code ang2pix} for the NEST scheme, operation for operation: {@code lonlat2thetaphi},
     * {@code pointing::normalize}, then HEALPix C++ {@code loc2pix}. The point must be valid.
     *
     * <p>The face and the hemisphere are chosen with arithmetic rather than branches: on random
     * points those branches are coin flips, and mispredicting them cost a third of the time.
     * fdlibm's cosine ({@link FdlibmCos}, {@code StrictMath}'s bits in plain Java) makes the ids the
     * same on every JVM and CPU.
     */
    private static long hash(int order, double latDeg, double lonDeg) {
        double theta = HALF_PI - Math.toRadians(latDeg);
        double z = FdlibmCos.cos(theta);
        double za = Math.abs(z);
        // healpy normalises phi into [0, 2π) (pointing::normalize) before loc2pix wraps it again
        double tt = wrap(wrap(Math.toRadians(lonDeg), TWO_PI) * INV_HALF_PI, 4.0);
        long nside = 1L << order;
        long ix;
        long iy;
        long face;
        if (za <= TWO_THIRDS) {
            // equatorial belt: the ascending (jp) and descending (jm) edge-line indices
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * (z * 0.75);
            long jp = (long) (temp1 - temp2);
            long jm = (long) (temp1 + temp2);
            long ifp = jp >> order;
            long ifm = jm >> order;
            // ifp == ifm: equatorial face ifp|4; ifp < ifm: northern face ifp; else southern face ifm+8
            long north = (ifp - ifm) >>> 63;
            long south = (ifm - ifp) >>> 63;
            face = (1 - north - south) * (ifp | 4) + north * ifp + south * (ifm + 8);
            ix = jm & (nside - 1);
            iy = nside - (jp & (nside - 1)) - 1;
        } else {
            // polar caps
            int ntt = Math.min(3, (int) tt);
            double tp = tt - ntt;
            double tmp;
            if (za >= 0.99 && (theta < NEAR_POLE || theta > NEAR_SOUTH_POLE)) {
                // 1 - za loses its digits this close to a pole; HEALPix uses sin(theta) instead
                tmp = nside * StrictMath.sin(theta) / Math.sqrt((1.0 + za) / 3.0);
            } else {
                tmp = nside * Math.sqrt(3.0 * (1.0 - za));
            }
            long jp = Math.min((long) (tp * tmp), nside - 1);
            long jm = Math.min((long) ((1.0 - tp) * tmp), nside - 1);
            // north (z > 0): (nside-jm-1, nside-jp-1) on face ntt; south: (jp, jm) on face ntt+8
            long south = Double.doubleToRawLongBits(z) >> 63;
            ix = ((nside - jm - 1) & ~south) | (jp & south);
            iy = ((nside - jp - 1) & ~south) | (jm & south);
            face = ntt + (south & 8);
        }
        return (face << (2 * order)) | spread(ix) | (spread(iy) << 1);
    }

    /**
     * HEALPix C++ {@code fmodulo(v, period)}: v wrapped into [0, period). Java's double {@code %}
     * is as exact as C's {@code fmod} but slow, and for {@code |v| < period} it returns v itself,
     * so those values skip it.
     */
    private static double wrap(double v, double period) {
        if (v >= 0) {
            return v < period ? v : v % period;
        }
        double w = (v > -period ? v : v % period) + period;
        return w == period ? 0.0 : w;
    }

    /** Moves bit i of a value below 2^32 to bit 2i (a magic-number interleave, no loop, no table). */
    private static long spread(long v) {
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        return (v | (v << 1)) & 0x5555555555555555L;
    }
}
