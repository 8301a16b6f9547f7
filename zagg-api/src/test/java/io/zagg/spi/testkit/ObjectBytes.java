package io.zagg.spi.testkit;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/** Compares encoded objects and says where they differ: which key, which byte, both hex dumps. */
public final class ObjectBytes {

    private ObjectBytes() {
    }

    /**
     * @throws AssertionError naming the first differing key and byte, unless both maps hold the
     *                        same keys with the same bytes
     */
    public static void assertSame(String expectedLabel, SortedMap<String, byte[]> expected, String actualLabel,
            SortedMap<String, byte[]> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            TreeSet<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(actual.keySet());
            TreeSet<String> extra = new TreeSet<>(actual.keySet());
            extra.removeAll(expected.keySet());
            throw new AssertionError(actualLabel + " wrote other objects than " + expectedLabel + ": missing " + missing
                    + ", extra " + extra);
        }
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            byte[] want = e.getValue();
            byte[] got = actual.get(e.getKey());
            if (!java.util.Arrays.equals(want, got)) {
                throw new AssertionError(actualLabel + " differs from " + expectedLabel + " at " + e.getKey() + ": "
                        + firstDifference(want, got) + "\n  " + expectedLabel + ": " + hex(want) + "\n  " + actualLabel + ": " + hex(got));
            }
        }
    }

    private static String firstDifference(byte[] want, byte[] got) {
        if (want.length != got.length) {
            return got.length + " bytes, expected " + want.length;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                return String.format("byte %d is 0x%02x, expected 0x%02x", i, got[i], want[i]);
            }
        }
        throw new IllegalStateException("no difference");
    }

    static String hex(byte[] bytes) {
        Objects.requireNonNull(bytes);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length && i < 256; i++) {
            s.append(String.format("%02x", bytes[i])).append(i % 8 == 7 ? " " : "");
        }
        return bytes.length > 256 ? s + "… (" + bytes.length + " bytes)" : s.toString().trim();
    }
}
