package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.zagg.jmh.ShardColumns.RowOrder;
import io.zagg.reduce.CellRuns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShardColumnsTest {

    @Test
    void theSameArgumentsGiveTheSameColumns() {
        ShardColumns a = ShardColumns.generate(5_000, 300, RowOrder.RANDOM);
        ShardColumns b = ShardColumns.generate(5_000, 300, RowOrder.RANDOM);
        assertArrayEquals(a.h(), b.h());
        assertArrayEquals(a.cell(), b.cell());
    }

    @Test
    void clusteredRowsFormOneRunPerCell() {
        qt().withExamples(200).forAll(integers().between(1, 3_000), integers().between(1, 500)).checkAssert((rows, cells) -> {
            ShardColumns shard = ShardColumns.generate(rows, cells, RowOrder.CLUSTERED);
            int[] starts = shard.cellStarts();
            assertEquals(cells + 1, starts.length);
            assertEquals(0, starts[0]);
            assertEquals(rows, starts[cells]);
            for (int c = 0; c < cells; c++) {
                assertTrue(starts[c] <= starts[c + 1], "runs must not go backwards at cell " + c);
                for (int i = starts[c]; i < starts[c + 1]; i++) {
                    assertEquals(c, shard.cell()[i], "row " + i);
                }
            }
        });
    }

    @Test
    void cellRunsCoverTheNonEmptyCellsInOrder() {
        ShardColumns shard = ShardColumns.generate(1_000, 1_000, RowOrder.CLUSTERED);
        CellRuns runs = shard.cellRuns();
        assertEquals(1_000, runs.cellCount());
        int nonEmpty = 0;
        for (int c = 0; c < 1_000; c++) {
            nonEmpty += shard.cellStarts()[c + 1] > shard.cellStarts()[c] ? 1 : 0;
        }
        assertEquals(nonEmpty, runs.runs());
        assertTrue(nonEmpty < 1_000, "some cells should be empty");
        for (int k = 0; k < runs.runs(); k++) {
            int c = runs.cell(k);
            assertEquals(shard.cellStarts()[c], runs.start(k), "start of run " + k);
            assertEquals(shard.cellStarts()[c + 1], runs.end(k), "end of run " + k);
        }
    }

    @Test
    void randomOrderIsAPermutationOfTheClusteredRows() {
        ShardColumns clustered = ShardColumns.generate(20_000, 1_000, RowOrder.CLUSTERED);
        ShardColumns random = ShardColumns.generate(20_000, 1_000, RowOrder.RANDOM);
        assertArrayEquals(sortedPairs(clustered), sortedPairs(random));
        int descents = 0;
        for (int i = 1; i < random.rows(); i++) {
            descents += random.cell()[i] < random.cell()[i - 1] ? 1 : 0;
        }
        assertTrue(descents > random.rows() / 3, "random order has only " + descents + " descents");
    }

    private static long[] sortedPairs(ShardColumns shard) {
        long[] pairs = new long[shard.rows()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = ((long) shard.cell()[i] << 32) | (Float.floatToRawIntBits(shard.h()[i]) & 0xFFFF_FFFFL);
        }
        Arrays.sort(pairs);
        return pairs;
    }

    @Test
    void heightsLookLikeIceSat2WithSpreadWithinCells() {
        ShardColumns shard = ShardColumns.generate(100_000, 1_000, RowOrder.CLUSTERED);
        int cellsWithSpread = 0;
        for (int c = 0; c < 1_000; c++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = shard.cellStarts()[c]; i < shard.cellStarts()[c + 1]; i++) {
                float h = shard.h()[i];
                assertTrue(h >= -30 - 75 - 1 && h <= 3270 + 75 + 1, "height " + h + " at row " + i);
                lo = Math.min(lo, h);
                hi = Math.max(hi, h);
            }
            cellsWithSpread += hi - lo > 0.01f ? 1 : 0;
        }
        assertTrue(cellsWithSpread > 990, "only " + cellsWithSpread + " of 1000 cells have any spread");
    }

    @Test
    void aboutAThirdOfTheCellsAreEmptyWhenCellsEqualRows() {
        ShardColumns shard = ShardColumns.generate(100_000, 100_000, RowOrder.CLUSTERED);
        int empty = 0;
        for (int c = 0; c < 100_000; c++) {
            empty += shard.cellStarts()[c] == shard.cellStarts()[c + 1] ? 1 : 0;
        }
        assertEquals(100_000 * Math.exp(-1), empty, 1_000);
    }

    @Test
    void randomRowsHaveNoRuns() {
        ShardColumns random = ShardColumns.generate(10, 3, RowOrder.RANDOM);
        IllegalStateException e = assertThrows(IllegalStateException.class, random::cellStarts);
        assertTrue(e.getMessage().contains("RANDOM"), e.getMessage());
    }

    @Test
    void rejectsEmptyShapesNamingTheValue() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> ShardColumns.generate(0, 4, RowOrder.CLUSTERED));
        assertEquals("rows 0 must be at least 1", rows.getMessage());
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> ShardColumns.generate(4, -1, RowOrder.CLUSTERED));
        assertEquals("cellsPerShard -1 must be at least 1", cells.getMessage());
    }

    @Test
    void reportsItsShape() {
        ShardColumns shard = ShardColumns.generate(1_234, 56, RowOrder.RANDOM);
        assertEquals(1_234, shard.rows());
        assertEquals(56, shard.cellsPerShard());
        assertEquals(RowOrder.RANDOM, shard.order());
        assertEquals(1_234L * 8, shard.columnBytes());
    }
}
