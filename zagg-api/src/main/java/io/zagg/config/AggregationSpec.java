package io.zagg.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code aggregation} section: coordinates, output fields (in YAML order) and chunk_precompute entries. Immutable. */
public final class AggregationSpec {

    private final List<CoordinateSpec> coordinates;
    private final List<FieldSpec> fields;
    private final List<PrecomputeSpec> chunkPrecompute;

    AggregationSpec(List<CoordinateSpec> coordinates, List<FieldSpec> fields, List<PrecomputeSpec> chunkPrecompute) {
        this.coordinates = List.copyOf(coordinates);
        this.fields = List.copyOf(fields);
        this.chunkPrecompute = List.copyOf(chunkPrecompute);
    }

    public List<CoordinateSpec> coordinates() {
        return coordinates;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    public List<PrecomputeSpec> chunkPrecompute() {
        return chunkPrecompute;
    }

    /**
     * Computes every {@code chunk_precompute} entry once over a chunk's pooled rows (each entry
     * independently, over the columns only). Hand the result to the chunk's cells with
     * {@link Namespace#with}.
     *
     * @throws EvaluationException naming the entry when numpy would have raised
     */
    public ChunkValues evaluateChunk(Namespace pooled) {
        if (chunkPrecompute.isEmpty()) {
            return ChunkValues.none();
        }
        Map<String, Val> values = new LinkedHashMap<>();
        for (PrecomputeSpec p : chunkPrecompute) {
            values.put(p.name(), p.evaluate(pooled));
        }
        return new ChunkValues(values);
    }
}
