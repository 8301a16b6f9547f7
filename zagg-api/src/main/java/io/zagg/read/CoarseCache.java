package io.zagg.read;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded segment-rate datasets (reference-photon coordinates, link indices, segment
 * variables) of recently read granules, shared by every shard a reader serves. Each shard of a
 * run reads the whole segment table of each of its granules to plan its photon reads; a
 * granule feeds many shards, so without this cache a run would decode those tables once per
 * shard instead of once. Least recently used entries go first once {@code limitBytes} is
 * exceeded. Cached arrays are shared: readers must not modify them.
 */
final class CoarseCache {

    private record Key(Path granule, String dataset) {
    }

    private final long limitBytes;
    private final LinkedHashMap<Key, Object> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    CoarseCache(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The cached array of {@code dataset} in {@code granule}, or null. */
    synchronized Object get(Path granule, String dataset) {
        return entries.get(new Key(granule.toAbsolutePath().normalize(), dataset));
    }

    /** Remembers a decoded array (Java primitive array), evicting the least recently used beyond the limit. */
    synchronized void put(Path granule, String dataset, Object array) {
        long size = sizeOf(array);
        if (size > limitBytes) {
            return;
        }
        Object old = entries.put(new Key(granule.toAbsolutePath().normalize(), dataset), array);
        bytes += size - (old == null ? 0 : sizeOf(old));
        Iterator<Map.Entry<Key, Object>> it = entries.entrySet().iterator();
        while (bytes > limitBytes && it.hasNext()) {
            bytes -= sizeOf(it.next().getValue());
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    private static long sizeOf(Object array) {
        Class<?> c = array.getClass().getComponentType();
        int element = c == double.class || c == long.class ? 8 : c == float.class || c == int.class ? 4 : c == short.class ? 2 : 1;
        if (!c.isPrimitive()) {
            long total = 0;
            for (int i = 0; i < Array.getLength(array); i++) {
                total += sizeOf(Array.get(array, i));
            }
            return total;
        }
        return (long) Array.getLength(array) * element;
    }
}
