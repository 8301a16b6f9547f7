package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowRangesTest {

    private final RowRanges r = RowRanges.of(new int[] {10, 40, 100}, new int[] {20, 45, 130});

    @Test
    void localRowsConcatenateTheRanges() {
        assertEquals(45, r.total());
        assertEquals(List.of(0, 10, 15, 45), List.of(r.offset(0), r.offset(1), r.offset(2), r.total()));
    }

    @Test
    void narrowCutsToTheRangesHoldingTheLocalRows() {
        assertEquals(RowRanges.of(new int[] {15, 40, 100}, new int[] {20, 45, 102}), r.narrow(5, 16));
        assertEquals(RowRanges.of(42, 44), r.narrow(12, 13));
        assertEquals(r, r.narrow(0, 44));
    }

    @Test
    void overlapsAreReportedInLocalRows() {
        List<int[]> seen = new ArrayList<>();
        r.forEachOverlap(15, 105, (a, b) -> seen.add(new int[] {a, b}));
        assertEquals("[5, 10][10, 15][15, 20]", render(seen));
        seen.clear();
        r.forEachOverlap(20, 40, (a, b) -> seen.add(new int[] {a, b}));
        assertEquals("", render(seen), "the gap between ranges");
    }

    private static String render(List<int[]> parts) {
        StringBuilder s = new StringBuilder();
        parts.forEach(p -> s.append('[').append(p[0]).append(", ").append(p[1]).append(']'));
        return s.toString();
    }

    @Test
    void rangesMustBeSortedDisjointAndNonEmpty() {
        assertThrows(IllegalArgumentException.class, () -> RowRanges.of(new int[] {0, 5}, new int[] {10, 20}));
        assertThrows(IllegalArgumentException.class, () -> RowRanges.of(5, 5));
        assertEquals(RowRanges.of(new int[] {0, 10}, new int[] {10, 20}).total(), 20, "touching ranges are fine");
    }
}
