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
 * each chunk lies under about three shards. Run along the tracks, those shards come one after
 * another, and each dataset being read (of each beam of each granule the shards cross) needs
 * only its chunks around the shards running now: the cache keeps the {@code chunksPerDataset}
 * most recently used chunks of each dataset, so its room follows the number of tracks read at
 * once, not the workers. In all it keeps at most {@code limitBytes}, the least recently used
 * chunks of any dataset going first beyond that (a chunk larger than the limit is never kept).
 * {@link #release} drops a granule no later shard reads.
 *
 * <p>A chunk that one thread is inflating is not inflated again by another: the second waits for
 * the first's bytes. A chunk is handed out as a {@link Use}, closed by the reader once it has
 * copied from it. A dataset's next chunk is inflated into the array of the chunk it replaces
 * when no one reads that any more, so the cache's arrays live as long as their dataset is read
 * instead of a few shards each (with a fresh array per chunk, the collector promoted them by the
 * hundred megabytes on a 40M-photon run, and the heap it kept grew with them). Memory:
 * {@code chunksPerDataset} chunks of each dataset of the granules not released, at most
 * {@code limitBytes}; a chunk that leaves while a reader still copies from it (at most one per
 * reading thread) comes on top until the reader is done.
 */
final class InflatedChunks {

    /** Reads and inflates one chunk into {@code into}, filling it. */
    @FunctionalInterface
    interface Decoder {
        void decode(byte[] into) throws IOException;
    }

    /** A chunk being read: its bytes stay as they are until it is closed. Readers must not modify them. */
    final class Use implements AutoCloseable {
        private final Entry entry;
        private boolean closed;

        private Use(Entry entry) {
            this.entry = entry;
        }

        byte[] bytes() {
            return entry.bytes;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                done(entry);
            }
        }
    }

    private record Key(Path granule, String dataset, int chunk) {
    }

    private record Source(Path granule, String dataset) {
    }

    private static final class Entry {
        final Key key;
        final Track track; // null: not kept (larger than the limit)
        final byte[] bytes;
        int uses; // readers copying from it now: its array is not inflated into again until they are done

        Entry(Key key, Track track, byte[] bytes) {
            this.key = key;
            this.track = track;
            this.bytes = bytes;
        }
    }

    /** The kept chunks of one dataset of one granule, most recently used last, and those being inflated. */
    private static final class Track {
        final int chunkBytes;
        final LinkedHashMap<Integer, Entry> chunks = new LinkedHashMap<>(8, 0.75f, true);
        int inflating;

        Track(int chunkBytes) {
            this.chunkBytes = chunkBytes;
        }
    }

    private final long limitBytes;
    private final int chunksPerDataset;
    // every kept chunk, most recently used last: the order the limit evicts in
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Source, Track> tracks = new HashMap<>();
    // the chunks a thread is inflating now, completed when it is done (kept or failed)
    private final Map<Key, CompletableFuture<Void>> inflating = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;
    private long waits;

    /**
     * @param limitBytes       the most bytes kept, whatever the number of datasets
     * @param chunksPerDataset the most chunks kept of each dataset
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
         * Chunk {@code k}, of {@code bytes} inflated bytes: the kept one, else the one the thread
         * inflating it now makes (waited for), else {@code decoder}'s, which is then kept. When the
         * other thread's inflation fails, this one inflates the chunk itself (and fails with its
         * own error). The caller closes the use once it has copied from it.
         */
        Use chunk(int k, int bytes, Decoder decoder) throws IOException {
            return InflatedChunks.this.chunk(new Key(granule, dataset, k), bytes, decoder);
        }

        /** Whether chunk {@code k} is kept now (asking changes nothing: no use, no recency). */
        boolean isKept(int k) {
            synchronized (InflatedChunks.this) {
                return entries.containsKey(new Key(granule, dataset, k));
            }
        }
    }

    private Use chunk(Key key, int size, Decoder decoder) throws IOException {
        CompletableFuture<Void> mine;
        Track track;
        byte[] into;
        boolean waited = false;
        while (true) {
            CompletableFuture<Void> theirs;
            synchronized (this) {
                Entry found = entries.get(key);
                if (found != null) {
                    if (!waited) {
                        hits++;
                    }
                    found.track.chunks.get(key.chunk()); // the dataset's recency too
                    found.uses++;
                    return new Use(found);
                }
                theirs = inflating.get(key);
                if (theirs == null) {
                    mine = new CompletableFuture<>();
                    inflating.put(key, mine);
                    misses++;
                    track = size > limitBytes ? null : tracks.computeIfAbsent(new Source(key.granule(), key.dataset()), s -> new Track(size));
                    into = track == null ? new byte[size] : take(track, size);
                    break;
                }
                waits++;
            }
            theirs.join(); // then look again: kept, or failed (and this thread inflates it)
            waited = true;
        }
        Entry made = null;
        try {
            decoder.decode(into);
            made = new Entry(key, track, into);
            made.uses = 1;
            return new Use(made);
        } finally {
            synchronized (this) {
                inflating.remove(key);
                if (track != null) {
                    track.inflating--;
                    // kept unless it failed, or its granule was released meanwhile
                    if (made != null && tracks.get(new Source(key.granule(), key.dataset())) == track) {
                        track.chunks.put(key.chunk(), made);
                        entries.put(key, made);
                    } else {
                        bytes -= size;
                    }
                }
            }
            mine.complete(null);
        }
    }

    /**
     * An array to inflate a chunk of {@code track} into, counted as kept from now on: the
     * dataset's least recently used chunk makes way when it has its full number, and its array
     * is the one returned unless someone still reads it; beyond the limit, the least recently
     * used chunks of any dataset go.
     */
    // holds this
    private byte[] take(Track track, int size) {
        byte[] array = null;
        if (track.chunks.size() + track.inflating >= chunksPerDataset && !track.chunks.isEmpty()) {
            Entry oldest = track.chunks.values().iterator().next();
            evict(oldest);
            if (oldest.uses == 0 && oldest.bytes.length == size) {
                array = oldest.bytes;
            }
        }
        while (bytes + size > limitBytes && !entries.isEmpty()) {
            evict(entries.values().iterator().next());
        }
        track.inflating++;
        bytes += size;
        return array != null ? array : new byte[size];
    }

    // holds this
    private void evict(Entry e) {
        entries.remove(e.key);
        e.track.chunks.remove(e.key.chunk());
        bytes -= e.bytes.length;
    }

    private synchronized void done(Entry e) {
        e.uses--;
    }

    /** Forgets the chunks of {@code granule} and their datasets. */
    synchronized void release(Path granule) {
        Path g = granule.toAbsolutePath().normalize();
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Entry> e = it.next();
            if (e.getKey().granule().equals(g)) {
                it.remove();
                bytes -= e.getValue().bytes.length;
            }
        }
        tracks.keySet().removeIf(s -> s.granule().equals(g));
    }

    /** Forgets every chunk and every dataset. */
    synchronized void clear() {
        for (Entry e : entries.values()) {
            bytes -= e.bytes.length;
        }
        entries.clear();
        tracks.clear();
    }

    long limitBytes() {
        return limitBytes;
    }

    /** The bytes the cache may hold now: {@code chunksPerDataset} chunks of each dataset it knows, at most the limit. */
    synchronized long capacity() {
        long room = 0;
        for (Track t : tracks.values()) {
            room += (long) chunksPerDataset * t.chunkBytes;
        }
        return Math.min(limitBytes, room);
    }

    /** Bytes of the chunks kept and being inflated. */
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

    /** Times a thread waited for another inflating the chunk it asked for. */
    synchronized long waits() {
        return waits;
    }
}
