package io.zagg.exec;

import io.zagg.Aggregation;
import io.zagg.Granules;
import io.zagg.HealpixSpec;
import io.zagg.Layout;
import io.zagg.ProgressListener;
import io.zagg.grid.HealpixGrid;
import io.zagg.reduce.ChunkStage;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.CarrierProvider;
import io.zagg.store.Compressor;
import java.util.List;

/**
 * A validated pipeline: everything a run needs, checked together. Built by
 * {@code io.zagg.Pipeline}; engine-internal.
 */
public record RunSpec(Granules granules, Layout layout, HealpixSpec gridSpec, HealpixGrid grid, List<Aggregation> fields,
        List<ChunkStage> chunkStages, CarrierProvider carrier, int workers, long memoryBudget, Compressor compressor,
        boolean overwrite, boolean exactRead, ProgressListener listener, List<Long> shards, int maxShards) {

    /**
     * Checks the rules that span steps: the grid's orders nest, output names are unique, every
     * column a statistic or chunk value reads is one the layout provides, chunk value names are
     * unique and no column's, and every chunk value a field reads is computed.
     */
    public static RunSpec of(Granules granules, Layout layout, HealpixSpec gridSpec, List<Aggregation> fields,
            List<ChunkStage> chunkStages, CarrierProvider carrier, int workers, long memoryBudget, Compressor compressor,
            boolean overwrite, boolean exactRead, ProgressListener listener, List<Long> shards, int maxShards) {
        HealpixGrid grid = gridSpec.toGrid();
        new ShardReduction(fields, chunkStages); // checks names and the chunk values fields read
        List<String> columns = ShardTask.columnsOf(layout);
        for (ChunkStage stage : chunkStages) {
            for (String source : stage.sources()) {
                if (!columns.contains(source)) {
                    throw new IllegalArgumentException(stage + " reads column '" + source
                            + "', which the layout does not provide (columns: " + String.join(", ", columns) + ")");
                }
            }
            for (String name : stage.names()) {
                if (columns.contains(name)) {
                    throw new IllegalArgumentException("chunk value '" + name + "' has the name of a column; give it another name");
                }
            }
        }
        for (Aggregation a : fields) {
            for (String source : a.sources()) {
                if (!columns.contains(source)) {
                    throw new IllegalArgumentException("statistic '" + a.name() + "' reads column '" + source
                            + "', which the layout does not provide (columns: " + String.join(", ", columns) + ")");
                }
            }
        }
        return new RunSpec(granules, layout, gridSpec, grid, List.copyOf(fields), List.copyOf(chunkStages), carrier, workers,
                memoryBudget, compressor, overwrite, exactRead, listener, List.copyOf(shards), maxShards);
    }
}
