package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.Layouts;
import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import io.zagg.read.BeamRead;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.read.TestGranules;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shard test's keys are the cells a fresh hash of the points gives, for every selected
 * point, and the selection is exactly the points whose fresh hash lies in the shard: at shard
 * edges (points an ulp apart in different shards), the poles, the dateline and the face
 * boundaries, for grids with 32- and 64-bit keys.
 */
class HealpixSelectorTest {

    private static final double FACE_LATITUDE = Math.toDegrees(Math.asin(2.0 / 3.0));
    private static final double[] LATITUDES = {90, -90, 0, -0.0, FACE_LATITUDE, -FACE_LATITUDE, 89.999999, -89.999999};
    private static final double[] LONGITUDES = {-180, 180, 0, -0.0, 45, -45, 90, -90, 135, -135, 360, -360, 540, 179.9999999};

    /** The key an independent route gives: the leaf's cell and shard as morton words, back to NESTED ids. */
    private static long freshKey(HealpixGrid grid, long leaf) {
        long word = MortonWord.fromNested(leaf, Healpix.MAX_ORDER);
        return MortonWord.toNested(grid.cellOf(word)) - MortonWord.toNested(grid.shardOf(word)) * grid.cellsPerShard();
    }

    /**
     * Whether the hash gave an id on the sphere. healpy's arithmetic, which the hash follows
     * operation for operation, rounds a few points into face 12 (latitude -asin(2/3) exactly,
     * longitude an ulp below 360): no shard may select those.
     */
    private static boolean onSphere(long leaf) {
        return leaf >= 0 && leaf < 12L << (2 * Healpix.MAX_ORDER);
    }

    private static long freshShard(HealpixGrid grid, long leaf) {
        return MortonWord.toNested(grid.shardOf(MortonWord.fromNested(leaf, Healpix.MAX_ORDER)));
    }

    /** Valid points: special latitudes and longitudes, an ulp either side of them, random ones and pairs straddling a shard edge. */
    private static double[][] points(long seed, int shardOrder) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double lat = r.nextInt(3) == 0 ? LATITUDES[r.nextInt(LATITUDES.length)] : r.nextDouble(-90, 90);
            double lon = r.nextInt(3) == 0 ? LONGITUDES[r.nextInt(LONGITUDES.length)] : r.nextDouble(-540, 540);
            out.add(new double[] {lat, lon});
            out.add(new double[] {Math.max(-90, Math.min(90, r.nextBoolean() ? Math.nextUp(lat) : Math.nextDown(lat))),
                    r.nextBoolean() ? Math.nextUp(lon) : Math.nextDown(lon)});
        }
        for (int i = 0; i < 20; i++) {
            straddle(r, shardOrder, out);
        }
        return out.toArray(new double[0][]);
    }

    /** Two points an ulp apart in latitude whose shards differ (when the meridian crosses one), found by bisection. */
    private static void straddle(SplittableRandom r, int shardOrder, List<double[]> out) {
        double lon = r.nextDouble(-180, 180);
        double lo = r.nextDouble(-90, 90);
        double hi = Math.min(90, lo + r.nextDouble(0, 40.0 / (1 << shardOrder)) + 1e-9);
        long shardLo = Healpix.nested(shardOrder, lo, lon);
        if (shardLo == Healpix.nested(shardOrder, hi, lon)) {
            return;
        }
        while (Math.nextUp(lo) < hi) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (Healpix.nested(shardOrder, mid, lon) == shardLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        out.add(new double[] {lo, lon});
        out.add(new double[] {hi, lon});
    }

    @Test
    void keysAreTheFreshHashOfEverySelectedPointAndSelectionIsTheFreshShard() {
        qt().withExamples(250).forAll(longs().all(), integers().between(0, 12), integers().between(0, 17)).checkAssert((seed, shardOrder, depth) -> {
            int cellOrder = Math.min(Healpix.MAX_ORDER, shardOrder + depth);
            HealpixGrid grid = HealpixGrid.of(shardOrder, shardOrder, cellOrder);
            double[][] p = points(seed, shardOrder);
            double[] lat = new double[p.length];
            double[] lon = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                lat[i] = p[i][0];
                lon[i] = p[i][1];
            }
            // each shard some point lies in, so every point is tested against its own and others' shards
            for (int s = 0; s < p.length; s += 7) {
                long own = Healpix.nested(Healpix.MAX_ORDER, lat[s], lon[s]);
                if (!onSphere(own)) {
                    continue;
                }
                long shard = freshShard(grid, own);
                HealpixSelector selector = new HealpixSelector(grid, shard, new ShardIndexCache(shardOrder));
                boolean[] selected = new boolean[p.length];
                long[] keys = new long[p.length];
                selector.select(lat, lon, selected, keys);
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < p.length; i++) {
                    long leaf = Healpix.nested(Healpix.MAX_ORDER, lat[i], lon[i]);
                    String at = "point (" + lat[i] + ", " + lon[i] + ") against shard " + shard + " of " + grid;
                    assertEquals(onSphere(leaf) && freshShard(grid, leaf) == shard, selected[i], at);
                    if (selected[i]) {
                        assertEquals(freshKey(grid, leaf), keys[i], at);
                        assertTrue(keys[i] >= 0 && keys[i] < grid.cellsPerShard(), at);
                        kept.add(i);
                    }
                }
                assertTrue(selected[s], "the shard of point " + s + " holds it");
                // rows decoded elsewhere, keyed from their coordinates, get the same keys
                Column fresh = selector.keysOf(Columns.wrap(kept.stream().mapToDouble(i -> lat[i]).toArray(), DType.FLOAT64, 1),
                        Columns.wrap(kept.stream().mapToDouble(i -> lon[i]).toArray(), DType.FLOAT64, 1));
                assertEquals(selector.keyType(), fresh.dtype());
                for (int j = 0; j < kept.size(); j++) {
                    assertEquals(keys[kept.get(j)], fresh.getLong(j), "row " + j + " keyed from its coordinates");
                }
            }
        });
    }

    @Test
    void aPlannedReadOfRealPhotonsCarriesTheFreshHashOfEveryKeptRow() {
        HealpixGrid grid = HealpixGrid.of(11, 13, 19);
        GranuleReader reader = new GranuleReader(Layouts.atl03(), ReadOptions.defaults());
        Path granule = TestGranules.fixture("atl03_small.h5");
        Set<Long> shards = new TreeSet<>();
        long photons = 0;
        for (BeamRead b : reader.read(granule, TestGranules.everywhere()).beams()) {
            Column lat = b.columns().get("latitude");
            Column lon = b.columns().get("longitude");
            for (int r = 0; r < b.rows(); r++) {
                shards.add(Healpix.nested(grid.shardOrder(), lat.getDouble(r), lon.getDouble(r)));
            }
            photons += b.rows();
        }
        ShardIndexCache indexes = new ShardIndexCache(grid.shardOrder());
        long keyed = 0;
        for (long shard : shards) {
            HealpixSelector selector = new HealpixSelector(grid, shard, indexes);
            for (BeamRead b : reader.read(granule, selector).beams()) {
                if (b.status() != BeamRead.Status.READ) {
                    continue;
                }
                Column lat = b.columns().get("latitude");
                Column lon = b.columns().get("longitude");
                Column keys = b.keys().orElseThrow();
                assertEquals(DType.INT32, keys.dtype());
                for (int r = 0; r < b.rows(); r++) {
                    long leaf = Healpix.nested(Healpix.MAX_ORDER, lat.getDouble(r), lon.getDouble(r));
                    assertEquals(shard, freshShard(grid, leaf), "row " + r + " of " + b + " in shard " + shard);
                    assertEquals(freshKey(grid, leaf), keys.getLong(r), "row " + r + " of " + b + " in shard " + shard);
                }
                keyed += b.rows();
            }
        }
        assertTrue(shards.size() > 1, "the fixture spans shards: " + shards);
        assertEquals(photons, keyed, "every photon kept by exactly one shard's read, keyed");
    }

    @Test
    void keysAre32BitsWhileCellsPerShardFit() {
        assertEquals(DType.INT32, new HealpixSelector(HealpixGrid.of(11, 13, 19), 0, new ShardIndexCache(11)).keyType());
        assertEquals(DType.INT32, new HealpixSelector(HealpixGrid.of(0, 0, 15), 0, new ShardIndexCache(0)).keyType(), "4^15 cells");
        assertEquals(DType.INT64, new HealpixSelector(HealpixGrid.of(0, 0, 16), 0, new ShardIndexCache(0)).keyType(), "4^16 cells");
        HealpixSelector deep = new HealpixSelector(HealpixGrid.of(2, 2, 29), Healpix.nested(2, -89.9, 170), new ShardIndexCache(2));
        Column keys = deep.keysOf(Columns.of(-89.9), Columns.of(170.0));
        assertEquals(freshKey(HealpixGrid.of(2, 2, 29), Healpix.nested(29, -89.9, 170)), keys.getLong(0));
    }

    @Test
    void rowsWithInvalidCoordinatesCannotBeKeyed() {
        HealpixSelector selector = new HealpixSelector(HealpixGrid.of(11, 13, 19), Healpix.nested(11, 10, 20), new ShardIndexCache(11));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> selector.keysOf(Columns.of(10.0, Double.NaN), Columns.of(20.0, 20.0)));
        assertEquals("a row with invalid coordinates reached the index stage", e.getMessage());
    }
}
