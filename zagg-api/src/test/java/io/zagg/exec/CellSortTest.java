package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSortTest {

    @Test
    void groupsRowsByCellKeepingReadOrder() {
        long[] keys = {5, 2, 5, 0, 2, 5};
        CellSort runs = CellSort.of(Columns.wrap(keys, DType.UINT64, 1), 8);
        assertArrayEquals(new int[] {3, 1, 4, 0, 2, 5}, runs.permutation());
        assertEquals(3, runs.populatedCells());
        assertEquals(2, runs.cell(1));
        assertEquals(1, runs.start(1));
        assertEquals(3, runs.end(1));
        assertEquals(6, runs.end(2));
        assertEquals(1, runs.firstAtOrAfter(1));
        assertEquals(2, runs.firstAtOrAfter(3));
        assertEquals(3, runs.firstAtOrAfter(6));
    }

    @Test
    void keysOutsideTheShardAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellSort.of(Columns.wrap(new long[] {1, 4}, DType.UINT64, 1), 4));
        assertEquals("row 1 has cell position 4, outside [0, 4)", e.getMessage());
    }

    @Test
    void aChainedKeyColumnSortsLikeItsFlatCopy() {
        long[] keys = {5, 2, 5, 0, 2, 5, 7, 1};
        ColumnChain chained = ColumnChain.of(List.of(Columns.wrap(new int[] {5, 2, 5}, DType.INT32, 1),
                Columns.wrap(new int[0], DType.INT32, 1), Columns.wrap(new int[] {0, 2, 5, 7, 1}, DType.INT32, 1)));
        CellSort flat = CellSort.of(Columns.wrap(keys, DType.UINT64, 1), 8);
        CellSort fromChain = CellSort.of(chained, 8);
        assertArrayEquals(flat.permutation(), fromChain.permutation());
        assertEquals(flat.populatedCells(), fromChain.populatedCells());
        for (int i = 0; i < flat.populatedCells(); i++) {
            assertEquals(flat.cell(i), fromChain.cell(i));
            assertEquals(flat.end(i), fromChain.end(i));
        }
        ColumnChain outside = ColumnChain.of(List.of(Columns.wrap(new int[] {1}, DType.INT32, 1), Columns.wrap(new int[] {9}, DType.INT32, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellSort.of(outside, 8));
        assertEquals("row 1 has cell position 9, outside [0, 8)", e.getMessage());
    }

    @Test
    void emptyShardHasNoRuns() {
        CellSort runs = CellSort.of(Columns.wrap(new long[0], DType.UINT64, 1), 4096);
        assertEquals(0, runs.populatedCells());
        assertEquals(0, runs.firstAtOrAfter(0));
    }

    @Test
    void equalsAStableSortForAnyShardSize() {
        // cells per shard from 1 to 4^20 exercise one, two and three radix passes
        qt().forAll(lists().of(integers().between(0, 1 << 20)).ofSizeBetween(0, 300), integers().between(0, 10))
                .checkAssert((values, order) -> {
                    long cellsPerShard = 1L << (2 * order);
                    long[] keys = values.stream().mapToLong(v -> v % cellsPerShard).toArray();
                    List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < keys.length; i++) {
                        expected.add(i);
                    }
                    expected.sort(Comparator.comparingLong(i -> keys[i])); // List.sort is stable
                    CellSort runs = CellSort.of(Columns.wrap(keys, DType.UINT64, 1), cellsPerShard);
                    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), runs.permutation());
                    long total = 0;
                    for (int c = 0; c < runs.populatedCells(); c++) {
                        for (long r = runs.start(c); r < runs.end(c); r++) {
                            assertEquals(runs.cell(c), keys[runs.permutation()[(int) r]]);
                        }
                        total += runs.end(c) - runs.start(c);
                    }
                    assertEquals(keys.length, total);
                });
    }
}
