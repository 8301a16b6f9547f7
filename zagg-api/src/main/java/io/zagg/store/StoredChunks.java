package io.zagg.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The chunk objects stored for one array, found by listing its keys through {@link Store#list}
 * (no object is read): {@code {path}/c/i/j} with separator {@code /}, {@code {path}/c.i.j} with
 * {@code .}, {@code {path}/c} for an array of rank 0.
 */
final class StoredChunks {

    /** A chunk key segment: a decimal index as the default encoding writes it (no sign, no leading zero). */
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** Receives the grid position of one stored chunk. */
    @FunctionalInterface
    interface Visitor {
        void visit(long[] coords) throws IOException;
    }

    private StoredChunks() {
    }

    /**
     * Visits the grid position of every chunk object stored for {@code spec}, in C order of
     * position. Names that are no chunk key of the array (not indices, outside the chunk grid)
     * are not chunks and are skipped.
     */
    static void forEach(Store store, ArraySpec spec, Visitor visitor) throws IOException {
        long[] grid = spec.chunkGridShape();
        if (grid.length == 0) {
            if (store.exists(spec.chunkKey())) {
                visitor.visit(new long[0]);
            }
            return;
        }
        if (spec.separator() == '/') {
            walk(store, Keys.join(spec.path(), "c"), grid, new long[grid.length], 0, visitor);
            return;
        }
        // separator '.': every key c.i.j sits beside the array's zarr.json
        List<long[]> found = new ArrayList<>();
        for (String name : store.list(spec.path())) {
            if (name.startsWith("c.")) {
                long[] coords = indices(name.substring(2).split("\\.", -1), grid);
                if (coords != null) {
                    found.add(coords);
                }
            }
        }
        found.sort(Arrays::compare);
        for (long[] coords : found) {
            visitor.visit(coords);
        }
    }

    /** The number of chunk objects stored for {@code spec}. */
    static long count(Store store, ArraySpec spec) throws IOException {
        long[] n = {0};
        forEach(store, spec, coords -> n[0]++);
        return n[0];
    }

    private static void walk(Store store, String prefix, long[] grid, long[] coords, int d, Visitor visitor) throws IOException {
        List<String> names = store.list(prefix);
        long[] found = new long[names.size()];
        int n = 0;
        for (String name : names) {
            long index = index(name, grid[d]);
            if (index >= 0) {
                found[n++] = index;
            }
        }
        Arrays.sort(found, 0, n);
        for (int i = 0; i < n; i++) {
            coords[d] = found[i];
            if (d == grid.length - 1) {
                visitor.visit(coords.clone());
            } else {
                walk(store, prefix + "/" + found[i], grid, coords, d + 1, visitor);
            }
        }
    }

    private static long[] indices(String[] segments, long[] grid) {
        if (segments.length != grid.length) {
            return null;
        }
        long[] coords = new long[grid.length];
        for (int d = 0; d < coords.length; d++) {
            coords[d] = index(segments[d], grid[d]);
            if (coords[d] < 0) {
                return null;
            }
        }
        return coords;
    }

    /** The index a key segment names, or -1 when it names none below {@code limit}. */
    private static long index(String segment, long limit) {
        if (!INDEX.matcher(segment).matches()) {
            return -1;
        }
        try {
            long index = Long.parseLong(segment);
            return index < limit ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
