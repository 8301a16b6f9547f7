package io.zagg.reduce;

/** One field's reduction over a shard: bound to its source buffers and its output. */
abstract class FieldKernel {

    /**
     * Starts a chunk of {@code cells} output rows with its chunk values: writes the empty-cell
     * value to every output row before any cell is reduced.
     */
    abstract void begin(int cells, ChunkScope chunk);

    /** Reduces the current cell (rows {@code [start, end)}, already loaded into the buffers) into output row {@code cell}. */
    abstract void reduce(int cell, long start, long end);

    /**
     * Reduces every run with rows: loads the run into {@code buffers}, then {@link #reduce}s it.
     * The loop is the kernel's own method so that, for a kernel alone in its reduction, the
     * per-cell call is compiled as a call to one known method, not a dispatch over the kernels.
     */
    final void reduceRuns(CellRuns runs, CellBuffer[] buffers) {
        for (int r = 0; r < runs.runs(); r++) {
            long start = runs.start(r);
            long end = runs.end(r);
            if (start == end) {
                continue;
            }
            if (buffers.length == 1) {
                // the common case without the loop: the loop's overhead is more than the load's
                buffers[0].load(start, end);
            } else {
                for (CellBuffer b : buffers) {
                    b.load(start, end);
                }
            }
            reduce(runs.cell(r), start, end);
        }
    }

    /** Several kernels as one: each cell is reduced by all of them in turn, from the buffers loaded once. */
    static final class All extends FieldKernel {
        private final FieldKernel[] kernels;

        All(FieldKernel[] kernels) {
            this.kernels = kernels;
        }

        @Override
        void begin(int cells, ChunkScope chunk) {
            for (FieldKernel k : kernels) {
                k.begin(cells, chunk);
            }
        }

        @Override
        void reduce(int cell, long start, long end) {
            for (FieldKernel k : kernels) {
                k.reduce(cell, start, end);
            }
        }
    }
}
