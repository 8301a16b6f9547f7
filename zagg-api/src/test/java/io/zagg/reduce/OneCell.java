package io.zagg.reduce;

import io.zagg.Aggregation;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.util.List;
import java.util.Map;

/** Reduces a single cell of float32 values (column {@code x}, optional weights {@code w}). */
final class OneCell {

    private OneCell() {
    }

    static ShardOutput reduce(float[] x, Aggregation... fields) {
        return reduce(Map.of("x", Columns.of(x)), x.length, fields);
    }

    static ShardOutput reduce(Map<String, ? extends Column> columns, int rows, Aggregation... fields) {
        return new ShardReduction(List.of(fields)).reduce(columns, new CellRuns(new long[] {0, rows}, new int[] {0}, 1));
    }

    /** The float32 scalar of field {@code name}. */
    static float scalar(ShardOutput out, String name) {
        return out.dense(name).getFloat(0);
    }
}
