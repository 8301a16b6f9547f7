package io.zagg.read;

import java.nio.ByteOrder;

/**
 * The inverse of HDF5's shuffle filter, fused with the byte-order conversion: element values are
 * assembled straight from the byte planes into the destination array in one pass, with no
 * unshuffled byte copy in between. HDF5 stores byte {@code j} of element {@code i} of a chunk of
 * {@code elements} elements at {@code j * elements + i}.
 */
final class Unshuffle {

    private Unshuffle() {
    }

    /**
     * Writes elements {@code [first, first + n)} of the shuffled chunk {@code planes} to
     * {@code dest} (a {@code short[]}, {@code int[]}, {@code float[]}, {@code long[]} or
     * {@code double[]}: its type gives the element size) from index {@code destOffset}; the
     * stored elements are in byte order {@code order}.
     */
    static void into(byte[] planes, int elements, int first, int n, ByteOrder order, Object dest, int destOffset) {
        boolean big = order == ByteOrder.BIG_ENDIAN;
        if (dest instanceof short[]) {
            short[] d = (short[]) dest;
            int lo = plane(0, 2, big, elements) + first;
            int hi = plane(1, 2, big, elements) + first;
            for (int i = 0; i < n; i++) {
                d[destOffset + i] = (short) ((planes[lo + i] & 0xff) | planes[hi + i] << 8);
            }
        } else if (dest instanceof int[] || dest instanceof float[]) {
            int p0 = plane(0, 4, big, elements) + first;
            int p1 = plane(1, 4, big, elements) + first;
            int p2 = plane(2, 4, big, elements) + first;
            int p3 = plane(3, 4, big, elements) + first;
            int[] ints = dest instanceof int[] ? (int[]) dest : null;
            float[] floats = ints == null ? (float[]) dest : null;
            for (int i = 0; i < n; i++) {
                int v = (planes[p0 + i] & 0xff) | (planes[p1 + i] & 0xff) << 8 | (planes[p2 + i] & 0xff) << 16 | planes[p3 + i] << 24;
                if (ints != null) {
                    ints[destOffset + i] = v;
                } else {
                    floats[destOffset + i] = Float.intBitsToFloat(v);
                }
            }
        } else if (dest instanceof long[] || dest instanceof double[]) {
            int[] p = new int[8];
            for (int j = 0; j < 8; j++) {
                p[j] = plane(j, 8, big, elements) + first;
            }
            long[] longs = dest instanceof long[] ? (long[]) dest : null;
            double[] doubles = longs == null ? (double[]) dest : null;
            for (int i = 0; i < n; i++) {
                long v = 0;
                for (int j = 0; j < 8; j++) {
                    v |= (planes[p[j] + i] & 0xffL) << (8 * j);
                }
                if (longs != null) {
                    longs[destOffset + i] = v;
                } else {
                    doubles[destOffset + i] = Double.longBitsToDouble(v);
                }
            }
        } else {
            throw new IllegalArgumentException("no shuffled element size for a " + dest.getClass().getSimpleName());
        }
    }

    // the plane holding the byte of significance j (0 = least significant)
    private static int plane(int significance, int size, boolean bigEndian, int elements) {
        return (bigEndian ? size - 1 - significance : significance) * elements;
    }
}
