package io.zagg.spi;

/**
 * A user-defined per-cell statistic: the extension point for anything the built-in reducers
 * ({@code io.zagg.Aggregations}) do not cover.
 *
 * <p>The engine calls {@link #reduce} once for every cell that has at least one row, on the
 * worker thread reducing that shard; shards are reduced in parallel, so one reducer is called
 * from several threads at once and must not keep per-cell state in fields. The cell's values are handed over as {@link Column}
 * views of the sorted shard columns (no copy); the views and the output are valid only during
 * the call. A cell with no rows is never passed: it gets the field's fill value (vectors filled,
 * ragged fields absent). An exception thrown here fails the shard, with the field named.
 *
 * <pre>{@code
 * Reducer range = (cell, out) -> {
 *     Column h = cell.column(0);
 *     double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
 *     for (long i = 0; i < h.rows(); i++) {
 *         lo = Math.min(lo, h.getDouble(i));
 *         hi = Math.max(hi, h.getDouble(i));
 *     }
 *     out.set(hi - lo);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Reducer {

    /** Reduces one non-empty cell, writing the result to {@code out}. */
    void reduce(CellValues cell, ReducerOutput out);
}
