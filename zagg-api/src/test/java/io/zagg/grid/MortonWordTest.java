package io.zagg.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MortonWordTest {

    private static final long SERC_NESTED_29 = 1048619393221740567L;

    @Test
    void mortieDocstringWordIsAboveTwoToThe63() {
        long word = MortonWord.fromNested(37010, 6);
        assertEquals(0xA092000000000006L, word);
        assertEquals("11570310392668225542", MortonWord.toString(word));
        assertEquals(9, MortonWord.baseCell(word));
        assertEquals(6, MortonWord.order(word));
    }

    @Test
    void sercWordAndItsCoarsenings() {
        long leaf = MortonWord.fromNested(SERC_NESTED_29, 29);
        assertEquals(0x4A35C72116452065L, leaf);
        assertEquals(0x4A35C72116400013L, MortonWord.coarsen(leaf, 19));
        assertEquals(1000041383001L, MortonWord.toNested(MortonWord.coarsen(leaf, 19)));
        assertEquals(0x4A35C7200000000DL, MortonWord.coarsen(leaf, 13));
        assertEquals(244150728L, MortonWord.toNested(MortonWord.coarsen(leaf, 13)));
        assertEquals(0x4A35C7000000000BL, MortonWord.coarsen(leaf, 11));
        assertEquals(5347398935386259467L, MortonWord.coarsen(leaf, 11));
        assertEquals(15259420L, MortonWord.toNested(MortonWord.coarsen(leaf, 11)));
    }

    @Test
    void pinnedBenchmarkShard() {
        long shard = MortonWord.parse("5347394812217655307");
        assertEquals(0x4A35C3400000000BL, shard);
        assertEquals(3, MortonWord.baseCell(shard));
        assertEquals(11, MortonWord.order(shard));
        assertEquals(15259405L, MortonWord.toNested(shard));
        // NESTED digits of orders 1..11: 2,2,0,3,1,1,3,0,0,3,1
        int[] digits = new int[11];
        for (int k = 1; k <= 11; k++) {
            digits[k - 1] = (int) (MortonWord.toNested(MortonWord.coarsen(shard, k)) & 3);
        }
        assertArrayEquals(new int[] {2, 2, 0, 3, 1, 1, 3, 0, 0, 3, 1}, digits);
    }

    @Test
    void ordersTwentyEightAndTwentyNineLiveInTheSuffix() {
        // base cell 0, all digits 3: order 28 suffix 28 + 5*3 = 43; order 29 suffix 28 + 15 + 3 + 1 = 47
        long all28 = (1L << 56) - 1;
        assertEquals((1L << 60) | (((1L << 54) - 1) << 6) | 43, MortonWord.fromNested(all28, 28));
        assertEquals((1L << 60) | (((1L << 54) - 1) << 6) | 47, MortonWord.fromNested((1L << 58) - 1, 29));
        assertEquals(28, MortonWord.order(MortonWord.fromNested(all28, 28)));
        assertEquals(29, MortonWord.order(MortonWord.fromNested(0, 29)));
        assertEquals(29, MortonWord.fromNested(0, 29) & 63);
    }

    @Test
    void coarsenKeepsCoarserWords() {
        long w = MortonWord.fromNested(15259405, 11);
        assertEquals(w, MortonWord.coarsen(w, 11));
        assertEquals(w, MortonWord.coarsen(w, 19));
    }

    @Test
    void childrenAtTheOwnOrderAreTheWordItself() {
        long w = MortonWord.fromNested(5, 1);
        assertArrayEquals(new long[] {w}, MortonWord.children(w, 1));
        assertArrayEquals(new long[] {MortonWord.fromNested(20, 2), MortonWord.fromNested(21, 2), MortonWord.fromNested(22, 2),
            MortonWord.fromNested(23, 2)}, MortonWord.children(w, 2));
    }

    @Test
    void unsignedTextRoundTrips() {
        assertEquals(-1L, Long.parseUnsignedLong("18446744073709551615"));
        long top = MortonWord.fromNested(MortonWord.cellCount(29) - 1, 29);
        assertTrue(top < 0, "base cell 11 words are negative as signed longs");
        assertEquals(top, MortonWord.parse(MortonWord.toString(top)));
        assertTrue(MortonWord.compare(top, MortonWord.fromNested(0, 0)) > 0);
    }

    @Test
    void invalidWordsAreRejectedWithTheWordInTheMessage() {
        assertEquals("morton word 0 (0x0) encodes no cell: it needs a prefix 1..12, a suffix below 48 and no digits below its order",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.order(0)).getMessage());
        assertFalse(MortonWord.isValid(13L << 60));
        assertFalse(MortonWord.isValid((1L << 60) | 48), "order-29 point words are not area words");
        assertTrue(MortonWord.isValid((1L << 60) | (1L << 58) | 1), "order 1, digit 1");
        assertFalse(MortonWord.isValid((1L << 60) | (1L << 56) | 1), "order 1 with a digit at order 2");
        assertThrows(IllegalArgumentException.class, () -> MortonWord.toNested(13L << 60));
        assertEquals("\"12x\" is not an unsigned 64-bit decimal morton word",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.parse("12x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MortonWord.parse("18446744073709551616"));
    }

    @Test
    void argumentsAreValidated() {
        assertEquals("NESTED id 48 is outside 0..47 at order 1",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.fromNested(48, 1)).getMessage());
        assertEquals("order 30 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.fromNested(0, 30)).getMessage());
        long baseCell4 = MortonWord.fromNested(4, 0);
        assertEquals("morton word " + MortonWord.toString(baseCell4) + " is base cell 4 (order 0) and has no parent",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.parent(baseCell4)).getMessage());
        long w = MortonWord.fromNested(100, 5);
        assertEquals("child order 4 is coarser than the word's order 5",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.children(w, 4)).getMessage());
        assertEquals("child order 21 is 16 orders below order 5; at most 15 fit in an array",
                assertThrows(IllegalArgumentException.class, () -> MortonWord.children(w, 21)).getMessage());
    }

    /** A random cell: {order, NESTED id}. */
    private static Gen<long[]> cells() {
        return integers().between(0, 29).zip(longs().all(),
                (order, r) -> new long[] {order, Math.floorMod(r, MortonWord.cellCount(order))});
    }

    @Test
    void packingRoundTrips() {
        qt().withExamples(5000).forAll(cells()).checkAssert(c -> {
            long word = MortonWord.fromNested(c[1], (int) c[0]);
            assertEquals(c[1], MortonWord.toNested(word));
            assertEquals(c[0], MortonWord.order(word));
            assertTrue(MortonWord.isValid(word));
        });
    }

    @Test
    void everyChildsParentIsTheWordAndChildrenAreSortedAndContiguous() {
        qt().withExamples(1000).forAll(cells(), integers().between(0, 4)).checkAssert((c, levels) -> {
            int order = (int) c[0];
            int childOrder = Math.min(29, order + levels);
            long word = MortonWord.fromNested(c[1], order);
            long[] children = MortonWord.children(word, childOrder);
            assertEquals(1L << (2 * (childOrder - order)), children.length);
            for (int i = 0; i < children.length; i++) {
                assertEquals(word, MortonWord.coarsen(children[i], order));
                long ancestor = children[i];
                for (int k = childOrder; k > order; k--) {
                    ancestor = MortonWord.parent(ancestor);
                }
                assertEquals(word, ancestor, "parent^" + (childOrder - order) + " of a child");
                assertEquals((c[1] << (2 * (childOrder - order))) + i, MortonWord.toNested(children[i]), "contiguous");
                if (i > 0) {
                    assertTrue(MortonWord.compare(children[i - 1], children[i]) < 0, "ascending unsigned");
                }
            }
        });
    }

    @Test
    void parentIsCoarsenByOne() {
        qt().withExamples(2000).forAll(cells().assuming(c -> c[0] > 0)).checkAssert(c -> {
            long word = MortonWord.fromNested(c[1], (int) c[0]);
            assertEquals(MortonWord.fromNested(c[1] >>> 2, (int) c[0] - 1), MortonWord.parent(word));
            assertEquals(MortonWord.coarsen(word, (int) c[0] - 1), MortonWord.parent(word));
        });
    }

    @Test
    void unsignedOrderIsBaseCellThenZOrderParentsFirst() {
        qt().withExamples(5000).forAll(cells(), cells()).checkAssert((a, b) -> {
            long wa = MortonWord.fromNested(a[1], (int) a[0]);
            long wb = MortonWord.fromNested(b[1], (int) b[0]);
            // position on the order-29 Z-curve (its top bits are the base cell), then the order
            long za = a[1] << (2 * (29 - a[0]));
            long zb = b[1] << (2 * (29 - b[0]));
            int expected = za != zb ? Long.compare(za, zb) : Long.compare(a[0], b[0]);
            assertEquals(Integer.signum(expected), Integer.signum(MortonWord.compare(wa, wb)));
        });
    }
}
