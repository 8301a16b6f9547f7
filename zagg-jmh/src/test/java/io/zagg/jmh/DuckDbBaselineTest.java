package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.jmh.ShardColumns.RowOrder;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves the baseline computes the statistics the Java reference computes: DuckDB's count, min
 * and max per cell equal {@link NaiveCellStats} exactly; its mean and variance (DuckDB sums in
 * double) agree within float32 rounding.
 */
class DuckDbBaselineTest {

    private static final int ROWS = 20_000;
    private static final int CELLS = 300;
    /* Relative; the worst cells of this input are off by 4e-7 (mean) and 8e-6 (variance). */
    private static final double MEAN_TOLERANCE = 1e-5;
    private static final double VARIANCE_TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0} rows, {1} DuckDB threads")
    @CsvSource({"CLUSTERED, 1", "RANDOM, 1", "RANDOM, 2"})
    void duckDbPerCellStatisticsEqualTheJavaReference(RowOrder order, int threads) throws SQLException {
        ShardColumns clustered = ShardColumns.generate(ROWS, CELLS, RowOrder.CLUSTERED);
        NaiveCellStats java = new NaiveCellStats(CELLS).overRuns(clustered.h(), clustered.cellStarts());
        Set<Integer> seen = new HashSet<>();
        long[] rows = {0};
        try (DuckDbShard duckDb = DuckDbShard.load(ShardColumns.generate(ROWS, CELLS, order), threads)) {
            duckDb.perCellStatistics((cell, count, min, max, mean, variance) -> {
                assertTrue(seen.add(cell), "cell " + cell + " appears twice");
                assertEquals(java.count[cell], count, "count of cell " + cell);
                assertEquals(java.min[cell], min, "min of cell " + cell);
                assertEquals(java.max[cell], max, "max of cell " + cell);
                assertEquals(mean, java.mean[cell], MEAN_TOLERANCE * Math.abs(mean), "mean of cell " + cell);
                assertEquals(variance, java.variance[cell], VARIANCE_TOLERANCE * variance, "variance of cell " + cell);
                rows[0] += count;
            });
        }
        assertEquals(CELLS, seen.size(), "cells in DuckDB's result");
        assertEquals(ROWS, rows[0], "rows counted by DuckDB");
    }
}
