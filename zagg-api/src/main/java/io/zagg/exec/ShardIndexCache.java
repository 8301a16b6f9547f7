package io.zagg.exec;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link ShardIndex} of every coordinate table the reader hands out more than once (through
 * {@link io.zagg.read.ShardSelector#matchRepeated}: its cached segment tables; photons, read
 * once, are not indexed). Every shard of a run tests the same reference-point tables against
 * its own key: indexing each once per run, instead of hashing and scanning it once per shard,
 * removes the per-shard cost proportional to whole granules. Keyed by array identity and
 * weakly, so an index lives exactly as long as the reader keeps its table.
 */
final class ShardIndexCache {

    private final int shardOrder;
    private final Map<double[], ShardIndex> indexes = new WeakHashMap<>();

    ShardIndexCache(int shardOrder) {
        this.shardOrder = shardOrder;
    }

    int shardOrder() {
        return shardOrder;
    }

    /** The index of the table {@code (lat, lon)}, built on first use. */
    ShardIndex of(double[] lat, double[] lon) {
        synchronized (indexes) {
            ShardIndex known = indexes.get(lat);
            if (known != null) {
                return known;
            }
        }
        ShardIndex built = ShardIndex.of(lat, lon, shardOrder);
        synchronized (indexes) {
            indexes.put(lat, built);
        }
        return built;
    }
}
