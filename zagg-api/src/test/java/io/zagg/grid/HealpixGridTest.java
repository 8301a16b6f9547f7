package io.zagg.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealpixGridTest {

    /** zagg-reference §4.2 and §5.7: parent 11, chunk_inner 13, child 19. */
    private static final HealpixGrid GRID = HealpixGrid.builder().shardOrder(11).chunkOrder(13).cellOrder(19).build();
    private static final long SERC_LEAF = MortonWord.fromNested(Healpix.nested(29, 38.89, -76.56), 29);

    @Test
    void derivedSizes() {
        assertEquals(16, GRID.chunksPerShard());
        assertEquals(4096, GRID.cellsPerChunk());
        assertEquals(65536, GRID.cellsPerShard());
        assertEquals(3_298_534_883_328L, GRID.arrayShape());
        assertEquals(12L * (1L << 26), GRID.chunkGridShape());
        assertEquals(12L * (1L << 22), GRID.shardCount());
        assertEquals(201_326_592L, HealpixGrid.of(6, 6, 12).arrayShape());
    }

    @Test
    void sercPointWorkedExample() {
        long shard = GRID.shardOf(SERC_LEAF);
        long chunk = GRID.chunkOf(SERC_LEAF);
        long cell = GRID.cellOf(SERC_LEAF);
        assertEquals(5347398935386259467L, shard);
        assertEquals(15259420L, GRID.blockIndex(shard));
        assertEquals(0x4A35C7200000000DL, chunk);
        assertEquals(244150728L, GRID.blockIndex(chunk));
        assertEquals(8, GRID.chunkIndexInShard(chunk));
        assertEquals(GRID.blockIndex(chunk), GRID.blockIndex(shard) * GRID.chunksPerShard() + GRID.chunkIndexInShard(chunk));
        assertEquals(0x4A35C72116400013L, cell);
        assertEquals(1000041383001L, MortonWord.toNested(cell));
        assertEquals(1113, GRID.cellIndexInChunk(cell));
        assertEquals(MortonWord.toNested(cell), GRID.blockIndex(chunk) * GRID.cellsPerChunk() + GRID.cellIndexInChunk(cell));
    }

    @Test
    void pinnedBenchmarkShardIsBlock15259405() {
        long shard = MortonWord.parse("5347394812217655307");
        assertEquals(15259405L, GRID.blockIndex(shard));
        long[] chunks = GRID.chunksOf(shard);
        assertEquals(16, chunks.length);
        for (int i = 0; i < chunks.length; i++) {
            assertEquals(15259405L * 16 + i, GRID.blockIndex(chunks[i]));
            assertEquals(i, GRID.chunkIndexInShard(chunks[i]));
        }
    }

    @Test
    void chunkCellsAreTheArraySliceOfTheChunk() {
        long chunk = GRID.chunkOf(SERC_LEAF);
        long[] cells = GRID.cellsOf(chunk);
        assertEquals(4096, cells.length);
        long first = GRID.blockIndex(chunk) * GRID.cellsPerChunk();
        for (int i = 0; i < cells.length; i++) {
            assertEquals(first + i, MortonWord.toNested(cells[i]));
            assertEquals(19, MortonWord.order(cells[i]));
        }
    }

    @Test
    void signatureIsZaggsSpatialSignature() {
        Map<String, Object> s = GRID.signature();
        assertEquals(List.of("type", "indexing_scheme", "parent_order", "child_order", "layout"), List.copyOf(s.keySet()));
        assertEquals(List.of("healpix", "nested", 11, 19, "fullsphere"), List.copyOf(s.values()));
        assertEquals(s, HealpixGrid.of(11, 11, 19).signature(), "the chunk order is a storage choice");
        assertThrows(UnsupportedOperationException.class, () -> s.put("layout", "dense"));
    }

    @Test
    void ordersAreValidatedWithTheirNames() {
        assertEquals("cell order 9 is coarser than shard order 11",
                assertThrows(IllegalArgumentException.class, () -> HealpixGrid.of(11, 11, 9)).getMessage());
        assertEquals("chunk order must lie in [11, 19], got 20",
                assertThrows(IllegalArgumentException.class, () -> HealpixGrid.of(11, 20, 19)).getMessage());
        assertEquals("chunk order must lie in [11, 19], got 10",
                assertThrows(IllegalArgumentException.class, () -> HealpixGrid.of(11, 10, 19)).getMessage());
        assertEquals("shard order 30 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> HealpixGrid.builder().shardOrder(30)).getMessage());
        assertEquals("cell order -1 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> HealpixGrid.of(0, 0, -1)).getMessage());
        assertEquals("chunk order must lie in [11, 19], got 20",
                assertThrows(IllegalArgumentException.class,
                        () -> HealpixGrid.builder().shardOrder(11).chunkOrder(20).cellOrder(19).build()).getMessage());
        assertEquals("cell order was not set",
                assertThrows(IllegalStateException.class, () -> HealpixGrid.builder().shardOrder(11).build()).getMessage());
        assertEquals("shard order was not set",
                assertThrows(IllegalStateException.class, () -> HealpixGrid.builder().cellOrder(11).build()).getMessage());
    }

    @Test
    void builderDefaultsTheChunkOrderToTheShardOrder() {
        HealpixGrid g = HealpixGrid.builder().shardOrder(6).cellOrder(12).build();
        assertEquals(HealpixGrid.of(6, 6, 12), g);
        assertEquals(1, g.chunksPerShard());
        assertEquals(g.hashCode(), HealpixGrid.of(6, 6, 12).hashCode());
        assertNotEquals(HealpixGrid.of(6, 7, 12), g);
        assertEquals("HealpixGrid{shard order 6, chunk order 6, cell order 12}", g.toString());
    }

    @Test
    void wordsAtTheWrongOrderAreRejected() {
        long cell = GRID.cellOf(SERC_LEAF);
        assertEquals("a block index needs a shard (order 11) or an inner chunk (order 13), got morton word "
                + MortonWord.toString(cell) + " at order 19",
                assertThrows(IllegalArgumentException.class, () -> GRID.blockIndex(cell)).getMessage());
        assertEquals("morton word " + MortonWord.toString(cell) + " is at order 19, not a shard (order 11)",
                assertThrows(IllegalArgumentException.class, () -> GRID.chunksOf(cell)).getMessage());
        long coarse = MortonWord.coarsen(SERC_LEAF, 12);
        assertEquals("leaf " + MortonWord.toString(coarse) + " is at order 12, coarser than cell order 19",
                assertThrows(IllegalArgumentException.class, () -> GRID.cellOf(coarse)).getMessage());
    }

    @Test
    void everyLeafLiesInItsCellChunkAndShard() {
        qt().withExamples(2000)
                .forAll(doubles().between(-90, 90), doubles().between(-180, 180), integers().between(0, 8))
                .checkAssert((lat, lon, shardOrder) -> {
                    HealpixGrid g = HealpixGrid.of(shardOrder, shardOrder + 1, shardOrder + 3);
                    long leaf = MortonWord.fromNested(Healpix.nested(29, lat, lon), 29);
                    long shard = g.shardOf(leaf);
                    long chunk = g.chunkOf(leaf);
                    long cell = g.cellOf(leaf);
                    assertEquals(Healpix.nested(g.cellOrder(), lat, lon), MortonWord.toNested(cell));
                    assertEquals(shard, MortonWord.coarsen(chunk, shardOrder));
                    assertEquals(chunk, MortonWord.coarsen(cell, g.chunkOrder()));
                    assertEquals(chunk, g.chunksOf(shard)[(int) g.chunkIndexInShard(chunk)]);
                    assertEquals(cell, g.cellsOf(chunk)[(int) g.cellIndexInChunk(cell)]);
                });
    }
}
