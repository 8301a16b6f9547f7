package io.zagg.reduce;

import java.util.Arrays;

/**
 * Sorts float32 cell values ascending with NaN last, as numpy's sort places them, by a
 * least-significant-digit radix sort on order-preserving integer keys: branch-free, so several
 * times faster than a comparison sort on the random order of a cell's heights. Only the sorted
 * values matter to the statistics (median, quantiles, t-digest), not which equal value went
 * where; {@code -0.0} sorts before {@code 0.0}.
 */
final class FloatRadixSort {

    /** Below this many values a comparison sort is faster than four counting passes. */
    private static final int RADIX_FROM = 96;

    private final int[] counts = new int[256];
    private int[] keys = new int[0];
    private int[] spare = new int[0];

    /** Sorts {@code a[0, n)} in place. */
    void sort(float[] a, int n) {
        if (n < RADIX_FROM) {
            Arrays.sort(a, 0, n);
            return;
        }
        if (keys.length < n) {
            keys = new int[n];
            spare = new int[n];
        }
        // order-preserving keys: flip every bit of a negative float, the sign bit of a positive one
        int m = 0;
        for (int i = 0; i < n; i++) {
            float v = a[i];
            if (v == v) {
                int bits = Float.floatToRawIntBits(v);
                keys[m++] = bits ^ ((bits >> 31) | 0x80000000);
            }
        }
        if (m == 0) {
            return; // all NaN
        }
        int[] src = keys;
        int[] dst = spare;
        for (int shift = 0; shift < 32; shift += 8) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < m; i++) {
                counts[(src[i] >>> shift) & 0xff]++;
            }
            if (counts[(src[0] >>> shift) & 0xff] == m) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < 256; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < m; i++) {
                int k = src[i];
                dst[counts[(k >>> shift) & 0xff]++] = k;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        for (int i = 0; i < m; i++) {
            int k = src[i];
            a[i] = Float.intBitsToFloat(k ^ ((~k >> 31) | 0x80000000));
        }
        Arrays.fill(a, m, n, Float.NaN);
    }
}
