package io.zagg.read;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.MutableColumn;
import java.util.Arrays;

/**
 * The link arrays of one coarse level as read from a beam: segment {@code p} covers base rows
 * {@code [indexBeg[p] - indexBase, indexBeg[p] - indexBase + count[p])}, none when
 * {@code count[p] == 0}. Checked once when read, so that every later use can trust the ranges:
 * a negative count, a start below {@code index_base} or a range past the base rows is a
 * {@link BeamFailure} naming the link dataset. A reader checks a granule's link once per run
 * and keeps it with the segment tables ({@link CoarseCache}): shards then plan in time
 * proportional to their own segments.
 */
final class SegmentLink {

    private final long[] indexBeg;
    private final long[] count;
    private final int indexBase;
    private final long baseRowsCovered;

    SegmentLink(String begPath, long[] indexBeg, String countPath, long[] count, int indexBase, int baseRows, String basePath) {
        this.indexBeg = indexBeg;
        this.count = count;
        this.indexBase = indexBase;
        long covered = 0;
        for (int p = 0; p < count.length; p++) {
            if (count[p] < 0) {
                throw new BeamFailure(countPath, "segment " + p + " has a negative count " + count[p]);
            }
            if (count[p] == 0) {
                continue; // ATL03 empty segment: ph_index_beg is 0, which is below index_base 1
            }
            long beg = indexBeg[p] - indexBase;
            if (beg < 0) {
                throw new BeamFailure(begPath, "segment " + p + " starts at index " + indexBeg[p] + ", below index_base " + indexBase);
            }
            if (beg + count[p] > baseRows) {
                throw new BeamFailure(begPath, "segment " + p + " covers base rows [" + beg + ", " + (beg + count[p])
                        + ") but " + basePath + " has " + baseRows + " rows");
            }
            covered += count[p];
        }
        this.baseRowsCovered = covered;
    }

    int segments() {
        return count.length;
    }

    long[] indexBeg() {
        return indexBeg;
    }

    long[] count() {
        return count;
    }

    int indexBase() {
        return indexBase;
    }

    /** {@code sum(count)}: the base rows zagg's read plan assumes the segments tile. */
    long baseRowsCovered() {
        return baseRowsCovered;
    }

    /** The bytes the link's arrays hold. */
    long bytes() {
        return 8L * (indexBeg.length + count.length);
    }

    /**
     * zagg's {@code _expand_mask_to_base}, restricted to the rows being read: a local row is
     * true when a segment whose coarse mask is true covers it.
     */
    boolean[] expand(boolean[] coarseMask, RowRanges ranges) {
        boolean[] out = new boolean[ranges.total()];
        for (int p = 0; p < count.length; p++) {
            if (coarseMask[p] && count[p] > 0) {
                long beg = indexBeg[p] - indexBase;
                ranges.forEachOverlap(beg, beg + count[p], (a, b) -> Arrays.fill(out, a, b, true));
            }
        }
        return out;
    }

    /**
     * zagg's {@code _broadcast_segment_to_base}, restricted to the rows being read: each local
     * row takes the value of the segment covering it (the later segment where two overlap, as
     * zagg's sequential writes do); rows no segment covers are NaN for float dtypes, 0 otherwise.
     */
    Column broadcast(Column values, RowRanges ranges) {
        MutableColumn out = Columns.allocate(values.dtype(), ranges.total(), 1);
        boolean floating = values.dtype().isFloating();
        if (floating) {
            for (int i = 0; i < ranges.total(); i++) {
                out.setDouble(i, Double.NaN);
            }
        }
        for (int p = 0; p < count.length; p++) {
            if (count[p] == 0) {
                continue;
            }
            long beg = indexBeg[p] - indexBase;
            int segment = p;
            ranges.forEachOverlap(beg, beg + count[p], (a, b) -> {
                if (floating) {
                    double v = values.getDouble(segment);
                    for (int i = a; i < b; i++) {
                        out.setDouble(i, v);
                    }
                } else {
                    long v = values.getLong(segment);
                    for (int i = a; i < b; i++) {
                        out.setLong(i, v);
                    }
                }
            });
        }
        return out;
    }
}
