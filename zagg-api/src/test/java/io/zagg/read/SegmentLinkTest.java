package io.zagg.read;

import static io.zagg.read.TestMasks.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import org.junit.jupiter.api.Test;

/** zagg's {@code _expand_mask_to_base} and {@code _broadcast_segment_to_base} over the rows being read. */
class SegmentLinkTest {

    // 1-based starts; segment 2 is empty (ATL03 writes 0 for it); rows 9..9 belong to no segment
    private static final long[] BEG = {1, 4, 0, 6};
    private static final long[] CNT = {3, 2, 0, 3};

    private static SegmentLink link(int baseRows) {
        return new SegmentLink("/gt1l/geolocation/ph_index_beg", BEG, "/gt1l/geolocation/segment_ph_cnt", CNT, 1, baseRows, "/gt1l/heights/lat_ph");
    }

    @Test
    void coarseMaskCoversTheRowsOfItsSegments() {
        SegmentLink l = link(10);
        assertArrayEquals(b(1, 1, 1, 0, 0, 1, 1, 1, 0, 0), l.expand(b(1, 0, 1, 1), RowRanges.of(0, 10)), "the empty segment covers nothing");
        assertArrayEquals(b(0, 1, 1, 1), l.expand(b(0, 1, 0, 1), RowRanges.of(new int[] {2, 5}, new int[] {4, 7})),
                "rows 2, 3, 5, 6 only");
    }

    @Test
    void broadcastFillsRowsOfNoSegmentWithNanOrZero() {
        SegmentLink l = link(10);
        Column dem = l.broadcast(Columns.of(10f, 20f, 30f, 40f), RowRanges.of(0, 10));
        float[] expected = {10, 10, 10, 20, 20, 40, 40, 40, Float.NaN, Float.NaN};
        assertArrayEquals(expected, (float[]) Columns.arrayOf(dem));
        Column ids = l.broadcast(Columns.wrap(new int[] {7, 8, 9, -1}, DType.INT32, 1), RowRanges.of(new int[] {2, 8}, new int[] {6, 10}));
        assertArrayEquals(new int[] {7, 8, 8, -1, 0, 0}, (int[]) Columns.arrayOf(ids));
    }

    @Test
    void theLaterOfTwoOverlappingSegmentsWins() {
        SegmentLink overlap = new SegmentLink("b", new long[] {1, 2}, "c", new long[] {3, 1}, 1, 3, "lat");
        assertArrayEquals(new double[] {1, 2, 1}, (double[]) Columns.arrayOf(overlap.broadcast(Columns.of(1.0, 2.0), RowRanges.of(0, 3))));
    }

    @Test
    void linkOutOfRangeIsAFailureNamingTheLinkDataset() {
        BeamFailure past = assertThrows(BeamFailure.class, () -> link(7));
        assertEquals("/gt1l/geolocation/ph_index_beg", past.dataset());
        assertEquals("segment 3 covers base rows [5, 8) but /gt1l/heights/lat_ph has 7 rows", past.getMessage());
        assertEquals(4, link(8).segments(), "rows 8.. may belong to no segment");
        BeamFailure below = assertThrows(BeamFailure.class,
                () -> new SegmentLink("b", new long[] {0}, "c", new long[] {2}, 1, 10, "lat"));
        assertEquals("segment 0 starts at index 0, below index_base 1", below.getMessage());
        BeamFailure negative = assertThrows(BeamFailure.class, () -> new SegmentLink("b", new long[] {1}, "c", new long[] {-1}, 1, 10, "lat"));
        assertEquals("c", negative.dataset());
        assertEquals("segment 0 has a negative count -1", negative.getMessage());
    }
}
