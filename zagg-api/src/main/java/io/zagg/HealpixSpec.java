package io.zagg;

import io.zagg.grid.HealpixGrid;
import java.util.Objects;

/**
 * The output grid of a pipeline: HEALPix shard, inner-chunk and cell orders, and whether each
 * shard's arrays are stored as one {@code sharding_indexed} object. Immutable: every step
 * returns a new value. Each order is range-checked at once; how the orders relate is checked
 * by {@link #toGrid()}, which the pipeline calls when it is built.
 */
public final class HealpixSpec {

    static final int DEFAULT_CELL_ORDER = 19;

    private final int shardOrder;
    private final Integer chunkOrder;
    private final Integer cellOrder;
    private final boolean sharded;

    private HealpixSpec(int shardOrder, Integer chunkOrder, Integer cellOrder, boolean sharded) {
        this.shardOrder = shardOrder;
        this.chunkOrder = chunkOrder;
        this.cellOrder = cellOrder;
        this.sharded = sharded;
    }

    static HealpixSpec of(int shardOrder) {
        checkRange("shard order", shardOrder);
        return new HealpixSpec(shardOrder, null, null, false);
    }

    /** Writes each shard as {@code 4^(order - shard order)} inner chunks, one per cell of {@code order}. */
    public HealpixSpec chunks(int order) {
        checkRange("chunk order", order);
        return new HealpixSpec(shardOrder, order, cellOrder, sharded);
    }

    /** Aggregates onto the cells of {@code order} (zagg's {@code child_order}). */
    public HealpixSpec cells(int order) {
        checkRange("cell order", order);
        return new HealpixSpec(shardOrder, chunkOrder, order, sharded);
    }

    /**
     * Stores each shard's inner chunks in one {@code sharding_indexed} object per array (zagg's
     * {@code sharded: true}); needs inner chunks finer than the shard.
     */
    public HealpixSpec sharded() {
        return new HealpixSpec(shardOrder, chunkOrder, cellOrder, true);
    }

    public boolean isSharded() {
        return sharded;
    }

    /**
     * The grid geometry.
     *
     * @throws IllegalArgumentException when the orders do not nest, or {@code sharded()} was
     *         asked with one chunk per shard
     */
    public HealpixGrid toGrid() {
        int cells = cellOrder != null ? cellOrder : Math.max(DEFAULT_CELL_ORDER, shardOrder);
        HealpixGrid grid = HealpixGrid.of(shardOrder, chunkOrder != null ? chunkOrder : shardOrder, cells);
        if (sharded && grid.chunksPerShard() == 1) {
            throw new IllegalArgumentException("sharded storage needs more than one inner chunk per shard: chunk order "
                    + grid.chunkOrder() + " equals shard order " + shardOrder + " (e.g. chunks(" + Math.min(shardOrder + 2, cells) + "))");
        }
        return grid;
    }

    private static void checkRange(String what, int order) {
        if (order < 0 || order > 29) {
            throw new IllegalArgumentException(what + " " + order + " is outside 0..29");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HealpixSpec)) {
            return false;
        }
        HealpixSpec s = (HealpixSpec) o;
        return shardOrder == s.shardOrder && Objects.equals(chunkOrder, s.chunkOrder)
                && Objects.equals(cellOrder, s.cellOrder) && sharded == s.sharded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shardOrder, chunkOrder, cellOrder, sharded);
    }

    /** Lists only what was configured, e.g. {@code healpix(11).chunks(13).cells(19)}. */
    @Override
    public String toString() {
        return "healpix(" + shardOrder + ")" + (chunkOrder != null ? ".chunks(" + chunkOrder + ")" : "")
                + (cellOrder != null ? ".cells(" + cellOrder + ")" : "") + (sharded ? ".sharded()" : "");
    }
}
