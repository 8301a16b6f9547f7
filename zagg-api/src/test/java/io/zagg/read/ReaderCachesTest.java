package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reader keeping files open and inflated chunks reads exactly what a reader without them
 * reads, inflates each chunk once when shards walk along the track, stays within its chunk
 * bytes, and forgets a granule it is told is done.
 */
class ReaderCachesTest {

    private static final Path SMALL = TestGranules.fixture("atl03_small.h5");
    private static final Layout LAYOUT = Layouts.atl03();

    /** Three stretches of the track (6000 photons, 1000 per chunk, from latitude 38.880 to 38.918), overlapping chunks. */
    private static final double[][] STRETCHES = {{38.880, 38.893}, {38.890, 38.905}, {38.902, 38.92}};

    private static ShardSelector stretch(double[] s) {
        return TestGranules.box(s[0], s[1], -180, 180);
    }

    private static void assertSameRead(GranuleRead expected, GranuleRead actual) {
        assertEquals(expected.beams().size(), actual.beams().size());
        for (int b = 0; b < expected.beams().size(); b++) {
            BeamRead e = expected.beams().get(b);
            BeamRead a = actual.beams().get(b);
            assertEquals(e.status(), a.status());
            assertEquals(e.columns().keySet(), a.columns().keySet());
            for (Map.Entry<String, Column> c : e.columns().entrySet()) {
                Object want = Columns.arrayOf(c.getValue());
                Object got = Columns.arrayOf(a.columns().get(c.getKey()));
                assertEquals(Array.getLength(want), Array.getLength(got), c.getKey());
                for (int i = 0; i < Array.getLength(want); i++) {
                    assertEquals(Array.get(want, i), Array.get(got, i), e.beam() + " " + c.getKey() + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void cachedReadsEqualUncachedOnesAndEachChunkIsInflatedOnce() {
        GranuleReader plain = new GranuleReader(LAYOUT, ReadOptions.defaults());
        // room for all 6 chunks of each dataset
        GranuleReader cached = new GranuleReader(LAYOUT, ReadOptions.builder().openFiles(2).chunkCacheBytes(8 << 20).chunksPerDataset(6).build());
        for (double[] s : STRETCHES) {
            assertSameRead(plain.read(SMALL, stretch(s)), cached.read(SMALL, stretch(s)));
        }
        InflatedChunks chunks = cached.inflatedChunks();
        // 2 beams x 4 photon datasets (lat, lon, signal_conf, h) x 6 chunks, every one read at least once
        assertEquals(2 * 4 * 6, chunks.misses(), "a chunk is inflated once, whatever the stretches overlapping it");
        assertTrue(chunks.hits() > 0, "neighbouring stretches share chunks: " + chunks.hits());
        for (double[] s : STRETCHES) {
            assertSameRead(plain.read(SMALL, stretch(s)), cached.read(SMALL, stretch(s)));
        }
        assertEquals(2 * 4 * 6, chunks.misses(), "read again: nothing inflated");
        cached.releaseAll();
    }

    @Test
    void theCacheHasRoomForSoManyChunksOfEachDatasetItReads() {
        GranuleReader reader = new GranuleReader(LAYOUT, ReadOptions.builder().chunkCacheBytes(8 << 20).chunksPerDataset(2).build());
        GranuleReader plain = new GranuleReader(LAYOUT, ReadOptions.defaults());
        for (double[] s : STRETCHES) {
            assertSameRead(plain.read(SMALL, stretch(s)), reader.read(SMALL, stretch(s)));
        }
        // 2 beams x (lat_ph 8,000 + lon_ph 8,000 + h_ph 4,000 + signal_conf_ph 5,000 bytes per chunk), 2 chunks each
        assertEquals(2 * 2 * 25_000, reader.inflatedChunks().capacity());
        assertTrue(reader.inflatedChunks().bytes() <= 2 * 2 * 25_000);
        reader.release(SMALL);
        assertEquals(0, reader.inflatedChunks().capacity(), "a released granule takes its room with it");
    }

    @Test
    void aSmallCacheStaysWithinItsBytes() {
        // one lat_ph chunk is 1000 x 8 bytes: room for two
        GranuleReader reader = new GranuleReader(LAYOUT, ReadOptions.builder().chunkCacheBytes(16_000).build());
        GranuleReader plain = new GranuleReader(LAYOUT, ReadOptions.defaults());
        for (double[] s : STRETCHES) {
            assertSameRead(plain.read(SMALL, stretch(s)), reader.read(SMALL, stretch(s)));
            assertTrue(reader.inflatedChunks().bytes() <= 16_000, reader.inflatedChunks().bytes() + " bytes kept");
        }
    }

    @Test
    void aReleasedGranuleIsForgotten() {
        GranuleReader reader = new GranuleReader(LAYOUT, ReadOptions.builder().openFiles(2).chunkCacheBytes(8 << 20).build());
        reader.read(SMALL, stretch(STRETCHES[0]));
        assertTrue(reader.inflatedChunks().bytes() > 0);
        reader.release(SMALL);
        assertEquals(0, reader.inflatedChunks().bytes(), "its chunks are dropped");
        assertFalse(reader.openGranules().isOpen(SMALL), "its file is closed");
        assertNull(reader.segmentTables().get(SMALL, "/gt1l/geolocation/reference_photon_lat"), "its segment tables are dropped");
        GranuleRead again = reader.read(SMALL, stretch(STRETCHES[0]));
        assertSameRead(new GranuleReader(LAYOUT, ReadOptions.defaults()).read(SMALL, stretch(STRETCHES[0])), again);
        assertTrue(reader.openGranules().isOpen(SMALL), "read again: opened again");
        reader.releaseAll();
        assertFalse(reader.openGranules().isOpen(SMALL));
    }
}
