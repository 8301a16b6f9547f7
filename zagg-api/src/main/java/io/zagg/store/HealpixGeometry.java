package io.zagg.store;

import io.zagg.grid.HealpixGrid;
import java.util.Objects;

/**
 * The grid as the store lays it out: a {@link HealpixGrid} (shard, chunk and cell orders) and
 * whether the chunks of a shard are bundled in one {@code sharding_indexed} object. Immutable.
 *
 * <p>The store addresses shards and chunks by their NESTED ids (the grid's block indices): an
 * array has {@code 12·4^cellOrder} cells, the chunk (or shard) {@code b} holds cells
 * {@code [b·size, (b+1)·size)}, and shard {@code s} holds chunks {@code s·K .. s·K+K-1} with
 * {@code K = 4^(chunkOrder-shardOrder)}.
 */
public final class HealpixGeometry {

    /** The most cell orders one chunk may span: 4^15 cells, the most a Java buffer can index for one byte each. */
    static final int MAX_CHUNK_DEPTH = 15;

    private final HealpixGrid grid;
    private final boolean sharded;

    private HealpixGeometry(HealpixGrid grid, boolean sharded) {
        this.grid = grid;
        this.sharded = sharded;
    }

    /**
     * The store layout of {@code grid}, each chunk its own object or, with {@code sharded},
     * the chunks of a shard in one object.
     *
     * @throws IllegalArgumentException when a chunk would span more than 15 orders (4^15 cells),
     *         or sharding is asked for a shard of one chunk
     */
    public static HealpixGeometry of(HealpixGrid grid, boolean sharded) {
        Objects.requireNonNull(grid, "grid");
        if (grid.cellOrder() - grid.chunkOrder() > MAX_CHUNK_DEPTH) {
            throw new IllegalArgumentException("cell order " + grid.cellOrder() + " is " + (grid.cellOrder() - grid.chunkOrder())
                    + " orders below chunk order " + grid.chunkOrder() + "; a chunk holds at most 4^" + MAX_CHUNK_DEPTH + " cells");
        }
        if (sharded && grid.chunkOrder() == grid.shardOrder()) {
            throw new IllegalArgumentException("sharded needs several chunks per shard, but chunk order " + grid.chunkOrder()
                    + " equals shard order " + grid.shardOrder() + "; choose a finer chunk order");
        }
        return new HealpixGeometry(grid, sharded);
    }

    /** Unsharded {@link HealpixGrid#of(int, int, int)}: each chunk its own object. */
    public static HealpixGeometry of(int shardOrder, int chunkOrder, int cellOrder) {
        return of(HealpixGrid.of(shardOrder, chunkOrder, cellOrder), false);
    }

    /** The same grid, sharded or not. */
    public HealpixGeometry sharded(boolean sharded) {
        return of(grid, sharded);
    }

    public HealpixGrid grid() {
        return grid;
    }

    public int shardOrder() {
        return grid.shardOrder();
    }

    public int chunkOrder() {
        return grid.chunkOrder();
    }

    public int cellOrder() {
        return grid.cellOrder();
    }

    public boolean isSharded() {
        return sharded;
    }

    /** Elements of every per-cell array: 12·4^cellOrder. */
    public long cellCount() {
        return grid.arrayShape();
    }

    /** Chunks in the grid of every per-cell array (and elements of every companion array). */
    public long chunkCount() {
        return grid.chunkGridShape();
    }

    public long shardCount() {
        return grid.shardCount();
    }

    /** Cells per chunk: 4^(cellOrder-chunkOrder). */
    public int cellsPerChunk() {
        return (int) grid.cellsPerChunk();
    }

    /** Chunks per shard K: 4^(chunkOrder-shardOrder). */
    public long chunksPerShard() {
        return grid.chunksPerShard();
    }

    /** Cells per shard: 4^(cellOrder-shardOrder). */
    public long cellsPerShard() {
        return grid.cellsPerShard();
    }

    /**
     * The first chunk of a shard: {@code shard·K}.
     *
     * @throws IllegalArgumentException when {@code shard} is not a NESTED id at the shard order
     */
    public long firstChunk(long shard) {
        if (shard < 0 || shard >= shardCount()) {
            throw new IllegalArgumentException("shard " + shard + " is outside 0.." + (shardCount() - 1) + " at shard order " + shardOrder());
        }
        return shard * chunksPerShard();
    }

    /** The shard that holds chunk {@code chunk} (NESTED ids). */
    public long shardOf(long chunk) {
        if (chunk < 0 || chunk >= chunkCount()) {
            throw new IllegalArgumentException("chunk " + chunk + " is outside 0.." + (chunkCount() - 1) + " at chunk order " + chunkOrder());
        }
        return chunk / chunksPerShard();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealpixGeometry && ((HealpixGeometry) o).grid.equals(grid) && ((HealpixGeometry) o).sharded == sharded;
    }

    @Override
    public int hashCode() {
        return grid.hashCode() * 2 + (sharded ? 1 : 0);
    }

    @Override
    public String toString() {
        return grid + (sharded ? ", sharded" : "");
    }
}
