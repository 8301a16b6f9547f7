package io.zagg.reduce;

/** One field's reduction over a shard: bound to its source buffers and its output. */
abstract class FieldKernel {

    /** Writes the empty-cell value to every output row before any cell is reduced. */
    abstract void prefill(int cells);

    /** Reduces the current cell (rows {@code [start, end)}, already loaded into the buffers) into output row {@code cell}. */
    abstract void reduce(int cell, long start, long end);
}
