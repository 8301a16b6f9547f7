package io.zagg.reduce;

import io.zagg.spi.CellValues;
import io.zagg.spi.Reducer;
import io.zagg.spi.ReducerOutput;

/**
 * A {@link Reducer} that reads what a {@link ChunkStage} of its own computed for the cell's
 * chunk, beyond the named scalars {@link CellValues#chunkValue} gives (a config expression sees
 * its {@code chunk_precompute} values with their numpy types). The engine calls
 * {@link #reduce(CellValues, ReducerOutput, ChunkScope)} instead of the two-argument form.
 */
public interface ChunkAwareReducer extends Reducer {

    /** Reduces one non-empty cell of a chunk whose stage values are {@code chunk}. */
    void reduce(CellValues cell, ReducerOutput out, ChunkScope chunk);

    /** Outside a run's chunks (no stage has run): the cell alone. */
    @Override
    default void reduce(CellValues cell, ReducerOutput out) {
        reduce(cell, out, ChunkScope.NONE);
    }
}
