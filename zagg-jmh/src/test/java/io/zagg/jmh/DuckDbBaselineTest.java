package io.zagg.jmh;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.jmh.ShardColumns.RowOrder;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Columns;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves the baseline computes the statistics the Java benchmarks compute: DuckDB's count, min
 * and max per cell equal {@link NaiveCellStats}' and zagg's {@link ShardReduction}'s exactly; its
 * mean and variance (DuckDB sums in double, the Java sides in float32) agree within float32
 * rounding.
 */
class DuckDbBaselineTest {

    private static final int ROWS = 20_000;
    private static final int CELLS = 300;
    /* Relative; the worst cells of this input are off by 4e-7 (mean) and 8e-6 (variance). */
    private static final double MEAN_TOLERANCE = 1e-5;
    private static final double VARIANCE_TOLERANCE = 1e-4;

    /** DuckDB's answer, one array entry per cell; count 0 for a cell missing from the result. */
    private static final class DuckDbAnswer {
        final long[] count = new long[CELLS];
        final float[] min = new float[CELLS];
        final float[] max = new float[CELLS];
        final double[] mean = new double[CELLS];
        final double[] variance = new double[CELLS];

        static DuckDbAnswer of(RowOrder order, int threads) throws SQLException {
            DuckDbAnswer answer = new DuckDbAnswer();
            try (DuckDbShard duckDb = DuckDbShard.load(ShardColumns.generate(ROWS, CELLS, order), threads)) {
                duckDb.perCellStatistics((cell, count, min, max, mean, variance) -> {
                    assertEquals(0, answer.count[cell], "cell " + cell + " appears twice");
                    answer.count[cell] = count;
                    answer.min[cell] = min;
                    answer.max[cell] = max;
                    answer.mean[cell] = mean;
                    answer.variance[cell] = variance;
                });
            }
            return answer;
        }

        void assertMatches(int cell, long count, float min, float max, double mean, double variance) {
            assertEquals(this.count[cell], count, "count of cell " + cell);
            assertEquals(this.min[cell], min, "min of cell " + cell);
            assertEquals(this.max[cell], max, "max of cell " + cell);
            assertEquals(this.mean[cell], mean, MEAN_TOLERANCE * Math.abs(this.mean[cell]), "mean of cell " + cell);
            assertEquals(this.variance[cell], variance, VARIANCE_TOLERANCE * this.variance[cell], "variance of cell " + cell);
        }
    }

    @ParameterizedTest(name = "{0} rows, {1} DuckDB threads")
    @CsvSource({"CLUSTERED, 1", "RANDOM, 1", "RANDOM, 2"})
    void duckDbEqualsTheNaiveJavaLoop(RowOrder order, int threads) throws SQLException {
        DuckDbAnswer duckDb = DuckDbAnswer.of(order, threads);
        ShardColumns clustered = ShardColumns.generate(ROWS, CELLS, RowOrder.CLUSTERED);
        NaiveCellStats java = new NaiveCellStats(CELLS).overRuns(clustered.h(), clustered.cellStarts());
        assertEquals(ROWS, Arrays.stream(duckDb.count).sum(), "rows counted by DuckDB");
        for (int c = 0; c < CELLS; c++) {
            assertTrue(java.count[c] > 0, "the input should fill every cell, cell " + c + " is empty");
            duckDb.assertMatches(c, java.count[c], java.min[c], java.max[c], java.mean[c], java.variance[c]);
        }
    }

    @Test
    void duckDbEqualsZaggsReduceStage() throws SQLException {
        DuckDbAnswer duckDb = DuckDbAnswer.of(RowOrder.RANDOM, 1);
        ShardColumns clustered = ShardColumns.generate(ROWS, CELLS, RowOrder.CLUSTERED);
        List<Aggregation> fields = List.of(count(), min("h"), max("h"), mean("h"), var("h"));
        ShardOutput zagg = new ShardReduction(fields).reduce(Map.of("h", Columns.of(clustered.h())), clustered.cellRuns());
        for (int c = 0; c < CELLS; c++) {
            duckDb.assertMatches(c,
                    zagg.dense(fields.get(0).name()).getLong(c),
                    zagg.dense(fields.get(1).name()).getFloat(c),
                    zagg.dense(fields.get(2).name()).getFloat(c),
                    zagg.dense(fields.get(3).name()).getFloat(c),
                    zagg.dense(fields.get(4).name()).getFloat(c));
        }
    }
}
