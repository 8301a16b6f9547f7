package io.zagg.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Recently inflated photon-rate chunks, shared by the shards a reader serves and by its threads,
 * so that each chunk is inflated about once per run instead of once per shard overlapping it.
 *
 * <p>A 10,000-photon ATL03 chunk spans about 7 km of track and an order-11 shard about 3 km, so
 * each chunk lies under about three shards; run along the tracks, those shards come one after
 * another, and every track being read (each beam of each granule the shards cross: 24 on four
 * repeat passes) needs only the chunks around the shards running now. The room therefore
 * follows the tracks, not the workers: {@code chunksPerDataset} chunks of each dataset the cache
 * holds chunks of, at most {@code limitBytes} in all; least recently used chunks go first (a
 * chunk larger than {@code limitBytes} is never kept). {@link #release} drops a granule no later
 * shard reads, and with it its room.
 *
 * <p>A chunk that one thread is inflating is not inflated again by another: the second waits for
 * the first's bytes. Cached chunks are shared: readers must not modify them.
 */
final class InflatedChunks {

    /** Reads and inflates one chunk into a new array, which the cache may keep. */
    @FunctionalInterface
    interface Decoder {
        byte[] decode() throws IOException;
    }

    private record Key(Path granule, String dataset, int chunk) {
    }

    private record Source(Path granule, String dataset) {
    }

    private final long limitBytes;
    private final int chunksPerDataset;
    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    // the chunks a thread is inflating now; completed with their bytes, or null when that failed
    private final Map<Key, CompletableFuture<byte[]>> inflating = new HashMap<>();
    // the inflated size of one chunk of each dataset with chunks kept: what the room is made of
    private final Map<Source, Integer> chunkBytes = new HashMap<>();
    private long room;
    private long bytes;
    private long hits;
    private long misses;
    private long waits;

    /**
     * @param limitBytes       the most bytes kept, whatever the number of datasets
     * @param chunksPerDataset the room: this many chunks of each dataset with chunks kept
     */
    InflatedChunks(long limitBytes, int chunksPerDataset) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("inflated chunk cache " + limitBytes + " bytes must not be negative");
        }
        if (chunksPerDataset < 1) {
            throw new IllegalArgumentException("inflated chunk cache of " + chunksPerDataset + " chunks per dataset must keep at least 1");
        }
        this.limitBytes = limitBytes;
        this.chunksPerDataset = chunksPerDataset;
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

        /**
         * The inflated bytes of chunk {@code k}: kept ones, else those of the thread inflating it
         * now (waited for), else {@code decoder}'s, which are then kept. When the other thread's
         * inflation fails, this one asks again (and inflates the chunk itself, failing with its own error).
         */
        byte[] chunk(int k, Decoder decoder) throws IOException {
            return InflatedChunks.this.chunk(new Key(granule, dataset, k), decoder);
        }
    }

    private byte[] chunk(Key key, Decoder decoder) throws IOException {
        CompletableFuture<byte[]> theirs;
        CompletableFuture<byte[]> mine = null;
        synchronized (this) {
            byte[] found = entries.get(key);
            if (found != null) {
                hits++;
                return found;
            }
            theirs = inflating.get(key);
            if (theirs == null) {
                mine = new CompletableFuture<>();
                inflating.put(key, mine);
                misses++;
            } else {
                waits++;
            }
        }
        if (theirs != null) {
            byte[] shared = theirs.join(); // never completed exceptionally: a failure completes it with null
            return shared != null ? shared : chunk(key, decoder);
        }
        byte[] inflated = null;
        try {
            inflated = decoder.decode();
            return inflated;
        } finally {
            synchronized (this) {
                inflating.remove(key);
                if (inflated != null) {
                    keep(key, inflated);
                }
            }
            mine.complete(inflated);
        }
    }

    // holds this
    private void keep(Key key, byte[] inflated) {
        if (inflated.length > limitBytes) {
            return;
        }
        if (chunkBytes.putIfAbsent(new Source(key.granule(), key.dataset()), inflated.length) == null) {
            room += (long) chunksPerDataset * inflated.length;
        }
        byte[] old = entries.put(key, inflated);
        bytes += inflated.length - (old == null ? 0 : old.length);
        long capacity = capacity();
        Iterator<byte[]> it = entries.values().iterator();
        while (bytes > capacity) {
            bytes -= it.next().length;
            it.remove();
        }
    }

    /** Forgets the chunks of {@code granule} and the room its datasets made. */
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
        Iterator<Map.Entry<Source, Integer>> sizes = chunkBytes.entrySet().iterator();
        while (sizes.hasNext()) {
            Map.Entry<Source, Integer> e = sizes.next();
            if (e.getKey().granule().equals(g)) {
                room -= (long) chunksPerDataset * e.getValue();
                sizes.remove();
            }
        }
    }

    /** Forgets every chunk and every dataset's room. */
    synchronized void clear() {
        entries.clear();
        chunkBytes.clear();
        bytes = 0;
        room = 0;
    }

    long limitBytes() {
        return limitBytes;
    }

    /** The bytes the cache may hold now: {@code chunksPerDataset} chunks of each dataset with chunks kept, at most the limit. */
    synchronized long capacity() {
        return Math.min(limitBytes, room);
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Chunks answered from the cache. */
    synchronized long hits() {
        return hits;
    }

    /** Chunks inflated. */
    synchronized long misses() {
        return misses;
    }

    /** Chunks answered by waiting for the thread inflating them. */
    synchronized long waits() {
        return waits;
    }
}
