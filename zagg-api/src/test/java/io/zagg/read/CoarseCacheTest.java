package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CoarseCacheTest {

    private static final Path G = Path.of("/data/g1.h5");

    @Test
    void keepsArraysByGranuleAndDatasetAndEvictsTheLeastRecentlyUsed() {
        CoarseCache cache = new CoarseCache(100);
        double[] lat = new double[5];  // 40 bytes
        long[] beg = new long[5];      // 40 bytes
        cache.put(G, "/gt1l/geolocation/reference_photon_lat", lat);
        cache.put(G, "/gt1l/geolocation/ph_index_beg", beg);
        assertSame(lat, cache.get(Path.of("/data/../data/g1.h5"), "/gt1l/geolocation/reference_photon_lat"), "paths are normalized");
        assertNull(cache.get(Path.of("/data/g2.h5"), "/gt1l/geolocation/reference_photon_lat"));
        assertEquals(80, cache.bytes());

        cache.put(G, "/gt1l/geolocation/segment_ph_cnt", new int[10]); // 40 more: over 100, the least recent (beg) goes
        assertNull(cache.get(G, "/gt1l/geolocation/ph_index_beg"));
        assertSame(lat, cache.get(G, "/gt1l/geolocation/reference_photon_lat"));
        assertEquals(80, cache.bytes());
    }

    @Test
    void anArrayAboveTheLimitIsNotKept() {
        CoarseCache cache = new CoarseCache(16);
        cache.put(G, "big", new double[3]);
        assertNull(cache.get(G, "big"));
        assertEquals(0, cache.bytes());
        CoarseCache off = new CoarseCache(0);
        off.put(G, "x", new byte[1]);
        assertNull(off.get(G, "x"), "a zero limit keeps nothing");
    }

    @Test
    void keepsCheckedLinksApartFromTheirArraysAndReleasesAGranule() {
        CoarseCache cache = new CoarseCache(1_000);
        long[] beg = {1, 11, 0};
        long[] cnt = {10, 10, 0};
        SegmentLink link = new SegmentLink("/gt1l/geolocation/ph_index_beg", beg, "/gt1l/geolocation/segment_ph_cnt", cnt, 1, 20, "lat_ph");
        cache.put(G, "/gt1l/geolocation/ph_index_beg", beg);
        cache.putLink(G, "/gt1l/geolocation/ph_index_beg", link);
        cache.put(Path.of("/data/g2.h5"), "/gt1l/geolocation/ph_index_beg", new long[2]);
        assertSame(link, cache.link(G, "/gt1l/geolocation/ph_index_beg"));
        assertSame(beg, cache.get(G, "/gt1l/geolocation/ph_index_beg"), "a link and its index dataset do not collide");
        assertNull(cache.link(G, "/gt1r/geolocation/ph_index_beg"));
        assertEquals(24 + 48 + 16, cache.bytes(), "a link counts its two long arrays");
        assertEquals(20, link.baseRowsCovered());

        cache.release(Path.of("/data/./g1.h5"));
        assertNull(cache.link(G, "/gt1l/geolocation/ph_index_beg"));
        assertNull(cache.get(G, "/gt1l/geolocation/ph_index_beg"));
        assertEquals(16, cache.bytes(), "only the other granule is left");
    }
}
