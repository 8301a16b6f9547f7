package io.zagg.exec;

import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import io.zagg.read.KeyingSelector;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;

/**
 * zagg's spatial test for one shard, and each selected point's cell in it: a point belongs to
 * the shard when its order-29 NESTED id, coarsened to the shard order, is the shard's id
 * ({@code shards_of(assign(lat, lon)) == key}); its key is that id coarsened to the cell order,
 * less the shard's first cell. One hash gives both, so the selection and the cell assignment
 * are consistent to the last bit, and the kept rows are never hashed again.
 */
final class HealpixSelector implements KeyingSelector {

    private static final int HASH_BLOCK = 8192;

    private final int shardShift;
    private final int cellShift;
    private final long shardNested;
    private final long firstCell;
    private final DType keyType;
    private final ShardIndexCache indexes;

    /** The test for shard {@code shardNested} of {@code grid}, answering repeated tables from {@code indexes} (at its shard order). */
    HealpixSelector(HealpixGrid grid, long shardNested, ShardIndexCache indexes) {
        this.shardShift = 2 * (Healpix.MAX_ORDER - grid.shardOrder());
        this.cellShift = 2 * (Healpix.MAX_ORDER - grid.cellOrder());
        this.shardNested = shardNested;
        this.firstCell = shardNested * grid.cellsPerShard();
        // a cell's position in its shard fits 32 bits up to 4^15 cells a shard: then 4 bytes a row, not 8
        this.keyType = grid.cellsPerShard() <= Integer.MAX_VALUE ? DType.INT32 : DType.INT64;
        this.indexes = indexes;
    }

    /** Each row's cell position in the shard, {@code 0 ≤ key < cellsPerShard} for a point in the shard. */
    @Override
    public DType keyType() {
        return keyType;
    }

    /** Photons: read once, hashed once, nothing remembered. */
    @Override
    public void select(double[] lat, double[] lon, boolean[] selected, long[] keys) {
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, keys);
        for (int i = 0; i < keys.length; i++) {
            long leaf = keys[i];
            selected[i] = leaf != Healpix.INVALID && (leaf >>> shardShift) == shardNested;
            keys[i] = key(leaf);
        }
    }

    /**
     * The keys of rows that arrive without them (decoded by another source), by the same hash.
     *
     * @throws IllegalStateException when a row's coordinates are invalid
     */
    Column keysOf(Column lat, Column lon) {
        int rows = Math.toIntExact(lat.rows());
        MutableColumn keys = Columns.allocate(keyType, rows, 1);
        double[] la = new double[Math.min(HASH_BLOCK, rows)];
        double[] lo = new double[la.length];
        long[] leaves = new long[la.length];
        for (int from = 0; from < rows; from += HASH_BLOCK) {
            int n = Math.min(HASH_BLOCK, rows - from);
            for (int i = 0; i < n; i++) {
                la[i] = lat.getDouble(from + i);
                lo[i] = lon.getDouble(from + i);
            }
            if (Healpix.nested(Healpix.MAX_ORDER, la, lo, leaves, n) != 0) {
                throw new IllegalStateException("a row with invalid coordinates reached the index stage");
            }
            for (int i = 0; i < n; i++) {
                keys.setLong(from + i, key(leaves[i]));
            }
        }
        return keys;
    }

    /** The cell position in this shard of an order-29 leaf. */
    private long key(long leaf) {
        return (leaf >>> cellShift) - firstCell;
    }

    /** A granule's cached segment table: indexed once per run, whatever the number of shards testing it. */
    @Override
    public int[] matchRepeated(double[] lat, double[] lon) {
        return indexes.of(lat, lon).positions(shardNested);
    }
}
