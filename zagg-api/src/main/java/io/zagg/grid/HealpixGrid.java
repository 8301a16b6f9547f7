package io.zagg.grid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The geometry of zagg's HEALPix output grid ({@code layout: fullsphere}): three nested orders
 * and the arithmetic that maps points to shards, inner chunks and cells.
 *
 * <ul>
 *   <li><b>shard order</b> (zagg's {@code parent_order}): a shard is one cell at this order and
 *       the unit of work; its morton word is the shard key;</li>
 *   <li><b>chunk order</b> ({@code chunk_inner}, default the shard order): each shard is written
 *       as {@code K = 4^(chunk - shard)} inner Zarr chunks, one per cell at this order;</li>
 *   <li><b>cell order</b> ({@code child_order}): the output cells, {@code 4^(cell - chunk)} per
 *       chunk.</li>
 * </ul>
 *
 * <p>Cells are stored in one fullsphere array indexed by NESTED id at the cell order, so chunk
 * {@code b} (the NESTED id of an inner chunk) covers cells {@code [b·cellsPerChunk,
 * (b+1)·cellsPerChunk)}, exactly that chunk's cells in canonical order.
 *
 * <p>Points are located by their <em>leaf</em>: the {@link MortonWord} of the point at an order
 * at least the cell order, normally {@code MortonWord.fromNested(Healpix.nested(29, lat, lon), 29)}.
 * Shards, chunks and cells are morton words too.
 *
 * <pre>{@code
 * HealpixGrid grid = HealpixGrid.builder().shardOrder(11).chunkOrder(13).cellOrder(19).build();
 * long leaf = MortonWord.fromNested(Healpix.nested(29, 38.89, -76.56), 29);
 * long shard = grid.shardOf(leaf);        // 5347398935386259467, NESTED 15259420 at order 11
 * long cell = grid.cellOf(leaf);          // NESTED 1000041383001 = its index in the array
 * }</pre>
 *
 * <p>Instances are immutable and compare by their three orders.
 */
public final class HealpixGrid {

    private final int shardOrder;
    private final int chunkOrder;
    private final int cellOrder;

    private HealpixGrid(int shardOrder, int chunkOrder, int cellOrder) {
        this.shardOrder = shardOrder;
        this.chunkOrder = chunkOrder;
        this.cellOrder = cellOrder;
    }

    /**
     * A grid of the given shard, chunk and cell orders.
     *
     * @throws IllegalArgumentException if an order is outside 0..29, the cell order is coarser than
     *         the shard order, or the chunk order lies outside [shard order, cell order]
     */
    public static HealpixGrid of(int shardOrder, int chunkOrder, int cellOrder) {
        Healpix.checkOrder("shard order", shardOrder);
        Healpix.checkOrder("cell order", cellOrder);
        if (cellOrder < shardOrder) {
            throw new IllegalArgumentException("cell order " + cellOrder + " is coarser than shard order " + shardOrder);
        }
        if (chunkOrder < shardOrder || chunkOrder > cellOrder) {
            throw new IllegalArgumentException("chunk order must lie in [" + shardOrder + ", " + cellOrder + "], got "
                    + chunkOrder);
        }
        return new HealpixGrid(shardOrder, chunkOrder, cellOrder);
    }

    /** A builder; the shard and cell orders are required, the chunk order defaults to the shard order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The shard order (zagg's {@code parent_order}). */
    public int shardOrder() {
        return shardOrder;
    }

    /** The inner-chunk order (zagg's {@code chunk_inner}). */
    public int chunkOrder() {
        return chunkOrder;
    }

    /** The cell order (zagg's {@code child_order}). */
    public int cellOrder() {
        return cellOrder;
    }

    /** K: the number of inner chunks per shard, {@code 4^(chunk - shard)}. */
    public long chunksPerShard() {
        return 1L << (2 * (chunkOrder - shardOrder));
    }

    /** The number of cells per inner chunk, {@code 4^(cell - chunk)}: the Zarr chunk shape. */
    public long cellsPerChunk() {
        return 1L << (2 * (cellOrder - chunkOrder));
    }

    /** The number of cells per shard, {@code 4^(cell - shard)}. */
    public long cellsPerShard() {
        return 1L << (2 * (cellOrder - shardOrder));
    }

    /** The length of the fullsphere cell array, {@code 12·4^cellOrder} (metadata only; it is never allocated). */
    public long arrayShape() {
        return MortonWord.cellCount(cellOrder);
    }

    /** The number of inner chunks over the whole sphere, {@code 12·4^chunkOrder}: the Zarr chunk grid. */
    public long chunkGridShape() {
        return MortonWord.cellCount(chunkOrder);
    }

    /** The number of shards over the whole sphere, {@code 12·4^shardOrder}. */
    public long shardCount() {
        return MortonWord.cellCount(shardOrder);
    }

    /** The shard (a word at the shard order) that holds the leaf. */
    public long shardOf(long leaf) {
        return MortonWord.coarsen(checkLeaf(leaf), shardOrder);
    }

    /** The inner chunk (a word at the chunk order) that holds the leaf. */
    public long chunkOf(long leaf) {
        return MortonWord.coarsen(checkLeaf(leaf), chunkOrder);
    }

    /** The cell (a word at the cell order) that holds the leaf. */
    public long cellOf(long leaf) {
        return MortonWord.coarsen(checkLeaf(leaf), cellOrder);
    }

    /**
     * The Zarr chunk-grid block index of a shard or inner chunk: its NESTED id (for a shard when
     * K > 1, the index of its first inner chunk is {@code blockIndex(shard) · K}).
     *
     * @throws IllegalArgumentException if the word is at neither the shard nor the chunk order
     */
    public long blockIndex(long shardOrChunk) {
        int order = MortonWord.order(shardOrChunk);
        if (order != shardOrder && order != chunkOrder) {
            throw new IllegalArgumentException("a block index needs a shard (order " + shardOrder + ") or an inner chunk (order "
                    + chunkOrder + "), got morton word " + MortonWord.toString(shardOrChunk) + " at order " + order);
        }
        return MortonWord.toNested(shardOrChunk);
    }

    /** The position (0..K-1) of an inner chunk within its shard. */
    public long chunkIndexInShard(long chunk) {
        return MortonWord.toNested(requireOrder(chunk, chunkOrder, "an inner chunk")) & (chunksPerShard() - 1);
    }

    /** The position (0..cellsPerChunk-1) of a cell within its inner chunk. */
    public long cellIndexInChunk(long cell) {
        return MortonWord.toNested(requireOrder(cell, cellOrder, "a cell")) & (cellsPerChunk() - 1);
    }

    /** The shard's K inner chunks in canonical (ascending NESTED) order. */
    public long[] chunksOf(long shard) {
        return MortonWord.children(requireOrder(shard, shardOrder, "a shard"), chunkOrder);
    }

    /** The inner chunk's cells in canonical (ascending NESTED) order, i.e. array order. */
    public long[] cellsOf(long chunk) {
        return MortonWord.children(requireOrder(chunk, chunkOrder, "an inner chunk"), cellOrder);
    }

    /**
     * zagg's {@code spatial_signature}: {@code type, indexing_scheme, parent_order, child_order,
     * layout} in that order. Two grids whose signatures are equal write compatible stores; the
     * chunk order is a storage choice and is not part of it.
     */
    public Map<String, Object> signature() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "healpix");
        s.put("indexing_scheme", "nested");
        s.put("parent_order", shardOrder);
        s.put("child_order", cellOrder);
        s.put("layout", "fullsphere");
        return Collections.unmodifiableMap(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealpixGrid
                && ((HealpixGrid) o).shardOrder == shardOrder
                && ((HealpixGrid) o).chunkOrder == chunkOrder
                && ((HealpixGrid) o).cellOrder == cellOrder;
    }

    @Override
    public int hashCode() {
        return (shardOrder * 31 + chunkOrder) * 31 + cellOrder;
    }

    @Override
    public String toString() {
        return "HealpixGrid{shard order " + shardOrder + ", chunk order " + chunkOrder + ", cell order " + cellOrder + "}";
    }

    private long checkLeaf(long leaf) {
        int order = MortonWord.order(leaf);
        if (order < cellOrder) {
            throw new IllegalArgumentException("leaf " + MortonWord.toString(leaf) + " is at order " + order
                    + ", coarser than cell order " + cellOrder);
        }
        return leaf;
    }

    private static long requireOrder(long word, int expected, String what) {
        int order = MortonWord.order(word);
        if (order != expected) {
            throw new IllegalArgumentException("morton word " + MortonWord.toString(word) + " is at order " + order
                    + ", not " + what + " (order " + expected + ")");
        }
        return word;
    }

    /**
     * Builds a {@link HealpixGrid}; each setter checks its value's range at once, {@link #build()}
     * checks how the orders relate. A builder can be reused.
     */
    public static final class Builder {
        private int shardOrder = -1;
        private int chunkOrder = -1;
        private int cellOrder = -1;

        private Builder() {
        }

        /** The shard order, 0..29 (required). */
        public Builder shardOrder(int order) {
            Healpix.checkOrder("shard order", order);
            this.shardOrder = order;
            return this;
        }

        /** The inner-chunk order, 0..29, within [shard order, cell order] (default: the shard order). */
        public Builder chunkOrder(int order) {
            Healpix.checkOrder("chunk order", order);
            this.chunkOrder = order;
            return this;
        }

        /** The cell order, 0..29, at least the shard order (required). */
        public Builder cellOrder(int order) {
            Healpix.checkOrder("cell order", order);
            this.cellOrder = order;
            return this;
        }

        /**
         * The grid.
         *
         * @throws IllegalStateException if the shard or cell order was not set
         * @throws IllegalArgumentException if the orders do not nest (see {@link HealpixGrid#of})
         */
        public HealpixGrid build() {
            if (shardOrder < 0) {
                throw new IllegalStateException("shard order was not set");
            }
            if (cellOrder < 0) {
                throw new IllegalStateException("cell order was not set");
            }
            return of(shardOrder, chunkOrder < 0 ? shardOrder : chunkOrder, cellOrder);
        }
    }
}
