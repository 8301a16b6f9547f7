package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Store keys: '/'-separated segments, none empty, none starting with '.', none holding '\' or NUL. */
class KeysTest {

    /** The rule as written: split on every '/' and look at each segment. */
    private static boolean validBySplit(String key) {
        return Arrays.stream(key.split("/", -1))
                .noneMatch(s -> s.isEmpty() || s.startsWith(".") || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0);
    }

    private static boolean accepted(String key) {
        try {
            assertEquals(key, Keys.requireKey(key));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void acceptsExactlyTheKeysWhoseSegmentsAreAllValid() {
        // keys over the five characters the rule cares about
        qt().forAll(lists().of(integers().between(0, 4)).ofSizeBetween(1, 12)
                        .map(cs -> cs.stream().map(c -> String.valueOf("a/.\\\0".charAt(c))).collect(Collectors.joining())))
                .checkAssert(key -> assertEquals(validBySplit(key), accepted(key), () -> "key '" + key.replace("\0", "\\0") + "'"));
    }

    @Test
    void namesTheKeyAtFault() {
        for (String bad : new String[] {"/19", "19/", "19//c", ".zattrs", "19/.tmp", "a\\b", "a\0b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.requireKey(bad), bad);
            assertEquals("store key '" + bad + "' has an empty segment or one starting with '.' or holding '\\' or NUL", e.getMessage());
        }
        assertEquals("store key is empty", assertThrows(IllegalArgumentException.class, () -> Keys.requireKey("")).getMessage());
        assertEquals("19/h_min/c/244150728", Keys.requireKey("19/h_min/c/244150728"));
    }
}
