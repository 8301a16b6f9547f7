package io.zagg;

import io.zagg.reduce.TDigestKernel;
import java.util.Arrays;

/**
 * zagg's t-digest outside a run: build one from values, merge two, and read quantiles and the CDF
 * back — what {@link Aggregations#tdigest} stores per cell, and what zagg's
 * {@code build_tdigest}, {@code merge_tdigests}, {@code quantile_from_tdigest} and
 * {@code cdf_from_tdigest} compute.
 *
 * <p>A digest is a flattened float32 {@code (k, 2)} array {@code [mean0, weight0, mean1,
 * weight1, ...]} sorted by mean, as one cell's rows of a stored t-digest field. With
 * {@code n ≤ ~delta} values it is loss-free (one centroid of weight 1 per value); above, it keeps
 * about {@code delta} centroids, narrow in the tails and wide around the median.
 */
public final class TDigests {

    private TDigests() {
    }

    /** The digest of {@code values}; NaN and ±infinity are dropped (no value left: an empty digest). */
    public static float[] build(float[] values, int delta) {
        requireDelta(delta);
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int from = 0;
        int to = sorted.length;
        while (from < to && sorted[from] == Float.NEGATIVE_INFINITY) {
            from++;
        }
        while (to > from && !Float.isFinite(sorted[to - 1])) {
            to--;
        }
        double[] finite = new double[to - from];
        for (int i = 0; i < finite.length; i++) {
            finite[i] = sorted[from + i];
        }
        Centroids out = new Centroids();
        TDigestKernel.build(finite, 0, finite.length, delta, out);
        return out.toArray();
    }

    /** {@code merge_tdigests(a, b, delta)}: the two digests re-compressed into one. */
    public static float[] merge(float[] a, float[] b, int delta) {
        requireDelta(delta);
        requireDigest(a, "a");
        requireDigest(b, "b");
        Centroids out = new Centroids();
        TDigestKernel.merge(a, b, delta, out);
        return out.toArray();
    }

    /** The estimated {@code q}-quantile ({@code 0 ≤ q ≤ 1}); NaN for an empty digest. */
    public static double quantile(float[] digest, double q) {
        requireDigest(digest, "digest");
        return TDigestKernel.quantile(digest, q);
    }

    /**
     * The estimated number of values at or below {@code x} (a cumulative weight in
     * {@code [0, total weight]}, not a fraction); NaN for an empty digest.
     */
    public static double cdf(float[] digest, double x) {
        requireDigest(digest, "digest");
        return TDigestKernel.cdf(digest, x);
    }

    private static void requireDelta(int delta) {
        if (delta < 1) {
            throw new IllegalArgumentException("tdigest delta " + delta + " must be at least 1");
        }
    }

    private static void requireDigest(float[] digest, String what) {
        if (digest.length % 2 != 0) {
            throw new IllegalArgumentException(what + " has " + digest.length
                    + " elements; a digest is [mean, weight] pairs, so an even number");
        }
    }

    /** A growable float32 centroid list. */
    private static final class Centroids implements TDigestKernel.Sink {
        private float[] a = new float[16];
        private int size;

        @Override
        public void centroid(double mean, double weight) {
            if (size + 2 > a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = (float) mean;
            a[size++] = (float) weight;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
