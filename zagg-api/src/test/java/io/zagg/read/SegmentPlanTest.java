package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** zagg's {@code plan_read} rules, one example each, and the invariants of any plan. */
class SegmentPlanTest {

    /** Segments of {@code counts[p]} rows tiling the base rows in order, 1-based starts, 0 for empty ones (as ATL03). */
    private static long[][] link(int... counts) {
        long[] beg = new long[counts.length];
        long[] cnt = new long[counts.length];
        long next = 0;
        for (int p = 0; p < counts.length; p++) {
            cnt[p] = counts[p];
            beg[p] = counts[p] == 0 ? 0 : next + 1;
            next += counts[p];
        }
        return new long[][] {beg, cnt};
    }

    private static boolean[] matched(int n, int... segments) {
        boolean[] m = new boolean[n];
        for (int s : segments) {
            m[s] = true;
        }
        return m;
    }

    /** The plan for the segments flagged in {@code matched} (the planner hands it their positions). */
    private static SegmentPlan plan(boolean[] matched, long[][] link, int pad, double threshold) {
        return SegmentPlan.plan(Rows.positions(matched), checked(link[0], link[1]), pad, threshold);
    }

    private static SegmentLink checked(long[] beg, long[] cnt) {
        return new SegmentLink("ph_index_beg", beg, "segment_ph_cnt", cnt, 1, (int) Arrays.stream(cnt).sum(), "lat_ph");
    }

    @Test
    void runIsPaddedAndTranslatedWithIndexBase() {
        long[][] link = link(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        assertEquals(RowRanges.of(30, 60), plan(matched(10, 4), link, 1, 0.9).slices());
        assertEquals(RowRanges.of(0, 20), plan(matched(10, 0), link, 1, 0.9).slices(), "clamped at the first segment");
        assertEquals(RowRanges.of(80, 100), plan(matched(10, 9), link, 1, 0.9).slices(), "clamped at the last segment");
        assertEquals(RowRanges.of(40, 50), plan(matched(10, 4), link, 0, 0.9).slices());
    }

    @Test
    void overlappingAndAdjacentPaddedRunsMerge() {
        long[][] link = link(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        // runs [2,2] and [5,5] pad to [1,3] and [4,6]: adjacent, merged
        assertEquals(RowRanges.of(10, 70), plan(matched(10, 2, 5), link, 1, 0.9).slices());
        // runs [1,1] and [6,6] pad to [0,2] and [5,7]: two slices
        assertEquals(RowRanges.of(new int[] {0, 50}, new int[] {30, 80}), plan(matched(10, 1, 6), link, 1, 0.9).slices());
    }

    @Test
    void emptySegmentsAreSkippedAtRunBoundaries() {
        long[][] link = link(10, 10, 0, 10, 10, 0, 10, 10);
        assertTrue(plan(matched(8, 2), link, 0, 0.9).isEmpty(), "a run of one empty segment is dropped");
        assertEquals(RowRanges.of(10, 30), plan(matched(8, 2), link, 1, 0.9).slices(), "[1, 3]: segments 1 and 3");
        assertEquals(RowRanges.of(20, 30), plan(matched(8, 2, 3), link, 0, 0.9).slices(), "[2, 3] starts at empty segment 2");
        assertEquals(RowRanges.of(30, 40), plan(matched(8, 4, 5), link, 0, 0.9).slices(), "[4, 5] ends at empty segment 5");
    }

    @Test
    void aPlanAboveTheThresholdBecomesAFullRead() {
        long[][] link = link(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        assertFalse(plan(matched(10, 1, 2, 3, 4, 5, 6, 7), link, 0, 0.7).isFullRead(), "70 of 100 rows is not above 0.7");
        assertTrue(plan(matched(10, 1, 2, 3, 4, 5, 6, 7, 8), link, 0, 0.7).isFullRead());
        assertTrue(plan(matched(10), link, 1, 0.9).isEmpty());
        assertTrue(SegmentPlan.plan(new int[0], checked(new long[0], new long[0]), 1, 0.9).isEmpty());
        assertTrue(plan(matched(3, 1), link(0, 0, 0), 1, 0.9).isEmpty(), "no base rows at all");
    }

    @Test
    void segmentsOutOfPhotonOrderAreRejected() {
        long[] beg = {21, 1, 11};
        long[] cnt = {10, 10, 10};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentPlan.plan(new int[] {0, 2}, checked(beg, cnt), 0, 0.99));
        assertTrue(e.getMessage().contains("does not tile the base rows in order"), e.getMessage());
    }

    /**
     * Merged runs are unions of padded runs, so with a contiguous link a non-empty segment's
     * rows are read exactly when a matched segment is within {@code pad} of it — whatever
     * empty segments lie around.
     */
    @Test
    void aSegmentIsReadExactlyWhenAMatchedSegmentIsWithinPad() {
        qt().forAll(lists().of(integers().between(0, 6)).ofSizeBetween(1, 40), lists().of(integers().between(0, 3)).ofSizeBetween(1, 40),
                integers().between(0, 3)).checkAssert((counts, marks, pad) -> {
                    int n = counts.size();
                    long[][] link = link(counts.stream().mapToInt(Integer::intValue).toArray());
                    boolean[] m = new boolean[n];
                    for (int p = 0; p < n; p++) {
                        m[p] = marks.get(p % marks.size()) == 0;
                    }
                    SegmentPlan plan = plan(m, link, pad, 1.0);
                    assertFalse(plan.isFullRead());
                    boolean[] read = new boolean[(int) Arrays.stream(link[1]).sum()];
                    if (!plan.isEmpty()) {
                        RowRanges r = plan.slices();
                        for (int i = 0; i < r.count(); i++) {
                            Arrays.fill(read, r.start(i), r.end(i), true);
                        }
                    }
                    for (int p = 0; p < n; p++) {
                        boolean nearMatch = false;
                        for (int q = Math.max(0, p - pad); q <= Math.min(n - 1, p + pad); q++) {
                            nearMatch |= m[q];
                        }
                        for (long row = link[0][p] - 1; link[1][p] > 0 && row < link[0][p] - 1 + link[1][p]; row++) {
                            assertEquals(nearMatch, read[(int) row], "segment " + p + " of " + counts + ", pad " + pad);
                        }
                    }
                });
    }
}
