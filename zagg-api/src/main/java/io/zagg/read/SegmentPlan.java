package io.zagg.read;

import java.util.Arrays;

/**
 * zagg's segment → photon read plan ({@code read_plan.plan_read} with a coarse mask), step by
 * step, so that the rows it reads — and the edge photons it omits — are zagg's:
 * <ol>
 * <li>maximal runs {@code [s, e]} of matched segments;</li>
 * <li>each run widened by {@code pad} segments, clamped to the segment array; overlapping or
 * adjacent widened runs merged ({@code s <= previous e + 1});</li>
 * <li>in each merged run, only segments with {@code count > 0} are used as its first and last
 * segment (ATL03 writes {@code ph_index_beg == 0} for empty segments; a boundary there would
 * read from photon 0); a run of empty segments only is dropped;</li>
 * <li>{@code [index_beg[first] - index_base, index_beg[last] - index_base + count[last])},
 * clamped to {@code [0, n_base]}; empty slices dropped;</li>
 * <li>if the slices hold more than {@code full_read_threshold * n_base} rows, a full read
 * instead.</li>
 * </ol>
 * {@code n_base} is {@code sum(count)}: zagg assumes the non-empty segments tile the photons.
 */
final class SegmentPlan {

    private static final SegmentPlan EMPTY = new SegmentPlan(false, null);
    private static final SegmentPlan FULL = new SegmentPlan(true, null);

    private final boolean fullRead;
    private final RowRanges slices;

    private SegmentPlan(boolean fullRead, RowRanges slices) {
        this.fullRead = fullRead;
        this.slices = slices;
    }

    /** True when no segment matched (or every match was empty): the beam contributes nothing. */
    boolean isEmpty() {
        return !fullRead && slices == null;
    }

    /** True when the plan gave up for a full read (selectivity above the threshold). */
    boolean isFullRead() {
        return fullRead;
    }

    /** The base rows to read, when neither empty nor a full read. */
    RowRanges slices() {
        return slices;
    }

    /**
     * Works in time proportional to the matched segments (plus the empty segments at run
     * boundaries), not to the segment table: a shard matches a few hundred of a granule's tens
     * of thousands of segments.
     *
     * @param matched ascending positions of the segments whose reference position passed the shard test
     * @param link    the level's link (segment → base rows), checked
     * @throws IllegalArgumentException when the slices are out of photon order (segments that do not tile the base rows in order)
     */
    static SegmentPlan plan(int[] matched, SegmentLink link, int pad, double fullReadThreshold) {
        int n = link.segments();
        long nBase = link.baseRowsCovered();
        if (n == 0 || nBase <= 0 || matched.length == 0) {
            return EMPTY;
        }
        long[] indexBeg = link.indexBeg();
        long[] count = link.count();
        int indexBase = link.indexBase();
        int[] starts = new int[matched.length];
        int[] ends = new int[matched.length];
        int slices = 0;
        int runStart = -1; // first and last segment of the merged run being built, inclusive
        int runEnd = -1;
        for (int i = 0; i < matched.length;) {
            int s = matched[i];
            int e = s;
            for (i++; i < matched.length && matched[i] == e + 1; i++) {
                e++;
            }
            int ps = Math.max(0, s - pad);
            int pe = Math.min(n - 1, e + pad);
            if (runStart >= 0 && ps <= runEnd + 1) {
                runEnd = Math.max(runEnd, pe);
                continue;
            }
            if (runStart >= 0) {
                slices = addSlice(runStart, runEnd, indexBeg, count, indexBase, nBase, starts, ends, slices);
            }
            runStart = ps;
            runEnd = pe;
        }
        slices = addSlice(runStart, runEnd, indexBeg, count, indexBase, nBase, starts, ends, slices);
        if (slices == 0) {
            return EMPTY;
        }
        long total = 0;
        for (int i = 0; i < slices; i++) {
            total += ends[i] - starts[i];
        }
        if (total > fullReadThreshold * nBase) {
            return FULL;
        }
        return new SegmentPlan(false, RowRanges.of(Arrays.copyOf(starts, slices), Arrays.copyOf(ends, slices)));
    }

    private static int addSlice(int s, int e, long[] indexBeg, long[] count, int indexBase, long nBase, int[] starts, int[] ends, int slices) {
        int first = s;
        while (first <= e && count[first] <= 0) {
            first++;
        }
        if (first > e) {
            return slices;
        }
        int last = e;
        while (count[last] <= 0) {
            last--;
        }
        long start = Math.max(0, indexBeg[first] - indexBase);
        long end = Math.min(nBase, indexBeg[last] - indexBase + count[last]);
        if (end <= start) {
            return slices;
        }
        if (slices > 0 && start < ends[slices - 1]) {
            throw new IllegalArgumentException("segments " + first + ".." + last + " start at base row " + start
                    + ", before the end (" + ends[slices - 1] + ") of the segments planned before them: the link does not tile the base rows in order");
        }
        starts[slices] = Math.toIntExact(start);
        ends[slices] = Math.toIntExact(end);
        return slices + 1;
    }
}
