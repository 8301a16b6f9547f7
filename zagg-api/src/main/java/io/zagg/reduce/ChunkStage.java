package io.zagg.reduce;

import io.zagg.spi.Column;
import java.util.List;
import java.util.Map;

/**
 * Values computed once per inner chunk over the chunk's pooled rows (the rows of all its cells),
 * before its cells are reduced, and visible to every field of that chunk: zagg's
 * {@code chunk_precompute}. A stage is shared by every shard of a run, so it keeps no state
 * between calls; it is called on the worker thread reducing that chunk.
 */
public interface ChunkStage {

    /** The names of the values it provides, in order. */
    List<String> names();

    /** The columns it reads. */
    List<String> sources();

    /**
     * The values over rows {@code [start, end)} of the cell-sorted {@code columns} (by name);
     * {@code start == end} for a chunk without rows, whose values are NaN (zagg's rule).
     */
    Values evaluate(Map<String, ? extends Column> columns, long start, long end);

    /** One chunk's values of one stage. */
    interface Values {

        /**
         * Value {@code name} as Python's {@code float(v)} gives it.
         *
         * @throws IllegalArgumentException when it is not one of the stage's values or not a scalar
         */
        double scalar(String name);
    }
}
