package io.zagg.read;

import java.lang.reflect.Array;

/** Row masks over primitive arrays of {@code width} elements per row. */
final class Rows {

    private Rows() {
    }

    static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The positions of the true flags, ascending. */
    static int[] positions(boolean[] mask) {
        int[] out = new int[count(mask)];
        for (int i = 0, j = 0; j < out.length; i++) {
            if (mask[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** {@code into &= other}; returns the rows left. */
    static int and(boolean[] into, boolean[] other) {
        int n = 0;
        for (int i = 0; i < into.length; i++) {
            into[i] &= other[i];
            if (into[i]) {
                n++;
            }
        }
        return n;
    }

    /** The kept rows of {@code array}, in order; {@code kept} is the number of true flags. */
    static Object compact(Object array, int width, boolean[] keep, int kept) {
        if (kept == keep.length) {
            return array;
        }
        Object out = Array.newInstance(array.getClass().getComponentType(), kept * width);
        int to = 0;
        int i = 0;
        while (i < keep.length) {
            if (!keep[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < keep.length && keep[i]) {
                i++;
            }
            int n = (i - start) * width;
            System.arraycopy(array, start * width, out, to, n);
            to += n;
        }
        return out;
    }
}
