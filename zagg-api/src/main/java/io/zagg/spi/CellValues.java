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
}
