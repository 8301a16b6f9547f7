package io.zagg.spi;

/** The rows of one output cell, as handed to a {@link Reducer}. */
public interface CellValues {

    /** Rows in the cell (at least 1). */
    long rows();

    /** Number of source columns, in the order the aggregation named them. */
    int columnCount();

    /**
     * Source column {@code index}, restricted to this cell: a column of {@link #rows()} rows whose
     * row 0 is the cell's first row. Valid only during the {@link Reducer#reduce} call.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, columnCount())}
     */
    Column column(int index);

    /**
     * The chunk value {@code name} of this cell's inner chunk: a value computed once per chunk
     * over the pooled rows of all its cells ({@code Pipeline.chunkPrecompute}, or a zagg
     * config's {@code chunk_precompute}); NaN for every cell of a chunk whose value is NaN.
     *
     * @throws IllegalArgumentException when the run has no chunk value of that name, or it is
     *     not a scalar
     */
    double chunkValue(String name);
}
