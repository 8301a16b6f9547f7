package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InflatedChunksTest {

    private static final Path G1 = Path.of("/data/g1.h5");
    private static final Path G2 = Path.of("/data/g2.h5");

    @Test
    void keepsChunksByGranuleDatasetAndIndex() {
        InflatedChunks cache = new InflatedChunks(1_000);
        InflatedChunks.Dataset lat = cache.dataset(G1, "/gt1l/heights/lat_ph");
        byte[] chunk3 = new byte[100];
        lat.put(3, chunk3);
        assertSame(chunk3, cache.dataset(Path.of("/data/./g1.h5"), "/gt1l/heights/lat_ph").get(3), "paths are normalized");
        assertNull(lat.get(4));
        assertNull(cache.dataset(G1, "/gt1l/heights/lon_ph").get(3));
        assertNull(cache.dataset(G2, "/gt1l/heights/lat_ph").get(3));
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
        assertEquals(100, cache.bytes());
    }

    @Test
    void theLeastRecentlyUsedChunksGoOnceTheBytesExceedTheLimit() {
        InflatedChunks cache = new InflatedChunks(250);
        InflatedChunks.Dataset h = cache.dataset(G1, "h_ph");
        h.put(0, new byte[100]);
        h.put(1, new byte[100]);
        h.get(0); // chunk 0 is now the most recent
        h.put(2, new byte[100]);
        assertNull(h.get(1), "the least recently used goes");
        assertTrue(h.get(0) != null && h.get(2) != null);
        assertEquals(200, cache.bytes());
        h.put(3, new byte[300]);
        assertNull(h.get(3), "a chunk above the whole limit is never kept");
        assertEquals(200, cache.bytes());
        assertThrows(IllegalArgumentException.class, () -> new InflatedChunks(-1));
    }

    @Test
    void theBytesKeptNeverExceedTheLimitAndAreTheSumOfTheChunksKept() {
        qt().forAll(integers().between(0, 2_000), lists().of(integers().between(0, 40)).ofSizeBetween(0, 200)).checkAssert((limit, puts) -> {
            InflatedChunks cache = new InflatedChunks(limit);
            InflatedChunks.Dataset d = cache.dataset(G1, "lat_ph");
            Map<Integer, Integer> sizes = new LinkedHashMap<>();
            for (int k : puts) {
                int size = 37 * (k % 7) + 1;
                d.put(k, new byte[size]);
                sizes.put(k, size);
            }
            assertTrue(cache.bytes() <= limit, cache.bytes() + " > " + limit);
            long kept = 0;
            for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
                byte[] got = d.get(e.getKey());
                kept += got == null ? 0 : got.length;
            }
            assertEquals(kept, cache.bytes());
            if (!puts.isEmpty() && sizes.get(puts.get(puts.size() - 1)) <= limit) {
                assertTrue(d.get(puts.get(puts.size() - 1)) != null, "the last chunk put fits, so it is kept");
            }
        });
    }

    @Test
    void releasingAGranuleDropsOnlyItsChunks() {
        InflatedChunks cache = new InflatedChunks(1_000);
        cache.dataset(G1, "lat_ph").put(0, new byte[10]);
        cache.dataset(G1, "lon_ph").put(0, new byte[20]);
        cache.dataset(G2, "lat_ph").put(0, new byte[40]);
        cache.release(Path.of("/data/../data/g1.h5"));
        assertNull(cache.dataset(G1, "lat_ph").get(0));
        assertNull(cache.dataset(G1, "lon_ph").get(0));
        assertEquals(40, cache.dataset(G2, "lat_ph").get(0).length);
        assertEquals(40, cache.bytes());
        cache.clear();
        assertEquals(0, cache.bytes());
        assertNull(cache.dataset(G2, "lat_ph").get(0));
    }
}
