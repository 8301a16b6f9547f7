package io.zagg.reduce;

/**
 * The cells of one shard (or chunk) as runs of its cell-sorted rows: run {@code k} covers rows
 * {@code [start(k), end(k))} and is written to output row {@code cell(k)} of {@code cellCount}
 * output rows. Output rows without a run are empty cells. The arrays are adopted, not copied.
 */
public final class CellRuns {

    private final long[] starts;
    private final int[] cells;
    private final int cellCount;

    /**
     * @param starts    {@code runs + 1} non-decreasing row offsets; run k is {@code [starts[k], starts[k+1])}
     * @param cells     {@code runs} strictly increasing output rows, each in {@code [0, cellCount)}
     * @param cellCount output rows (cells of the shard or chunk, with data or not)
     * @throws IllegalArgumentException naming the first offending entry
     */
    public CellRuns(long[] starts, int[] cells, int cellCount) {
        if (starts.length != cells.length + 1) {
            throw new IllegalArgumentException(cells.length + " runs need " + (cells.length + 1) + " starts, not " + starts.length);
        }
        if (starts[0] < 0) {
            throw new IllegalArgumentException("run 0 starts at row " + starts[0] + ", before row 0");
        }
        for (int k = 0; k < cells.length; k++) {
            if (starts[k + 1] < starts[k]) {
                throw new IllegalArgumentException("run " + k + " ends at row " + starts[k + 1] + " before its start " + starts[k]);
            }
            if (cells[k] < 0 || cells[k] >= cellCount) {
                throw new IllegalArgumentException("run " + k + " is for cell " + cells[k] + ", outside 0.." + (cellCount - 1));
            }
            if (k > 0 && cells[k] <= cells[k - 1]) {
                throw new IllegalArgumentException("run " + k + " is for cell " + cells[k] + ", not after cell " + cells[k - 1]
                        + " of run " + (k - 1) + "; runs must be in increasing cell order");
            }
        }
        this.starts = starts;
        this.cells = cells;
        this.cellCount = cellCount;
    }

    public int runs() {
        return cells.length;
    }

    public long start(int run) {
        return starts[run];
    }

    public long end(int run) {
        return starts[run + 1];
    }

    public int cell(int run) {
        return cells[run];
    }

    public int cellCount() {
        return cellCount;
    }

    /** The row after the last run (the rows a source column must have at least). */
    long rowsNeeded() {
        return starts[cells.length];
    }
}
