package io.zagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.grid.HealpixGrid;
import org.junit.jupiter.api.Test;

class GridsTest {

    @Test
    void healpixAloneHasOrder19CellsAndOneChunkPerShard() {
        assertEquals(HealpixGrid.of(11, 11, 19), Grids.healpix(11).toGrid());
        assertEquals(HealpixGrid.of(22, 22, 22), Grids.healpix(22).toGrid(), "cells default to the shard order when finer than 19");
    }

    @Test
    void stepsReturnNewValuesAndDescribeThemselves() {
        HealpixSpec base = Grids.healpix(11);
        HealpixSpec fine = base.chunks(13).cells(19).sharded();
        assertEquals("healpix(11)", base.toString());
        assertEquals("healpix(11).chunks(13).cells(19).sharded()", fine.toString());
        assertEquals(HealpixGrid.of(11, 13, 19), fine.toGrid());
        assertEquals(Grids.healpix(11).chunks(13).cells(19).sharded(), fine);
    }

    @Test
    void eachOrderIsRangeCheckedAtOnce() {
        assertEquals("shard order 30 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> Grids.healpix(30)).getMessage());
        assertEquals("cell order -1 is outside 0..29",
                assertThrows(IllegalArgumentException.class, () -> Grids.healpix(3).cells(-1)).getMessage());
    }

    @Test
    void relationsAreCheckedWhenTheGridIsMade() {
        assertEquals("cell order 9 is coarser than shard order 11",
                assertThrows(IllegalArgumentException.class, () -> Grids.healpix(11).cells(9).toGrid()).getMessage());
        assertEquals("chunk order must lie in [11, 19], got 20",
                assertThrows(IllegalArgumentException.class, () -> Grids.healpix(11).chunks(20).toGrid()).getMessage());
        assertEquals("sharded storage needs more than one inner chunk per shard: chunk order 11 equals shard order 11 (e.g. chunks(13))",
                assertThrows(IllegalArgumentException.class, () -> Grids.healpix(11).sharded().toGrid()).getMessage());
    }
}
