package io.zagg.exec;

import io.zagg.grid.Healpix;
import io.zagg.read.ShardSelector;

/**
 * zagg's spatial test for one shard: a point belongs to the shard when its order-29 NESTED id,
 * coarsened to the shard order, is the shard's id ({@code shards_of(assign(lat, lon)) == key}).
 * Hashing at order 29 and shifting, as the index stage does, keeps the selection and the cell
 * assignment consistent to the last bit.
 */
final class HealpixSelector implements ShardSelector {

    private final int shift;
    private final long shardNested;
    private final ShardIndexCache indexes;

    HealpixSelector(long shardNested, ShardIndexCache indexes) {
        this.shift = 2 * (Healpix.MAX_ORDER - indexes.shardOrder());
        this.shardNested = shardNested;
        this.indexes = indexes;
    }

    /** Photons: read once, hashed once, nothing remembered. */
    @Override
    public void select(double[] lat, double[] lon, boolean[] selected) {
        long[] leaves = new long[lat.length];
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, leaves);
        for (int i = 0; i < leaves.length; i++) {
            selected[i] = leaves[i] != Healpix.INVALID && (leaves[i] >>> shift) == shardNested;
        }
    }

    /** A granule's cached segment table: indexed once per run, whatever the number of shards testing it. */
    @Override
    public int[] matchRepeated(double[] lat, double[] lon) {
        return indexes.of(lat, lon).positions(shardNested);
    }
}
