package io.zagg.read;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded segment-rate datasets (reference-photon coordinates, link indices, segment
 * variables) and the checked {@link SegmentLink}s of recently read granules, shared by every
 * shard a reader serves. Each shard of a run reads the whole segment table of each of its
 * granules to plan its photon reads; a granule feeds many shards, so without this cache a run
 * would decode those tables — and check their links — once per shard instead of once. Least
 * recently used entries go first once {@code limitBytes} is exceeded; {@link #release} drops a
 * granule no later shard reads. Cached values are shared: readers must not modify them.
 */
final class CoarseCache {

    /** {@code link}: the entry is the checked link whose index dataset is {@code dataset}. */
    private record Key(Path granule, String dataset, boolean link) {
    }

    private final long limitBytes;
    private final LinkedHashMap<Key, Object> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    CoarseCache(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The cached array of {@code dataset} in {@code granule}, or null. */
    synchronized Object get(Path granule, String dataset) {
        return entries.get(new Key(normalize(granule), dataset, false));
    }

    /** Remembers a decoded array (Java primitive array), evicting the least recently used beyond the limit. */
    synchronized void put(Path granule, String dataset, Object array) {
        store(new Key(normalize(granule), dataset, false), array);
    }

    /** The checked link of {@code granule} whose start indices are dataset {@code indexBeg}, or null. */
    synchronized SegmentLink link(Path granule, String indexBeg) {
        return (SegmentLink) entries.get(new Key(normalize(granule), indexBeg, true));
    }

    synchronized void putLink(Path granule, String indexBeg, SegmentLink link) {
        store(new Key(normalize(granule), indexBeg, true), link);
    }

    /** Forgets everything cached for {@code granule}. */
    synchronized void release(Path granule) {
        Path g = normalize(granule);
        Iterator<Map.Entry<Key, Object>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Object> e = it.next();
            if (e.getKey().granule().equals(g)) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    private void store(Key key, Object value) {
        long size = sizeOf(value);
        if (size > limitBytes) {
            return;
        }
        Object old = entries.put(key, value);
        bytes += size - (old == null ? 0 : sizeOf(old));
        Iterator<Map.Entry<Key, Object>> it = entries.entrySet().iterator();
        while (bytes > limitBytes && it.hasNext()) {
            bytes -= sizeOf(it.next().getValue());
            it.remove();
        }
    }

    private static Path normalize(Path granule) {
        return granule.toAbsolutePath().normalize();
    }

    private static long sizeOf(Object value) {
        if (value instanceof SegmentLink) {
            return ((SegmentLink) value).bytes();
        }
        Class<?> c = value.getClass().getComponentType();
        int element = c == double.class || c == long.class ? 8 : c == float.class || c == int.class ? 4 : c == short.class ? 2 : 1;
        if (!c.isPrimitive()) {
            long total = 0;
            for (int i = 0; i < Array.getLength(value); i++) {
                total += sizeOf(Array.get(value, i));
            }
            return total;
        }
        return (long) Array.getLength(value) * element;
    }
}
