package io.zagg.grid;

/**
 * mortie's packed 64-bit morton word for a HEALPix cell (mortie {@code decimal_morton}): one
 * {@code long} that names a cell of any order 0..29, sorts parents before children and siblings in
 * NESTED order, and is the shard key of zagg's shard maps.
 *
 * <p>Layout, most significant bit first: a 4-bit prefix {@code base cell + 1} (1..12), then 27
 * two-bit NESTED digits for orders 1..27 (order 1 highest; digits below the cell's order are zero),
 * then a 6-bit suffix: the order itself for orders 0..27, {@code 28 + 5·d28} at order 28 and
 * {@code 28 + 5·d28 + d29 + 1} at order 29, where d28 and d29 are the digits of orders 28 and 29.
 * Suffixes 48..63 are mortie's order-29 "point" words, which zagg never produces; this class
 * rejects them.
 *
 * <p>Words of base cells 7..11 have bit 63 set: they are <b>unsigned</b> 64-bit values. Compare
 * them with {@link #compare}, print them with {@link #toString(long)} and parse them with
 * {@link #parse}; a signed {@code long} comparison or {@code Long.toString} gets them wrong.
 * The unsigned order of words is the order of (base cell, Z-order curve), parents first.
 *
 * <p>Every method taking a word checks it and throws {@link IllegalArgumentException} for a word
 * that no cell encodes.
 */
public final class MortonWord {

    private static final int PREFIX_SHIFT = 60;
    private static final int SUFFIX_BITS = 6;
    private static final long SUFFIX_MASK = (1L << SUFFIX_BITS) - 1;
    /** The order whose digit sits lowest in the body; orders 28 and 29 go into the suffix. */
    private static final int BODY_ORDERS = 27;
    private static final int FIRST_AREA_SUFFIX = 28;
    private static final int FIRST_POINT_SUFFIX = 48;
    private static final int BASE_CELLS = 12;

    private MortonWord() {
    }

    /**
     * The word of the cell with NESTED id {@code nested} at {@code order}.
     *
     * @throws IllegalArgumentException if the order is outside 0..29 or the id outside [0, 12·4^order)
     */
    public static long fromNested(long nested, int order) {
        Healpix.checkOrder("order", order);
        if (nested < 0 || nested >= cellCount(order)) {
            throw new IllegalArgumentException("NESTED id " + nested + " is outside 0.." + (cellCount(order) - 1)
                    + " at order " + order);
        }
        return pack(nested, order);
    }

    /** The NESTED id of the word's cell (at the word's {@link #order}). */
    public static long toNested(long word) {
        int order = order(word);
        long base = baseCellOf(word);
        long suffix = word & SUFFIX_MASK;
        int bodyOrders = Math.min(order, BODY_ORDERS);
        long digits = bodyOrders == 0 ? 0 : (word << 4) >>> (64 - 2 * bodyOrders);
        if (order >= 28) {
            long low = suffix - FIRST_AREA_SUFFIX;
            long d28 = low / 5;
            digits = (digits << 2) | d28;
            if (order == 29) {
                digits = (digits << 2) | (low - 5 * d28 - 1);
            }
        }
        return (base << (2 * order)) | digits;
    }

    /** The order (0..29) of the word's cell. */
    public static int order(long word) {
        check(word);
        return orderOfValid(word);
    }

    /** The base cell (0..11) the word's cell lies in. */
    public static int baseCell(long word) {
        check(word);
        return (int) baseCellOf(word);
    }

    /**
     * The word of the cell at {@code order} that contains the word's cell (mortie's
     * {@code clip2order}); a word already at {@code order} or coarser is returned unchanged.
     *
     * @throws IllegalArgumentException if the order is outside 0..29 or the word is invalid
     */
    public static long coarsen(long word, int order) {
        Healpix.checkOrder("order", order);
        int own = order(word);
        if (own <= order) {
            return word;
        }
        return pack(toNested(word) >>> (2 * (own - order)), order);
    }

    /**
     * The word of the enclosing cell one order coarser.
     *
     * @throws IllegalArgumentException if the word is a base cell (order 0) or invalid
     */
    public static long parent(long word) {
        int own = order(word);
        if (own == 0) {
            throw new IllegalArgumentException("morton word " + toString(word) + " is base cell "
                    + baseCellOf(word) + " (order 0) and has no parent");
        }
        return pack(toNested(word) >>> 2, own - 1);
    }

    /**
     * The 4^(childOrder - order) cells at {@code childOrder} inside the word's cell, in canonical
     * order: ascending NESTED id, which is also ascending unsigned word order. At the word's own
     * order this is the word alone.
     *
     * @throws IllegalArgumentException if {@code childOrder} is coarser than the word, above 29, or
     *         more than 15 orders finer (the children would not fit in an array)
     */
    public static long[] children(long word, int childOrder) {
        int own = order(word);
        Healpix.checkOrder("child order", childOrder);
        if (childOrder < own) {
            throw new IllegalArgumentException("child order " + childOrder + " is coarser than the word's order " + own);
        }
        int levels = childOrder - own;
        if (levels > 15) {
            throw new IllegalArgumentException("child order " + childOrder + " is " + levels
                    + " orders below order " + own + "; at most 15 fit in an array");
        }
        long first = toNested(word) << (2 * levels);
        long[] out = new long[1 << (2 * levels)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pack(first + i, childOrder);
        }
        return out;
    }

    /** Compares two words as unsigned 64-bit values: the canonical (base cell, Z-order) order. */
    public static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }

    /** The word as an unsigned decimal, as zagg writes shard keys. */
    public static String toString(long word) {
        return Long.toUnsignedString(word);
    }

    /**
     * Parses an unsigned decimal word (up to 2^64 − 1) and checks that it encodes a cell.
     *
     * @throws IllegalArgumentException naming the text if it is not an unsigned decimal or no word
     */
    public static long parse(String text) {
        long word;
        try {
            word = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an unsigned 64-bit decimal morton word", e);
        }
        check(word);
        return word;
    }

    /** Whether the word encodes a cell: prefix 1..12, an area suffix, no digits below its order. */
    public static boolean isValid(long word) {
        long prefix = word >>> PREFIX_SHIFT;
        long suffix = word & SUFFIX_MASK;
        if (prefix < 1 || prefix > BASE_CELLS || suffix >= FIRST_POINT_SUFFIX) {
            return false;
        }
        int order = orderOfValid(word);
        if (order >= FIRST_AREA_SUFFIX) {
            return true;
        }
        long belowOrder = (1L << (SUFFIX_BITS + 2 * (BODY_ORDERS - order))) - 1;
        return (word & belowOrder) == suffix;
    }

    /** The number of cells at {@code order}: 12·4^order. */
    static long cellCount(int order) {
        return (long) BASE_CELLS << (2 * order);
    }

    private static void check(long word) {
        if (!isValid(word)) {
            throw new IllegalArgumentException("morton word " + toString(word) + " (0x" + Long.toHexString(word)
                    + ") encodes no cell: it needs a prefix 1..12, a suffix below 48 and no digits below its order");
        }
    }

    private static long baseCellOf(long word) {
        return (word >>> PREFIX_SHIFT) - 1;
    }

    private static int orderOfValid(long word) {
        int suffix = (int) (word & SUFFIX_MASK);
        if (suffix < FIRST_AREA_SUFFIX) {
            return suffix;
        }
        return (suffix - FIRST_AREA_SUFFIX) % 5 == 0 ? 28 : 29;
    }

    /** Packs a NESTED id known to be in range at a valid order. */
    private static long pack(long nested, int order) {
        long base = nested >>> (2 * order);
        long digits = nested & ((1L << (2 * order)) - 1);
        long suffix = order;
        if (order == 29) {
            suffix = FIRST_AREA_SUFFIX + 5 * ((digits >>> 2) & 3) + (digits & 3) + 1;
            digits >>>= 4;
        } else if (order == 28) {
            suffix = FIRST_AREA_SUFFIX + 5 * (digits & 3);
            digits >>>= 2;
        }
        int bodyOrders = Math.min(order, BODY_ORDERS);
        return ((base + 1) << PREFIX_SHIFT) | (digits << (SUFFIX_BITS + 2 * (BODY_ORDERS - bodyOrders))) | suffix;
    }
}
