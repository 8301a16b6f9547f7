package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.Layout.ReadPlan;
import io.zagg.Layouts;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The read plan, the coarse → base link and the broadcast on {@code atl03_grid.h5}, whose
 * values are known by construction ({@code tools/gen_granules.py atl03-grid}): 30 segments of
 * 10 photons, segments 8 and 20 empty ({@code segment_ph_cnt 0}, {@code ph_index_beg 0}),
 * 1-based {@code ph_index_beg}; photon {@code k} of segment {@code s} at latitude
 * {@code s + (k + 0.5) / 10}, its reference photon {@code k = 5} at {@code s + 0.55};
 * {@code h_ph} = the photon's index; every 7th photon TEP; {@code dem_h = 10 s} (fill value on
 * segment 5); {@code seg_flag = s % 3}; beam gt2l 40° further north with three invalid points.
 */
class GridFixtureTest {

    private static final Path GRID = TestGranules.fixture("atl03_grid.h5");
    private static final int SEGMENTS = 30;
    private static final int[] EMPTY = {8, 20};
    private static final float FILL = 3.4028235e38f;

    /** The segment of each photon, in file order. */
    private static final int[] SEGMENT_OF;

    static {
        List<Integer> seg = new ArrayList<>();
        for (int s = 0; s < SEGMENTS; s++) {
            if (s != EMPTY[0] && s != EMPTY[1]) {
                for (int k = 0; k < 10; k++) {
                    seg.add(s);
                }
            }
        }
        SEGMENT_OF = seg.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double latitude(int photon) {
        int s = SEGMENT_OF[photon];
        int k = photon - firstPhoton(s);
        return s + (k + 0.5) / 10;
    }

    private static int firstPhoton(int s) {
        for (int i = 0; i < SEGMENT_OF.length; i++) {
            if (SEGMENT_OF[i] == s) {
                return i;
            }
        }
        throw new IllegalArgumentException("segment " + s + " is empty");
    }

    /** The TEP-free photons meeting {@code test}, as the h_ph values the reader should return. */
    private static float[] photons(IntPredicate test) {
        List<Float> out = new ArrayList<>();
        for (int i = 0; i < SEGMENT_OF.length; i++) {
            if (i % 7 != 0 && test.test(i)) {
                out.add((float) i);
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static Layout.Builder gt1l() {
        return Layouts.atl03().toBuilder().groups("gt1l");
    }

    private static BeamRead read(Layout layout, ReadOptions options, ShardSelector selector) {
        GranuleRead g = new GranuleReader(layout, options).read(GRID, selector);
        assertEquals(List.of(), g.failures());
        return g.beams().get(0);
    }

    private static BeamRead read(Layout layout, ShardSelector selector) {
        return read(layout, ReadOptions.defaults(), selector);
    }

    private static BeamRead exact(Layout layout, ShardSelector selector) {
        return read(layout, ReadOptions.builder().exactRead(true).build(), selector);
    }

    private static float[] heights(BeamRead b) {
        return b.status() == BeamRead.Status.READ ? (float[]) Columns.arrayOf(b.columns().get("h_ph")) : new float[0];
    }

    private static ShardSelector latitudes(double min, double max) {
        return TestGranules.box(min, max, -180, 180);
    }

    @Test
    void wholeSegmentsInTheShardReadTheSameWithAndWithoutThePlan() {
        for (int a = 0; a < SEGMENTS; a++) {
            for (int b = a + 1; b <= SEGMENTS; b++) {
                int from = a;
                int to = b;
                float[] expected = photons(i -> SEGMENT_OF[i] >= from && SEGMENT_OF[i] < to);
                assertArrayEquals(expected, heights(exact(gt1l().build(), latitudes(a, b))), "exact, segments " + a + ".." + b);
                assertArrayEquals(expected, heights(read(gt1l().build(), latitudes(a, b))), "planned, segments " + a + ".." + b);
            }
        }
    }

    @Test
    void segmentWhoseReferencePhotonIsOutsideIsOmittedWithoutAMatchedNeighbour() {
        ShardSelector firstHalfOfSegment3 = latitudes(3.0, 3.5);
        BeamRead planned = read(gt1l().build(), firstHalfOfSegment3);
        BeamRead full = exact(gt1l().build(), firstHalfOfSegment3);
        assertEquals(BeamRead.Status.EMPTY, planned.status(), "no reference photon in [3.0, 3.5]: zagg reads nothing");
        assertEquals(0, planned.rowsRead());
        assertArrayEquals(photons(i -> SEGMENT_OF[i] == 3 && latitude(i) <= 3.5), heights(full));
        assertEquals(5, full.rows(), "photons 30..34");
    }

    @Test
    void padRecoversTheNeighbourOfAMatchedSegmentButNotOneTwoAway() {
        // segment 4's reference photon (4.55) matches; segment 3's photons match but its reference (3.55) does not
        ShardSelector throughSegment4 = latitudes(3.0, 4.6);
        assertArrayEquals(heights(exact(gt1l().build(), throughSegment4)), heights(read(gt1l().build(), throughSegment4)));

        // half of segment 3, and segment 5's reference photon only: segment 3 is two away from the run [5, 5]
        ShardSelector split = (lat, lon, sel) -> {
            for (int i = 0; i < lat.length; i++) {
                sel[i] = (lat[i] >= 3.0 && lat[i] <= 3.5) || (lat[i] >= 5.5 && lat[i] <= 5.6);
            }
        };
        float[] segment3 = photons(i -> SEGMENT_OF[i] == 3 && latitude(i) <= 3.5);
        float[] segment5 = photons(i -> SEGMENT_OF[i] == 5 && latitude(i) >= 5.5 && latitude(i) <= 5.6);
        assertArrayEquals(segment5, heights(read(gt1l().build(), split)), "pad 1 covers segments 4..6 only");
        float[] both = concat(segment3, segment5);
        Layout pad2 = gt1l().readPlan(ReadPlan.spatialIndex("segments").pad(2)).build();
        assertArrayEquals(both, heights(read(pad2, split)), "pad 2 reaches segment 3");
        assertArrayEquals(both, heights(exact(gt1l().build(), split)));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void emptySegmentsAreNeverRunBoundaries() {
        // only empty segment 8's reference photon (8.55) matches: run [8, 8], padded [7, 9];
        // its ph_index_beg 0 must not become a boundary (that would read from photon 0)
        BeamRead onlyEmpty = read(gt1l().build(), latitudes(8.0, 8.99));
        assertEquals(BeamRead.Status.EMPTY, onlyEmpty.status());
        assertEquals(20, onlyEmpty.rowsRead(), "segments 7 and 9 only");
        assertEquals(BeamRead.Access.PLANNED, onlyEmpty.access());

        // unpadded run [20, 21] starts at empty segment 20: it reads segment 21 only, not from photon 0
        Layout pad0 = gt1l().readPlan(ReadPlan.spatialIndex("segments").pad(0)).build();
        BeamRead startsEmpty = read(pad0, latitudes(20.0, 21.6));
        assertEquals(10, startsEmpty.rowsRead(), "segment 21");
        assertArrayEquals(photons(i -> SEGMENT_OF[i] == 21 && latitude(i) <= 21.6), heights(startsEmpty));
        // padded, it is [19, 22]
        assertEquals(30, read(gt1l().build(), latitudes(20.0, 21.6)).rowsRead(), "segments 19, 21, 22");

        // without padding the run holds the empty segment only and is dropped
        BeamRead dropped = read(pad0, latitudes(8.0, 8.99));
        assertEquals(BeamRead.Status.EMPTY, dropped.status());
        assertEquals(0, dropped.rowsRead());
    }

    @Test
    void planAboveTheThresholdFallsBackToAFullRead() {
        BeamRead all = read(gt1l().build(), TestGranules.everywhere());
        assertEquals(BeamRead.Access.PLAN_FELL_BACK_TO_FULL, all.access());
        assertEquals(280, all.rowsRead());
        Layout never = gt1l().readPlan(ReadPlan.spatialIndex("segments").fullReadThreshold(1.0)).build();
        BeamRead planned = read(never, TestGranules.everywhere());
        assertEquals(BeamRead.Access.PLANNED, planned.access(), "280 planned rows are not more than 1.0 x 280");
        assertArrayEquals(heights(all), heights(planned));
        Layout half = gt1l().readPlan(ReadPlan.spatialIndex("segments").fullReadThreshold(0.5)).build();
        BeamRead tenSegments = read(half, latitudes(2.0, 16.0));
        assertEquals(BeamRead.Access.PLAN_FELL_BACK_TO_FULL, tenSegments.access(), "segments 1..16 are 150 of 280 rows, above 0.5");
    }

    @Test
    void coarseFilterIsExpandedToThePhotonsOfItsSegments() {
        Layout flagZero = gt1l().filter(Filter.eq("/{group}/geolocation/seg_flag", 0).level("segments")).noReadPlan().build();
        assertArrayEquals(photons(i -> SEGMENT_OF[i] % 3 == 0), heights(read(flagZero, TestGranules.everywhere())));
        Layout dropZero = gt1l().filter(Filter.eq("/{group}/geolocation/seg_flag", 0).level("segments").drop()).noReadPlan().build();
        assertArrayEquals(photons(i -> SEGMENT_OF[i] % 3 != 0), heights(read(dropZero, TestGranules.everywhere())));
        Layout oneOrTwo = gt1l().filter(Filter.in("/{group}/geolocation/seg_flag", 1, 2).level("segments")).build();
        assertArrayEquals(photons(i -> SEGMENT_OF[i] % 3 != 0 && SEGMENT_OF[i] >= 4 && SEGMENT_OF[i] < 12),
                heights(read(oneOrTwo, latitudes(4, 12))), "with the read plan");
    }

    @Test
    void segmentVariableIsBroadcastToItsPhotonsAcrossEmptySegments() {
        Layout dem = ReadConformanceTest.withDem(gt1l().build());
        for (ReadOptions options : List.of(ReadOptions.defaults(), ReadOptions.builder().exactRead(true).build())) {
            BeamRead b = read(dem, options, latitudes(4.0, 23.0));
            float[] h = heights(b);
            Column demH = b.columns().get("dem_h");
            assertEquals(List.of("h_ph", "dem_h", "latitude", "longitude"), new ArrayList<>(b.columns().keySet()));
            assertEquals(h.length, demH.rows());
            for (int r = 0; r < h.length; r++) {
                int s = SEGMENT_OF[(int) h[r]];
                assertEquals(s == 5 ? FILL : 10f * s, demH.getFloat(r), "photon " + (int) h[r]);
            }
            assertEquals("/gt1l/geophys_corr/dem_h", b.sources().get("dem_h"));
        }
    }

    @Test
    void fillValuesAreKeptUnlessAskedToDrop() {
        Layout dem = ReadConformanceTest.withDem(gt1l().build());
        ReadOptions drop = ReadOptions.builder().dropFillValues(true).build();
        assertArrayEquals(photons(i -> SEGMENT_OF[i] >= 4 && SEGMENT_OF[i] < 7), heights(read(dem, latitudes(4.0, 7.0))));
        assertArrayEquals(photons(i -> SEGMENT_OF[i] == 4 || SEGMENT_OF[i] == 6), heights(read(dem, drop, latitudes(4.0, 7.0))),
                "segment 5's dem_h is its _FillValue");
    }

    @Test
    void invalidCoordinatesAreCountedAndNeverShownToTheSelector() {
        ShardSelector strict = (lat, lon, sel) -> {
            for (int i = 0; i < lat.length; i++) {
                assertTrue(Double.isFinite(lat[i]) && Math.abs(lat[i]) <= 90 && Double.isFinite(lon[i]), "invalid point passed to the selector");
                sel[i] = true;
            }
        };
        BeamRead gt2l = new GranuleReader(Layouts.atl03().toBuilder().groups("gt2l").noReadPlan().build(), ReadOptions.defaults())
                .read(GRID, strict).beams().get(0);
        assertEquals(3, gt2l.invalidCoordinates(), "NaN latitude, latitude 95, infinite longitude");
        assertArrayEquals(photons(i -> i < 3 || i > 5), heights(gt2l));
    }

    @Test
    void expressionFiltersRunThroughTheSuppliedCompilerOverVariablesAndBroadcasts() {
        Layout layout = ReadConformanceTest.withDem(gt1l().filter(Filter.expression("dem_h < 100")).build());
        ExpressionCompiler demBelow100 = text -> (columns, rows) -> {
            assertEquals("dem_h < 100", text);
            assertEquals(List.of("dem_h", "h_ph"), columns.keySet().stream().sorted().toList(), "variables and broadcasts, no coordinates");
            boolean[] keep = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                keep[r] = columns.get("dem_h").getFloat(r) < 100;
            }
            return keep;
        };
        BeamRead b = read(layout, ReadOptions.builder().expressions(demBelow100).build(), latitudes(4.0, 23.0));
        assertArrayEquals(photons(i -> SEGMENT_OF[i] >= 4 && SEGMENT_OF[i] < 10 && SEGMENT_OF[i] != 5), heights(b));
        assertEquals(b.rows(), b.columns().get("latitude").rows(), "every column is masked");

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new GranuleReader(layout, ReadOptions.defaults()));
        assertEquals("expression filter 'dem_h < 100' needs an expression compiler: set ReadOptions.Builder.expressions(...)", none.getMessage());

        GranuleRead wrong = new GranuleReader(layout, ReadOptions.builder().expressions(t -> (c, rows) -> new boolean[rows + 1]).build())
                .read(GRID, latitudes(4.0, 23.0));
        int rows = photons(i -> SEGMENT_OF[i] >= 4 && SEGMENT_OF[i] < 23).length;
        ReadFailure failure = wrong.beams().get(0).failure().orElseThrow();
        assertEquals("expression filter 'dem_h < 100' must yield a per-row boolean mask (got " + (rows + 1) + " flags for " + rows + " rows)",
                failure.reason());
        assertEquals(GRID + ", beam gt1l: " + failure.reason(), failure.message());
    }

    @Test
    void rowsComeInFileOrderWithCoordinates() {
        BeamRead b = exact(gt1l().build(), latitudes(0, 30));
        Map<String, Column> c = b.columns();
        float[] h = heights(b);
        for (int r = 0; r < h.length; r++) {
            assertEquals(latitude((int) h[r]), c.get("latitude").getDouble(r), 1e-12);
            assertEquals((int) h[r] * 0.001, c.get("longitude").getDouble(r), 1e-12);
            if (r > 0) {
                assertTrue(h[r] > h[r - 1]);
            }
        }
    }
}
