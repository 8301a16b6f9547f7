package io.zagg.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of {@code morton_words.csv} (orders 0..29, all 12 base cells, words up to 2^64 − 1,
 * checked against mortie's own golden file): packing, unpacking and the unsigned text form.
 */
class MortonWordConformanceTest {

    private static final List<String[]> ROWS = Conformance.rows("morton_words.csv");

    @Test
    void fileHoldsAllRows() {
        assertEquals(2_718, ROWS.size());
        assertEquals(true, ROWS.stream().anyMatch(r -> Long.parseUnsignedLong(r[2]) < 0), "some words are >= 2^63");
    }

    @Test
    void everyRowPacksAndUnpacksBitForBit() {
        List<String> bad = new ArrayList<>();
        for (String[] r : ROWS) {
            int order = Integer.parseInt(r[0]);
            long nested = Long.parseLong(r[1]);
            long word = MortonWord.parse(r[2]);
            String row = String.join(",", r);
            if (MortonWord.fromNested(nested, order) != word) {
                bad.add(row + ": fromNested gave " + MortonWord.toString(MortonWord.fromNested(nested, order)));
            }
            if (MortonWord.toNested(word) != nested || MortonWord.order(word) != order) {
                bad.add(row + ": decoded (" + MortonWord.toNested(word) + ", " + MortonWord.order(word) + ")");
            }
            if (MortonWord.baseCell(word) != nested >>> (2 * order)) {
                bad.add(row + ": base cell " + MortonWord.baseCell(word));
            }
            if (!MortonWord.toString(word).equals(r[2])) {
                bad.add(row + ": printed as " + MortonWord.toString(word));
            }
        }
        assertEquals(List.of(), bad);
    }
}
