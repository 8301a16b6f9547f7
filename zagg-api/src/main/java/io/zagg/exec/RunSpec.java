package io.zagg.exec;

import io.zagg.Aggregation;
import io.zagg.Aggregations;
import io.zagg.Granules;
import io.zagg.HealpixSpec;
import io.zagg.Layout;
import io.zagg.ProgressListener;
import io.zagg.grid.HealpixGrid;
import io.zagg.spi.CarrierProvider;
import io.zagg.store.Compressor;
import java.util.List;

/**
 * A validated pipeline: everything a run needs, checked together. Built by
 * {@code io.zagg.Pipeline}; engine-internal.
 */
public record RunSpec(Granules granules, Layout layout, HealpixSpec gridSpec, HealpixGrid grid, List<Aggregation> fields,
        CarrierProvider carrier, int workers, long memoryBudget, Compressor compressor, boolean overwrite, boolean exactRead,
        ProgressListener listener, List<Long> shards, int maxShards) {

    /**
     * Checks the rules that span steps: the grid's orders nest, output names are unique, and
     * every column a statistic reads is one the layout provides.
     */
    public static RunSpec of(Granules granules, Layout layout, HealpixSpec gridSpec, List<Aggregation> fields,
            CarrierProvider carrier, int workers, long memoryBudget, Compressor compressor, boolean overwrite, boolean exactRead,
            ProgressListener listener, List<Long> shards, int maxShards) {
        HealpixGrid grid = gridSpec.toGrid();
        Aggregations.requireUniqueNames(fields);
        List<String> columns = ShardTask.columnsOf(layout);
        for (Aggregation a : fields) {
            for (String source : a.sources()) {
                if (!columns.contains(source)) {
                    throw new IllegalArgumentException("statistic '" + a.name() + "' reads column '" + source
                            + "', which the layout does not provide (columns: " + String.join(", ", columns) + ")");
                }
            }
        }
        return new RunSpec(granules, layout, gridSpec, grid, List.copyOf(fields), carrier, workers, memoryBudget, compressor,
                overwrite, exactRead, listener, List.copyOf(shards), maxShards);
    }
}
