package io.zagg.exec;

import io.zagg.grid.Healpix;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The order-29 NESTED ids of coordinate arrays the reader hands out more than once (through
 * {@link io.zagg.read.ShardSelector#selectRepeated}; photons, read once, are not remembered). The reader
 * keeps each granule's decoded segment table for the next shards (its segment cache), so every
 * shard tests the same reference-photon arrays against its own key: hashing them once per run
 * instead of once per shard removes the run's largest cost when many small shards share
 * granules. Keyed by array identity and weakly, so an entry lives exactly as long as the reader
 * keeps the array.
 */
final class LeafCache {

    private final Map<double[], long[]> leaves = new WeakHashMap<>();

    /** The order-29 ids of {@code (lat[i], lon[i])}, {@link Healpix#INVALID} for invalid points. */
    long[] leaves(double[] lat, double[] lon) {
        synchronized (leaves) {
            long[] known = leaves.get(lat);
            if (known != null && known.length == lon.length) {
                return known;
            }
        }
        long[] computed = new long[lat.length];
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, computed);
        synchronized (leaves) {
            leaves.put(lat, computed);
        }
        return computed;
    }
}
