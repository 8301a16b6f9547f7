package io.zagg.config;

import io.zagg.reduce.ChunkStage;
import io.zagg.spi.Column;
import java.util.List;
import java.util.Map;

/**
 * A config's {@code chunk_precompute} in a run: its entries evaluated once per inner chunk over
 * the chunk's pooled rows ({@link AggregationSpec#evaluateChunk}), as {@link ChunkValues} that
 * keep their numpy types for the chunk's expression fields.
 */
final class PrecomputeStage implements ChunkStage {

    private final AggregationSpec aggregation;
    private final List<String> names;
    private final List<String> columns;

    /** @param columns the data source's columns, any of which an entry's expression may read */
    PrecomputeStage(AggregationSpec aggregation, List<String> columns) {
        this.aggregation = aggregation;
        this.names = aggregation.chunkPrecompute().stream().map(PrecomputeSpec::name).toList();
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<String> sources() {
        return columns;
    }

    @Override
    public ChunkValues evaluate(Map<String, ? extends Column> columns, long start, long end) {
        return aggregation.evaluateChunk(Namespace.of(columns, start, end));
    }

    @Override
    public String toString() {
        return "chunk_precompute " + aggregation.chunkPrecompute();
    }
}
