package io.zagg.jmh;

import io.zagg.reduce.CellRuns;
import java.util.SplittableRandom;

/**
 * One shard's decoded input, as the benchmarks share it: a float32 height column {@code h} and
 * an int column {@code cell} holding each row's cell index within the shard
 * ({@code 0 .. cellsPerShard-1}). The same arguments always give the same columns, so every
 * benchmark (control, kernels, carriers, DuckDB) measures the very same bytes.
 *
 * <p>Each row falls in a uniformly random cell, so cells hold Poisson-distributed row counts and,
 * when there are about as many cells as rows, a third of them stay empty, as in a real shard
 * crossed by a few ground tracks. Each cell is a surface with its own height (−30 m to 3,270 m,
 * more of it low) and roughness (5 cm to 2 m); nine photons in ten are signal scattered by that
 * roughness and one in ten is background, uniform within ±75 m: ICESat-2-like heights, not real
 * ones. {@link RowOrder#RANDOM} is a permutation of the {@link RowOrder#CLUSTERED} rows, so both
 * orders have exactly the same per-cell statistics.
 *
 * <p>Build it in a {@code @Setup(Level.Trial)} method and keep the one instance: the accessors
 * hand out the arrays themselves, not copies, so that a 20M-row shard costs its 160 MB once.
 * Benchmarks must not modify them.
 */
public final class ShardColumns {

    /** How the rows are ordered. */
    public enum RowOrder {
        /** Sorted by cell: each cell's rows form one contiguous run. */
        CLUSTERED,
        /** A seeded random permutation of the clustered rows. */
        RANDOM
    }

    /** Bytes each row occupies in the two columns (float32 {@code h} and int32 {@code cell}). */
    public static final int BYTES_PER_ROW = Float.BYTES + Integer.BYTES;

    private static final long SEED = 0x1CE5A7_2L;
    private static final float BACKGROUND_FRACTION = 0.1f;
    private static final float BACKGROUND_HALF_WINDOW_M = 75f;

    private final RowOrder order;
    private final int cellsPerShard;
    private final float[] h;
    private final int[] cell;
    private final int[] cellStarts;

    private ShardColumns(RowOrder order, int cellsPerShard, float[] h, int[] cell, int[] cellStarts) {
        this.order = order;
        this.cellsPerShard = cellsPerShard;
        this.h = h;
        this.cell = cell;
        this.cellStarts = cellStarts;
    }

    /**
     * Generates {@code rows} rows over {@code cellsPerShard} cells in the given order.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code cellsPerShard} is below 1
     */
    public static ShardColumns generate(int rows, int cellsPerShard, RowOrder order) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows " + rows + " must be at least 1");
        }
        if (cellsPerShard < 1) {
            throw new IllegalArgumentException("cellsPerShard " + cellsPerShard + " must be at least 1");
        }
        if (order == null) {
            throw new IllegalArgumentException("row order must be CLUSTERED or RANDOM, not null");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int[] starts = new int[cellsPerShard + 1];
        for (int i = 0; i < rows; i++) {
            starts[random.nextInt(cellsPerShard) + 1]++;
        }
        for (int c = 0; c < cellsPerShard; c++) {
            starts[c + 1] += starts[c];
        }
        float[] h = new float[rows];
        int[] cell = new int[rows];
        for (int c = 0; c < cellsPerShard; c++) {
            double u = random.nextDouble();
            float surface = (float) (-30 + 3300 * u * u);
            float roughness = (float) (0.05 * Math.pow(40, random.nextDouble()));
            for (int i = starts[c]; i < starts[c + 1]; i++) {
                cell[i] = c;
                h[i] = random.nextFloat() < BACKGROUND_FRACTION
                        ? surface + (float) random.nextDouble(-BACKGROUND_HALF_WINDOW_M, BACKGROUND_HALF_WINDOW_M)
                        : surface + roughness * (float) random.nextGaussian();
            }
        }
        if (order == RowOrder.RANDOM) {
            shuffleTogether(h, cell, random);
            starts = null;
        }
        return new ShardColumns(order, cellsPerShard, h, cell, starts);
    }

    private static void shuffleTogether(float[] h, int[] cell, SplittableRandom random) {
        for (int i = h.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float hi = h[i];
            h[i] = h[j];
            h[j] = hi;
            int ci = cell[i];
            cell[i] = cell[j];
            cell[j] = ci;
        }
    }

    public int rows() {
        return h.length;
    }

    public int cellsPerShard() {
        return cellsPerShard;
    }

    public RowOrder order() {
        return order;
    }

    /** The height column (metres), shared, not copied. */
    public float[] h() {
        return h;
    }

    /** The cell index column, shared, not copied. */
    public int[] cell() {
        return cell;
    }

    /** Bytes of input the two columns hold: {@code rows() × BYTES_PER_ROW}. */
    public long columnBytes() {
        return (long) rows() * BYTES_PER_ROW;
    }

    /**
     * The run boundaries of clustered rows, shared, not copied: the rows of cell {@code c} are
     * {@code cellStarts()[c] .. cellStarts()[c+1]-1}; an empty cell has an empty run. The array
     * has {@code cellsPerShard + 1} entries and ends with {@code rows()}.
     *
     * @throws IllegalStateException for {@link RowOrder#RANDOM} rows, which have no runs
     */
    public int[] cellStarts() {
        if (cellStarts == null) {
            throw new IllegalStateException("rows in " + order + " order have no per-cell runs; generate them CLUSTERED");
        }
        return cellStarts;
    }

    /**
     * The clustered rows as zagg's reduce stage takes them: one run per non-empty cell, in cell
     * order, over all {@code cellsPerShard} output rows.
     *
     * @throws IllegalStateException for {@link RowOrder#RANDOM} rows, which have no runs
     */
    public CellRuns cellRuns() {
        int[] starts = cellStarts();
        int runs = 0;
        for (int c = 0; c < cellsPerShard; c++) {
            runs += starts[c + 1] > starts[c] ? 1 : 0;
        }
        long[] runStarts = new long[runs + 1];
        int[] runCells = new int[runs];
        int k = 0;
        for (int c = 0; c < cellsPerShard; c++) {
            if (starts[c + 1] > starts[c]) {
                runStarts[k] = starts[c];
                runCells[k++] = c;
            }
        }
        runStarts[runs] = rows();
        return new CellRuns(runStarts, runCells, cellsPerShard);
    }
}
