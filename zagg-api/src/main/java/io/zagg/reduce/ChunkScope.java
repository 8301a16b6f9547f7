package io.zagg.reduce;

import io.zagg.spi.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of every {@link ChunkStage} of a run for one chunk. Immutable. */
public final class ChunkScope {

    /** The scope of a run without chunk stages. */
    public static final ChunkScope NONE = new ChunkScope(Map.of());

    private final Map<ChunkStage, ChunkStage.Values> values;
    private final Map<String, ChunkStage.Values> byName = new LinkedHashMap<>();

    private ChunkScope(Map<ChunkStage, ChunkStage.Values> values) {
        this.values = values;
        values.forEach((stage, v) -> stage.names().forEach(name -> byName.put(name, v)));
    }

    /** Evaluates every stage over the chunk's pooled rows {@code [start, end)}, each once, in order. */
    static ChunkScope evaluate(List<ChunkStage> stages, Map<String, ? extends Column> columns, long start, long end) {
        if (stages.isEmpty()) {
            return NONE;
        }
        Map<ChunkStage, ChunkStage.Values> values = new LinkedHashMap<>();
        for (ChunkStage s : stages) {
            values.put(s, s.evaluate(columns, start, end));
        }
        return new ChunkScope(values);
    }

    /**
     * Chunk value {@code name} as a double.
     *
     * @throws IllegalArgumentException naming the value and the chunk values there are, when
     *     there is no such value or it is not a scalar
     */
    public double scalar(String name) {
        ChunkStage.Values v = byName.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no chunk value named '" + name + "' (chunk values: "
                    + (byName.isEmpty() ? "none" : String.join(", ", new ArrayList<>(byName.keySet()))) + ")");
        }
        return v.scalar(name);
    }

    /**
     * What {@code stage} computed for this chunk.
     *
     * @throws IllegalArgumentException when the stage is not one of the run's
     */
    public ChunkStage.Values of(ChunkStage stage) {
        ChunkStage.Values v = values.get(stage);
        if (v == null) {
            throw new IllegalArgumentException("chunk stage " + stage + " is not one of the run's " + values.keySet());
        }
        return v;
    }
}
