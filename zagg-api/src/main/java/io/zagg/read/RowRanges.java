package io.zagg.read;

import java.util.Arrays;

/**
 * Sorted, non-overlapping half-open ranges of base rows {@code [start, end)}: the rows of a
 * dataset a beam read decodes. Their concatenation, in order, is the beam's local row space:
 * local row 0 is the first row of the first range.
 */
final class RowRanges {

    private final int[] starts;
    private final int[] ends;
    // offsets[i] = local row of starts[i]; offsets[count] = total
    private final int[] offsets;

    private RowRanges(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
        this.offsets = new int[starts.length + 1];
        for (int i = 0; i < starts.length; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], ends[i] - starts[i]);
        }
    }

    static RowRanges of(int start, int end) {
        return of(new int[] {start}, new int[] {end});
    }

    /** @throws IllegalArgumentException if a range is empty or inverted or ranges overlap or are out of order */
    static RowRanges of(int[] starts, int[] ends) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException(starts.length + " starts but " + ends.length + " ends");
        }
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < 0 || ends[i] <= starts[i] || (i > 0 && starts[i] < ends[i - 1])) {
                throw new IllegalArgumentException("row range " + i + " [" + starts[i] + ", " + ends[i] + ") is empty, negative or overlaps the one before");
            }
        }
        return new RowRanges(starts.clone(), ends.clone());
    }

    int count() {
        return starts.length;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** Local row of the first row of range {@code i}. */
    int offset(int i) {
        return offsets[i];
    }

    /** Rows in all ranges. */
    int total() {
        return offsets[starts.length];
    }

    /** The ranges that hold local rows {@code [first, last]} (inclusive), cut to them. */
    RowRanges narrow(int first, int last) {
        int a = rangeOf(first);
        int b = rangeOf(last);
        int[] s = Arrays.copyOfRange(starts, a, b + 1);
        int[] e = Arrays.copyOfRange(ends, a, b + 1);
        s[0] = starts[a] + (first - offsets[a]);
        e[e.length - 1] = starts[b] + (last - offsets[b]) + 1;
        return new RowRanges(s, e);
    }

    private int rangeOf(int local) {
        int i = Arrays.binarySearch(offsets, local);
        return i >= 0 ? i : -i - 2;
    }

    /** Receives the local rows {@code [localStart, localEnd)} that a base-row interval shares with the ranges. */
    interface OverlapConsumer {
        void accept(int localStart, int localEnd);
    }

    /** Calls {@code consumer} for each part of base rows {@code [from, to)} that lies in the ranges, in order. */
    void forEachOverlap(long from, long to, OverlapConsumer consumer) {
        // first range whose end is past `from`
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < starts.length && starts[i] < to; i++) {
            long a = Math.max(from, starts[i]);
            long b = Math.min(to, ends[i]);
            if (a < b) {
                consumer.accept(offsets[i] + (int) (a - starts[i]), offsets[i] + (int) (b - starts[i]));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowRanges && Arrays.equals(starts, ((RowRanges) o).starts) && Arrays.equals(ends, ((RowRanges) o).ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < starts.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(starts[i]).append(", ").append(ends[i]).append(')');
        }
        return s.append(']').toString();
    }
}
