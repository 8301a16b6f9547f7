package io.zagg.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code aggregation.chunk_precompute} values of one chunk, computed once over the chunk's
 * pooled rows by {@link Namespace} and visible to every cell's expressions
 * through {@link Namespace#with}. Immutable.
 */
public final class ChunkValues {

    private static final ChunkValues NONE = new ChunkValues(Map.of());

    private final Map<String, Val> values;

    ChunkValues(Map<String, Val> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No chunk values (a config without {@code chunk_precompute}). */
    public static ChunkValues none() {
        return NONE;
    }

    public Set<String> names() {
        return values.keySet();
    }

    /**
     * A scalar chunk value as Python's {@code float(v)} gives it.
     *
     * @throws IllegalArgumentException if there is no such value or it is an array
     */
    public double scalar(String name) {
        Val v = values.get(name);
        if (!(v instanceof Scalar)) {
            throw new IllegalArgumentException(v == null ? "no chunk value named '" + name + "' (have " + names() + ")"
                    : "chunk value '" + name + "' is not a scalar but a " + Val.describe(v));
        }
        return ((Scalar) v).toDouble();
    }

    Val get(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
