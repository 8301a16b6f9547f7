package io.zagg;

import io.zagg.reduce.ChunkStage;
import io.zagg.reduce.ScalarChunkStage;
import io.zagg.spi.DType;
import io.zagg.spi.ScalarReducer;
import java.util.Objects;

/**
 * A value computed once per inner chunk over the chunk's pooled rows (the rows of all its
 * cells), before its cells are reduced — zagg's {@code chunk_precompute}. Declare it with
 * {@link Pipeline#chunkPrecompute}; every cell of the chunk then sees it, as
 * {@link io.zagg.spi.CellValues#chunkValue} in a reducer, or stored with
 * {@link Aggregations#chunkValue}. A chunk without rows gets NaN (the reducer is not called).
 * Immutable.
 *
 * <pre>{@code
 * ChunkValue median = ChunkValue.of("chunk_median", "h_ph", h -> ...);     // float32
 * Aggregation above = Aggregations.reduce("above_median", List.of("h_ph"), (cell, out) -> {
 *     double m = cell.chunkValue("chunk_median");
 *     ...
 * });
 * }</pre>
 */
public final class ChunkValue {

    private final String name;
    private final String source;
    private final ScalarReducer reducer;
    private final DType dtype;
    private final ChunkStage stage;

    private ChunkValue(String name, String source, ScalarReducer reducer, DType dtype) {
        this.name = name;
        this.source = source;
        this.reducer = reducer;
        this.dtype = dtype;
        this.stage = new ScalarChunkStage(name, source, reducer, dtype);
    }

    /**
     * The value {@code reducer} computes over a chunk's pooled rows of column {@code source},
     * stored as float32 (numpy's {@code np.float32(v)}).
     *
     * @throws IllegalArgumentException for a blank name or source
     */
    public static ChunkValue of(String name, String source, ScalarReducer reducer) {
        requireName(name, "chunk value name");
        requireName(source, "source column of chunk value '" + name + "'");
        return new ChunkValue(name, source, Objects.requireNonNull(reducer, "reducer"), DType.FLOAT32);
    }

    /**
     * This value cast to {@code dtype} instead.
     *
     * @throws IllegalArgumentException unless float32 or float64 (an empty chunk's NaN needs a float)
     */
    public ChunkValue dtype(DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        return new ChunkValue(name, source, reducer, dtype);
    }

    public String name() {
        return name;
    }

    /** The column reduced. */
    public String source() {
        return source;
    }

    public DType dtype() {
        return dtype;
    }

    /** What computes it in a run. */
    ChunkStage stage() {
        return stage;
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank name, not '" + name + "'");
        }
    }

    /** Equal when they compute the same thing: name, source, dtype and an equal reducer. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChunkValue)) {
            return false;
        }
        ChunkValue v = (ChunkValue) o;
        return name.equals(v.name) && source.equals(v.source) && dtype == v.dtype && reducer.equals(v.reducer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source, dtype, reducer);
    }

    @Override
    public String toString() {
        return stage.toString();
    }
}
