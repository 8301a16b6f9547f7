package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.Layout.ReadPlan;
import io.zagg.Layouts;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link KeyingSelector}'s keys travel with their rows through every step of a read — the
 * narrowing to the selected span, invalid coordinates (never shown to the selector), the read
 * plan and its padding, coarse and base filters, the fill-value rule and expression filters —
 * so each row's key is the one the selector gave that row's own point. On {@code atl03_grid.h5}
 * (see {@link GridFixtureTest}): beam gt1l at latitudes 0..30, gt2l 40° further north with three
 * invalid points.
 */
class KeyedReadTest {

    private static final Path GRID = TestGranules.fixture("atl03_grid.h5");

    /** Points in {@code [from, to)} or 40° further north; each keyed by its latitude, so a row's key names its point. */
    private record LatitudeKeys(double from, double to, DType keyType) implements KeyingSelector {

        long key(double lat) {
            return keyType == DType.INT32 ? Math.round(lat * 100) : Double.doubleToLongBits(lat);
        }

        @Override
        public void select(double[] lat, double[] lon, boolean[] selected, long[] keys) {
            for (int i = 0; i < lat.length; i++) {
                double l = lat[i] >= 40 ? lat[i] - 40 : lat[i];
                selected[i] = l >= from && l < to;
                keys[i] = key(lat[i]);
            }
        }
    }

    /** The filters and plans a read can go through, each over both beams. */
    private static final List<Layout> LAYOUTS;
    /** Drops every third photon (h_ph is the photon's index): the layouts' expression filter. */
    private static final ExpressionCompiler EVERY_THIRD = text -> (columns, rows) -> {
        boolean[] keep = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            keep[r] = ((long) columns.get("h_ph").getFloat(r)) % 3 != 1;
        }
        return keep;
    };
    private static final List<ReadOptions> OPTIONS = List.of(ReadOptions.builder().expressions(EVERY_THIRD).build(),
            ReadOptions.builder().exactRead(true).expressions(EVERY_THIRD).build(),
            ReadOptions.builder().dropFillValues(true).expressions(EVERY_THIRD).build());

    static {
        Layout both = Layouts.atl03().toBuilder().groups("gt1l", "gt2l").build();
        LAYOUTS = List.of(both,
                both.toBuilder().noReadPlan().build(),
                both.toBuilder().readPlan(ReadPlan.spatialIndex("segments").pad(0)).build(),
                both.toBuilder().filter(Filter.in("/{group}/geolocation/seg_flag", 1, 2).level("segments")).build(),
                ReadConformanceTest.withDem(both.toBuilder().filter(Filter.expression("h_ph % 3 != 1")).build()));
    }

    @Test
    void everyRowKeepsTheKeyOfItsOwnPoint() {
        qt().withExamples(200).forAll(integers().between(0, 29), integers().between(1, 30), integers().between(0, LAYOUTS.size() - 1),
                integers().between(0, 2 * OPTIONS.size() - 1))
                .checkAssert((from, span, layout, optionsAndWidth) -> {
                    DType keyType = optionsAndWidth % 2 == 1 ? DType.INT64 : DType.INT32;
                    LatitudeKeys selector = new LatitudeKeys(from, Math.min(30, from + span * 0.37), keyType);
                    GranuleRead g = new GranuleReader(LAYOUTS.get(layout), OPTIONS.get(optionsAndWidth / 2)).read(GRID, selector);
                    assertEquals(List.of(), g.failures());
                    for (BeamRead b : g.beams()) {
                        if (b.status() != BeamRead.Status.READ) {
                            assertTrue(b.keys().isEmpty(), b.toString());
                            continue;
                        }
                        Column keys = b.keys().orElseThrow();
                        Column lat = b.columns().get("latitude");
                        assertEquals(selector.keyType(), keys.dtype());
                        assertEquals(b.rows(), keys.rows(), b.toString());
                        for (int r = 0; r < b.rows(); r++) {
                            assertEquals(selector.key(lat.getDouble(r)), keys.getLong(r), b.beam() + " row " + r + " of " + b);
                        }
                    }
                });
    }

    @Test
    void theKeysArriveBesideTheColumnsNotAmongThem() {
        BeamRead b = new GranuleReader(Layouts.atl03().toBuilder().groups("gt2l").noReadPlan().build(), ReadOptions.defaults())
                .read(GRID, new LatitudeKeys(0, 30, DType.INT32)).beams().get(0);
        assertEquals(3, b.invalidCoordinates(), "counted as without keys");
        assertEquals(List.of("h_ph", "latitude", "longitude"), List.copyOf(b.columns().keySet()));
        assertEquals(b.rows(), b.keys().orElseThrow().rows());
        BeamRead plain = new GranuleReader(Layouts.atl03(), ReadOptions.defaults()).read(GRID, TestGranules.everywhere()).beams().get(0);
        assertEquals(BeamRead.Status.READ, plain.status());
        assertFalse(plain.keys().isPresent(), "a selector that keys nothing");
    }

    @Test
    void keysAre32Or64BitIntegers() {
        GranuleReader reader = new GranuleReader(Layouts.atl03(), ReadOptions.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.read(GRID, new LatitudeKeys(0, 30, DType.FLOAT64)));
        assertEquals("a shard test's key type must be int32 or int64, not " + DType.FLOAT64, e.getMessage());
    }
}
