package io.zagg.reduce;

import io.zagg.Aggregation;
import io.zagg.Aggregation.Kind;
import io.zagg.spi.Columns;
import io.zagg.spi.MutableColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link ShardReduction} writes: one column of {@code cells} rows per scalar or vector
 * field (width 1 or the vector's length, the field's dtype) and one {@link RaggedBuilder} per
 * ragged field. A carrier may supply its own columns; {@link #allocate} makes heap ones.
 */
public final class ShardOutput {

    private final Map<String, MutableColumn> dense;
    private final Map<String, RaggedBuilder> ragged;

    /** Outputs supplied by the caller, keyed by field name. */
    public ShardOutput(Map<String, MutableColumn> dense, Map<String, RaggedBuilder> ragged) {
        this.dense = Map.copyOf(dense);
        this.ragged = Map.copyOf(ragged);
    }

    /** Heap outputs for {@code fields} over {@code cells} output rows. */
    public static ShardOutput allocate(List<Aggregation> fields, int cells) {
        Map<String, MutableColumn> dense = new LinkedHashMap<>();
        Map<String, RaggedBuilder> ragged = new LinkedHashMap<>();
        for (Aggregation a : fields) {
            if (a.kind() == Kind.RAGGED) {
                ragged.put(a.name(), new RaggedBuilder(a.name(), a.dtype(), a.width()));
            } else {
                dense.put(a.name(), Columns.allocate(a.dtype(), cells, a.width()));
            }
        }
        return new ShardOutput(dense, ragged);
    }

    /** The column of scalar or vector field {@code name}. */
    public MutableColumn dense(String name) {
        MutableColumn c = dense.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no output column for field '" + name + "'; outputs: " + dense.keySet());
        }
        return c;
    }

    /** The CSR builder of ragged field {@code name}. */
    public RaggedBuilder ragged(String name) {
        RaggedBuilder r = ragged.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no ragged output for field '" + name + "'; ragged outputs: " + ragged.keySet());
        }
        return r;
    }
}
