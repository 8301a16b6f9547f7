package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.zagg.grid.Healpix;
import org.junit.jupiter.api.Test;

class LeafCacheTest {

    @Test
    void theSameArrayIsHashedOnceAndEqualArraysAreNotConfused() {
        LeafCache cache = new LeafCache();
        double[] lat = {38.89, -80.0, 95.0};
        double[] lon = {-76.56, 120.0, 0.0};
        long[] first = cache.leaves(lat, lon);
        assertArrayEquals(new long[] {Healpix.nested(29, 38.89, -76.56), Healpix.nested(29, -80.0, 120.0), Healpix.INVALID}, first);
        assertSame(first, cache.leaves(lat, lon), "the segment table the reader caches is hashed once per run");
        long[] copy = cache.leaves(lat.clone(), lon);
        assertNotSame(first, copy, "keyed by identity: a fresh photon array is hashed itself");
        assertArrayEquals(first, copy);
    }

    @Test
    void selectorMarksOnlyTheShardsPoints() {
        long shard = Healpix.nested(11, 38.89, -76.56);
        HealpixSelector selector = new HealpixSelector(11, shard, new LeafCache());
        boolean[] selected = new boolean[3];
        selector.select(new double[] {38.89, 38.89, -80}, new double[] {-76.56, -76.0, 120}, selected);
        assertArrayEquals(new boolean[] {true, Healpix.nested(11, 38.89, -76.0) == shard, false}, selected);
        assertEquals(false, selected[2]);
        boolean[] repeated = new boolean[3];
        selector.selectRepeated(new double[] {38.89, 38.89, -80}, new double[] {-76.56, -76.0, 120}, repeated);
        assertArrayEquals(selected, repeated, "the cached path selects the same points");
    }
}
