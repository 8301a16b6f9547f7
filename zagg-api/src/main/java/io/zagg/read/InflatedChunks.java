package io.zagg.read;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently inflated photon-rate chunks, shared by the shards a reader serves, bounded in bytes.
 * A 10,000-photon ATL03 chunk spans about 7 km of track and an order-11 shard about 3 km, so
 * each chunk lies under about three shards; run along the tracks, those shards come one after
 * another, and a few megabytes of recent chunks let each be inflated about once instead of once
 * per shard. Least recently used chunks go first once {@code limitBytes} is exceeded (a chunk
 * larger than the limit is never kept); {@link #release} drops a granule no later shard reads.
 * Cached chunks are shared: readers must not modify them.
 */
final class InflatedChunks {

    private record Key(Path granule, String dataset, int chunk) {
    }

    private final long limitBytes;
    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    InflatedChunks(long limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("inflated chunk cache " + limitBytes + " bytes must not be negative");
        }
        this.limitBytes = limitBytes;
    }

    /** The chunks of one dataset of one granule. */
    Dataset dataset(Path granule, String dataset) {
        return new Dataset(granule.toAbsolutePath().normalize(), dataset);
    }

    /** One dataset's view of the cache, handed to its chunk reads. */
    final class Dataset {
        private final Path granule;
        private final String dataset;

        private Dataset(Path granule, String dataset) {
            this.granule = granule;
            this.dataset = dataset;
        }

        /** The inflated bytes of chunk {@code k}, or null. */
        byte[] get(int k) {
            return InflatedChunks.this.get(new Key(granule, dataset, k));
        }

        /** Keeps the inflated bytes of chunk {@code k}; the caller must not modify them afterwards. */
        void put(int k, byte[] inflated) {
            InflatedChunks.this.put(new Key(granule, dataset, k), inflated);
        }
    }

    private synchronized byte[] get(Key key) {
        byte[] found = entries.get(key);
        if (found == null) {
            misses++;
        } else {
            hits++;
        }
        return found;
    }

    private synchronized void put(Key key, byte[] inflated) {
        if (inflated.length > limitBytes) {
            return;
        }
        byte[] old = entries.put(key, inflated);
        bytes += inflated.length - (old == null ? 0 : old.length);
        Iterator<byte[]> it = entries.values().iterator();
        while (bytes > limitBytes) {
            bytes -= it.next().length;
            it.remove();
        }
    }

    /** Forgets the chunks of {@code granule}. */
    synchronized void release(Path granule) {
        Path g = granule.toAbsolutePath().normalize();
        Iterator<Map.Entry<Key, byte[]>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, byte[]> e = it.next();
            if (e.getKey().granule().equals(g)) {
                bytes -= e.getValue().length;
                it.remove();
            }
        }
    }

    /** Forgets every chunk. */
    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    long limitBytes() {
        return limitBytes;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Lookups answered from the cache. */
    synchronized long hits() {
        return hits;
    }

    /** Lookups that had to inflate. */
    synchronized long misses() {
        return misses;
    }
}
