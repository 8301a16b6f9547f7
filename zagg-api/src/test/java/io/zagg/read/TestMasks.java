package io.zagg.read;

/** Row masks written as 0/1 digits in tests. */
final class TestMasks {

    private TestMasks() {
    }

    static boolean[] b(int... bits) {
        boolean[] out = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = bits[i] == 1;
        }
        return out;
    }
}
