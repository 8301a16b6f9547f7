package io.zagg.store;

/**
 * The HEALPix numbers a store layout needs: shard order (one independent unit of work), chunk
 * order (one stored chunk), cell order (one array element), and whether the chunks of a shard
 * are bundled in one {@code sharding_indexed} object. Immutable.
 *
 * <p>The layout is zagg's "fullsphere": an array has {@code 12·4^cellOrder} cells, the cell
 * with NESTED id {@code n} is element {@code n}, and the chunk (or shard) with NESTED id
 * {@code b} at its order holds cells {@code [b·size, (b+1)·size)}. A shard holds
 * {@code K = 4^(chunkOrder-shardOrder)} chunks, whose ids are {@code shard·K .. shard·K+K-1}.
 */
public final class HealpixGeometry {

    /** The finest order a 64-bit NESTED id holds (mortie's reference order). */
    public static final int MAX_ORDER = 29;

    private final int shardOrder;
    private final int chunkOrder;
    private final int cellOrder;
    private final boolean sharded;

    private HealpixGeometry(int shardOrder, int chunkOrder, int cellOrder, boolean sharded) {
        this.shardOrder = shardOrder;
        this.chunkOrder = chunkOrder;
        this.cellOrder = cellOrder;
        this.sharded = sharded;
    }

    /**
     * Shards at {@code shardOrder}, chunks at {@code chunkOrder}, cells at {@code cellOrder},
     * each chunk stored as its own object.
     *
     * @throws IllegalArgumentException when an order is outside 0..29 or the orders are not
     *         {@code shard ≤ chunk ≤ cell}, or a chunk would exceed 2^30 cells
     */
    public static HealpixGeometry of(int shardOrder, int chunkOrder, int cellOrder) {
        requireOrder("shard", shardOrder);
        requireOrder("chunk", chunkOrder);
        requireOrder("cell", cellOrder);
        if (chunkOrder < shardOrder) {
            throw new IllegalArgumentException("chunk order " + chunkOrder + " is coarser than shard order " + shardOrder);
        }
        if (cellOrder < chunkOrder) {
            throw new IllegalArgumentException("cell order " + cellOrder + " is coarser than chunk order " + chunkOrder);
        }
        if (cellOrder - chunkOrder > 15) {
            throw new IllegalArgumentException("cell order " + cellOrder + " is " + (cellOrder - chunkOrder)
                    + " orders below chunk order " + chunkOrder + "; a chunk holds at most 4^15 cells (15 orders)");
        }
        return new HealpixGeometry(shardOrder, chunkOrder, cellOrder, false);
    }

    private static void requireOrder(String what, int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException(what + " order " + order + " is outside 0.." + MAX_ORDER);
        }
    }

    /**
     * The same geometry with the chunks of each shard bundled in one shard object (or not).
     *
     * @throws IllegalArgumentException when sharding is asked for a shard of one chunk
     */
    public HealpixGeometry sharded(boolean sharded) {
        if (sharded && chunkOrder == shardOrder) {
            throw new IllegalArgumentException("sharded needs several chunks per shard, but chunk order " + chunkOrder
                    + " equals shard order " + shardOrder + "; choose a finer chunk order");
        }
        return new HealpixGeometry(shardOrder, chunkOrder, cellOrder, sharded);
    }

    public int shardOrder() {
        return shardOrder;
    }

    public int chunkOrder() {
        return chunkOrder;
    }

    public int cellOrder() {
        return cellOrder;
    }

    public boolean isSharded() {
        return sharded;
    }

    /** Cells on the sphere at {@code order}: 12·4^order. */
    public static long cellsAt(int order) {
        requireOrder("HEALPix", order);
        return 12L << (2 * order);
    }

    /** Elements of every per-cell array: 12·4^cellOrder. */
    public long cellCount() {
        return cellsAt(cellOrder);
    }

    /** Chunks in the grid of every per-cell array (and elements of every companion array). */
    public long chunkCount() {
        return cellsAt(chunkOrder);
    }

    public long shardCount() {
        return cellsAt(shardOrder);
    }

    /** Cells per chunk: 4^(cellOrder-chunkOrder). */
    public int cellsPerChunk() {
        return 1 << (2 * (cellOrder - chunkOrder));
    }

    /** Chunks per shard K: 4^(chunkOrder-shardOrder). */
    public long chunksPerShard() {
        return 1L << (2 * (chunkOrder - shardOrder));
    }

    /** Cells per shard: 4^(cellOrder-shardOrder). */
    public long cellsPerShard() {
        return 1L << (2 * (cellOrder - shardOrder));
    }

    /**
     * The first chunk of a shard: {@code shard·K}.
     *
     * @throws IllegalArgumentException when {@code shard} is not a NESTED id at the shard order
     */
    public long firstChunk(long shard) {
        if (shard < 0 || shard >= shardCount()) {
            throw new IllegalArgumentException("shard " + shard + " is outside 0.." + (shardCount() - 1) + " at shard order " + shardOrder);
        }
        return shard << (2 * (chunkOrder - shardOrder));
    }

    /** The shard that holds chunk {@code chunk}. */
    public long shardOf(long chunk) {
        if (chunk < 0 || chunk >= chunkCount()) {
            throw new IllegalArgumentException("chunk " + chunk + " is outside 0.." + (chunkCount() - 1) + " at chunk order " + chunkOrder);
        }
        return chunk >>> (2 * (chunkOrder - shardOrder));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HealpixGeometry)) {
            return false;
        }
        HealpixGeometry g = (HealpixGeometry) o;
        return g.shardOrder == shardOrder && g.chunkOrder == chunkOrder && g.cellOrder == cellOrder && g.sharded == sharded;
    }

    @Override
    public int hashCode() {
        return ((shardOrder * 31 + chunkOrder) * 31 + cellOrder) * 2 + (sharded ? 1 : 0);
    }

    @Override
    public String toString() {
        return "healpix shard order " + shardOrder + ", chunk order " + chunkOrder + ", cell order " + cellOrder + (sharded ? ", sharded" : "");
    }
}
