package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A table's shard index answers every shard exactly as the per-shard scan it replaces. */
class ShardIndexTest {

    /** The per-shard test the index replaces: every point of the table hashed and compared. */
    private static int[] scan(double[] lat, double[] lon, int shardOrder, long shard) {
        boolean[] mask = new boolean[lat.length];
        new HealpixSelector(HealpixGrid.of(shardOrder, shardOrder, shardOrder), shard, new ShardIndexCache(shardOrder)).select(lat, lon, mask);
        return IntStream.range(0, lat.length).filter(i -> mask[i]).toArray();
    }

    /** An ATL03-like beam: reference points 20 m apart walking north, with a few invalid ones. */
    private static double[][] track(long seed, int points, double lat0, double lon0) {
        Random r = new Random(seed);
        double[] lat = new double[points];
        double[] lon = new double[points];
        for (int i = 0; i < points; i++) {
            lat[i] = lat0 + i * 20 / 111_320.0;
            lon[i] = lon0 + r.nextGaussian() * 2e-5;
        }
        for (int k = 0; k < points / 500; k++) {
            int i = r.nextInt(points);
            lat[i] = k % 3 == 0 ? Double.NaN : k % 3 == 1 ? 95.0 : lat[i];
            lon[i] = k % 3 == 2 ? Double.POSITIVE_INFINITY : lon[i];
        }
        return new double[][] {lat, lon};
    }

    @Test
    void everyShardOfATrackGetsThePositionsTheScanFinds() {
        double[][] t = track(7, 40_000, 38.88, -76.56); // ~800 km: a few hundred order-11 shards
        ShardIndex index = ShardIndex.of(t[0], t[1], 11);
        long[] shards = index.shards();
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < t[0].length; i++) {
            if (Healpix.isValid(t[0][i], t[1][i])) {
                expected.add(Healpix.nested(11, t[0][i], t[1][i]));
            }
        }
        assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), shards, "the shards the track touches, ascending");
        int total = 0;
        for (long shard : shards) {
            int[] positions = index.positions(shard);
            assertArrayEquals(scan(t[0], t[1], 11, shard), positions, "shard " + shard);
            assertEquals(positions[0], index.firstPosition(shard));
            total += positions.length;
        }
        assertEquals(IntStream.range(0, t[0].length).filter(i -> Healpix.isValid(t[0][i], t[1][i])).count(), total,
                "every valid point in exactly one shard, no invalid one anywhere");
        long untouched = Healpix.nested(11, -45.0, 100.0);
        assertEquals(0, index.positions(untouched).length);
        assertEquals(-1, index.firstPosition(untouched));
    }

    @Test
    void scatteredPointsAtAnyShardOrderMatchTheScan() {
        qt().forAll(longs().all(), integers().between(0, 8), integers().between(0, 300)).checkAssert((seed, order, n) -> {
            Random r = new Random(seed);
            double[] lat = new double[n];
            double[] lon = new double[n];
            for (int i = 0; i < n; i++) {
                // clustered so that shards recur out of order: the index must merge their runs
                lat[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(4) * 20.0 - 30 + r.nextDouble();
                lon[i] = r.nextInt(3) * 40.0 + r.nextDouble();
            }
            ShardIndex index = ShardIndex.of(lat, lon, order);
            for (long shard = 0; shard < 12L << (2 * order); shard += Math.max(1, (12L << (2 * order)) / 97)) {
                assertArrayEquals(scan(lat, lon, order, shard), index.positions(shard), "order " + order + " shard " + shard);
            }
            for (long shard : index.shards()) {
                assertArrayEquals(scan(lat, lon, order, shard), index.positions(shard), "order " + order + " shard " + shard);
            }
        });
    }

    @Test
    void theSameTableIsIndexedOnceAndEqualTablesAreNotConfused() {
        ShardIndexCache cache = new ShardIndexCache(11);
        double[][] t = track(1, 2_000, 38.88, -76.56);
        ShardIndex first = cache.of(t[0], t[1]);
        assertSame(first, cache.of(t[0], t[1]), "a segment table the reader caches is indexed once per run");
        ShardIndex copy = cache.of(t[0].clone(), t[1]);
        assertNotSame(first, copy, "keyed by identity: a fresh array is indexed itself");
        assertArrayEquals(first.shards(), copy.shards());
    }

    @Test
    void selectorMatchesOnlyTheShardsPoints() {
        long shard = Healpix.nested(11, 38.89, -76.56);
        HealpixSelector selector = new HealpixSelector(HealpixGrid.of(11, 11, 11), shard, new ShardIndexCache(11));
        double[] lat = {38.89, 38.89, -80, Double.NaN, 38.89};
        double[] lon = {-76.56, -76.0, 120, -76.56, -76.56};
        boolean[] selected = new boolean[3];
        selector.select(Arrays.copyOf(lat, 3), Arrays.copyOf(lon, 3), selected);
        assertArrayEquals(new boolean[] {true, Healpix.nested(11, 38.89, -76.0) == shard, false}, selected);
        int[] expected = Healpix.nested(11, 38.89, -76.0) == shard ? new int[] {0, 1, 4} : new int[] {0, 4};
        assertArrayEquals(expected, selector.matchRepeated(lat, lon), "the indexed path: same points, NaN never matched");
    }
}
