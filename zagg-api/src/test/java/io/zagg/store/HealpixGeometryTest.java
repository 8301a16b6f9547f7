package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.grid.HealpixGrid;
import org.junit.jupiter.api.Test;

class HealpixGeometryTest {

    @Test
    void workedExampleNumbers() {
        HealpixGeometry g = HealpixGeometry.of(11, 13, 19);
        assertEquals(3_298_534_883_328L, g.cellCount());
        assertEquals(805_306_368L, g.chunkCount());
        assertEquals(50_331_648L, g.shardCount());
        assertEquals(4096, g.cellsPerChunk());
        assertEquals(16, g.chunksPerShard());
        assertEquals(65536, g.cellsPerShard());
        assertEquals(244_150_720L, g.firstChunk(15_259_420L));
        assertEquals(15_259_420L, g.shardOf(244_150_728L));
        assertFalse(g.isSharded());
        assertTrue(g.sharded(true).isSharded());
    }

    @Test
    void extremeOrders() {
        assertEquals(12L << 58, HealpixGeometry.of(0, 14, 29).cellCount());
        assertEquals(12, HealpixGeometry.of(0, 0, 0).cellCount());
        assertEquals(1, HealpixGeometry.of(0, 0, 0).cellsPerChunk());
    }

    @Test
    void ordersAreValidated() {
        // the orders themselves are the grid's to check (io.zagg.grid.HealpixGrid)
        assertThrows(IllegalArgumentException.class, () -> HealpixGeometry.of(30, 30, 30));
        assertThrows(IllegalArgumentException.class, () -> HealpixGeometry.of(11, 10, 19));
        assertEquals("cell order 16 is 16 orders below chunk order 0; a chunk holds at most 4^15 cells",
                assertThrows(IllegalArgumentException.class, () -> HealpixGeometry.of(0, 0, 16)).getMessage());
        assertEquals("sharded needs several chunks per shard, but chunk order 11 equals shard order 11; choose a finer chunk order",
                assertThrows(IllegalArgumentException.class, () -> HealpixGeometry.of(11, 11, 19).sharded(true)).getMessage());
        assertEquals("shard 50331648 is outside 0..50331647 at shard order 11",
                assertThrows(IllegalArgumentException.class, () -> HealpixGeometry.of(11, 13, 19).firstChunk(50_331_648L)).getMessage());
    }

    @Test
    void builtFromTheGrid() {
        HealpixGrid grid = HealpixGrid.of(11, 13, 19);
        assertEquals(HealpixGeometry.of(11, 13, 19).sharded(true), HealpixGeometry.of(grid, true));
        assertEquals(grid, HealpixGeometry.of(grid, false).grid());
    }
}
