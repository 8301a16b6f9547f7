package io.zagg;

/** Entry points for output grids: {@code Grids.healpix(11).chunks(13).cells(19)}. */
public final class Grids {

    private Grids() {
    }

    /**
     * A HEALPix grid whose shards are the cells of {@code shardOrder} (zagg's {@code parent_order}).
     * Alone it has cells at order 19 (or the shard order, if finer) and one chunk per shard.
     *
     * @throws IllegalArgumentException if the order is outside 0..29
     */
    public static HealpixSpec healpix(int shardOrder) {
        return HealpixSpec.of(shardOrder);
    }
}
