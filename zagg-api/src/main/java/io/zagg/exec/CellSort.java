package io.zagg.exec;

import io.zagg.reduce.CellRuns;
import io.zagg.spi.Column;
import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;

/**
 * The grouping of a shard's rows by output cell: a stable sort permutation and, for every
 * populated cell, its run of rows in sorted order.
 *
 * <p>The keys are each row's cell position inside the shard ({@code 0 ≤ key < cellsPerShard},
 * i.e. the cell's NESTED id minus the shard's first cell). The sort is a counting sort for up to
 * 2^16 cells per shard and an LSD radix sort over just the key bits the shard needs beyond, so it
 * is linear and <em>stable</em>: rows of a cell keep their read order (granule, beam, file order), which
 * order-sensitive reductions (float32 sums, t-digests) depend on.
 */
public final class CellSort {

    private static final int DIGIT_BITS = 16;

    private final int[] permutation;
    private final long[] cells;
    private final long[] runStarts;

    private CellSort(int[] permutation, long[] cells, long[] runStarts) {
        this.permutation = permutation;
        this.cells = cells;
        this.runStarts = runStarts;
    }

    /**
     * Groups the rows of {@code keys} (an integer column of cell positions) by cell.
     *
     * @throws IllegalArgumentException if a key lies outside {@code [0, cellsPerShard)}
     */
    public static CellSort of(Column keys, long cellsPerShard) {
        long rows = keys.rows();
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a shard of " + rows + " rows is more than one shard task can sort");
        }
        int n = (int) rows;
        keys = flat(keys, n, cellsPerShard);
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, cellsPerShard - 1)));
        return bits <= DIGIT_BITS ? counting(keys, n, (int) cellsPerShard) : radix(keys, n, cellsPerShard, bits);
    }

    /**
     * Up to 2^16 cells: one counting pass. The counts give the populated cells and their runs
     * directly, so the keys are read twice, in row order, and never through the permutation.
     */
    private static CellSort counting(Column keys, int n, int cellsPerShard) {
        int[] next = new int[cellsPerShard + 1];
        for (int i = 0; i < n; i++) {
            long k = keys.getLong(i);
            if (k < 0 || k >= cellsPerShard) {
                throw outside(i, k, cellsPerShard);
            }
            next[(int) k + 1]++;
        }
        int populated = 0;
        for (int d = 1; d <= cellsPerShard; d++) {
            if (next[d] != 0) {
                populated++;
            }
        }
        long[] cells = new long[populated];
        long[] starts = new long[populated + 1];
        int c = 0;
        for (int d = 0; d < cellsPerShard; d++) {
            if (next[d + 1] != 0) {
                cells[c] = d;
                starts[c++] = next[d];
            }
            next[d + 1] += next[d];
        }
        starts[populated] = n;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[next[(int) keys.getLong(i)]++] = i;
        }
        return new CellSort(perm, cells, starts);
    }

    /** More cells: an LSD radix sort over 16-bit digits, then the runs from the sorted keys. */
    private static CellSort radix(Column keys, int n, long cellsPerShard, int bits) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            long k = keys.getLong(i);
            if (k < 0 || k >= cellsPerShard) {
                throw outside(i, k, cellsPerShard);
            }
            perm[i] = i;
        }
        int[] scratch = new int[n];
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            int digitBits = Math.min(DIGIT_BITS, bits - shift);
            int[] counts = new int[(1 << digitBits) + 1];
            long mask = (1L << digitBits) - 1;
            for (int i = 0; i < n; i++) {
                counts[(int) ((keys.getLong(perm[i]) >>> shift) & mask) + 1]++;
            }
            for (int d = 1; d < counts.length; d++) {
                counts[d] += counts[d - 1];
            }
            for (int i = 0; i < n; i++) {
                int row = perm[i];
                scratch[counts[(int) ((keys.getLong(row) >>> shift) & mask)]++] = row;
            }
            int[] t = perm;
            perm = scratch;
            scratch = t;
        }
        int populated = 0;
        long previous = -1;
        for (int i = 0; i < n; i++) {
            long k = keys.getLong(perm[i]);
            if (k != previous) {
                populated++;
                previous = k;
            }
        }
        long[] cells = new long[populated];
        long[] starts = new long[populated + 1];
        int c = -1;
        previous = -1;
        for (int i = 0; i < n; i++) {
            long k = keys.getLong(perm[i]);
            if (k != previous) {
                cells[++c] = k;
                starts[c] = i;
                previous = k;
            }
        }
        starts[populated] = n;
        return new CellSort(perm, cells, starts);
    }

    /**
     * The sort reads each key several times in permuted order; a chained column answers that with
     * a search over its parts per read, so its keys are first copied, in order, into one int array.
     */
    private static Column flat(Column keys, int n, long cellsPerShard) {
        if (!(keys instanceof ColumnChain) || cellsPerShard > Integer.MAX_VALUE) {
            return keys;
        }
        int[] copy = new int[n];
        for (int i = 0; i < n; i++) {
            long k = keys.getLong(i);
            if (k < 0 || k >= cellsPerShard) {
                throw outside(i, k, cellsPerShard);
            }
            copy[i] = (int) k;
        }
        return Columns.wrap(copy, DType.INT32, 1);
    }

    private static IllegalArgumentException outside(int row, long key, long cellsPerShard) {
        return new IllegalArgumentException("row " + row + " has cell position " + key + ", outside [0, " + cellsPerShard + ")");
    }

    /** Row {@code i} of the sorted order is row {@code permutation()[i]} of the input. Not copied: do not modify. */
    public int[] permutation() {
        return permutation;
    }

    /** Number of cells with at least one row. */
    public int populatedCells() {
        return cells.length;
    }

    /** The cell position of populated cell {@code i}, ascending in {@code i}. */
    public long cell(int i) {
        return cells[i];
    }

    /** First sorted row of populated cell {@code i}. */
    public long start(int i) {
        return runStarts[i];
    }

    /** One past the last sorted row of populated cell {@code i}. */
    public long end(int i) {
        return runStarts[i + 1];
    }

    /**
     * The runs of the populated cells in {@code [firstCell, firstCell + cells)}, one inner chunk,
     * with cell indices relative to {@code firstCell}: what the kernels reduce into that chunk's
     * output batch of {@code cells} rows.
     */
    public CellRuns runs(long firstCell, int cells) {
        int from = firstAtOrAfter(firstCell);
        int to = firstAtOrAfter(firstCell + cells);
        long[] starts = new long[to - from + 1];
        int[] relative = new int[to - from];
        for (int r = from; r < to; r++) {
            starts[r - from] = start(r);
            relative[r - from] = (int) (cell(r) - firstCell);
        }
        starts[to - from] = to > from ? end(to - 1) : 0;
        return new CellRuns(starts, relative, cells);
    }

    /** Index of the first populated cell at or after cell position {@code cell} (binary search). */
    public int firstAtOrAfter(long cell) {
        int lo = 0;
        int hi = cells.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cells[mid] < cell) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
