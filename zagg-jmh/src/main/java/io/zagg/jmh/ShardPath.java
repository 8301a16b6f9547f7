package io.zagg.jmh;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;

import io.zagg.Aggregation;
import io.zagg.Carriers;
import io.zagg.exec.CellSort;
import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.ShardStage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One shard's path through a carrier, stage by stage, as {@link CarrierStagesBenchmark} measures
 * it: each method performs one stage (marking it with {@link Carrier#enter}) on what the previous
 * one returned, so a benchmark's set-up runs the earlier stages and its timed part one more.
 *
 * <p>The shard's {@code h} (float32) and {@code cell} (int32) columns are split into
 * {@value #BEAMS} contiguous beams, each one {@link InputBatch}, built once. They are handed to a
 * new carrier on every invocation although a carrier may adopt a reader's arrays: no carrier
 * writes to the arrays it adopts ({@code plain} keeps them as they are, {@code arrow} copies), so
 * every invocation loads the same values. Not thread-safe ({@link ShardReduction} keeps buffers):
 * one per benchmark thread.
 */
final class ShardPath {

    /** Reads per shard: one granule's worth of ATL03 strong and weak beams in this benchmark. */
    static final int BEAMS = 4;

    /** Cells per inner chunk (reduced, encoded and released together), as the default Zarr inner chunk. */
    static final int CHUNK_CELLS = 4096;

    /** Large enough never to refuse: these benchmarks measure, they do not limit. */
    private static final long BUDGET = 64L << 30;

    private final CarrierProvider provider;
    private final int cellsPerShard;
    private final List<InputBatch> beams;
    private final ShardReduction moments = new ShardReduction(List.of(count(), min("h"), max("h"), mean("h"), var("h")));

    /** The rows after {@link #sortGather}: {@code h} sorted by cell, and the sort with each populated cell's run. */
    record SortedRows(Batch rows, CellSort sort) {
    }

    /**
     * @param shard   the decoded columns to load
     * @param carrier a carrier name as {@link Carriers#named} takes it
     * @throws IllegalArgumentException if no carrier of that name is on the class path
     */
    ShardPath(ShardColumns shard, String carrier) {
        this.provider = Carriers.named(carrier);
        this.cellsPerShard = shard.cellsPerShard();
        this.beams = split(shard);
    }

    private static List<InputBatch> split(ShardColumns shard) {
        int rows = shard.rows();
        int beams = Math.min(BEAMS, rows);
        List<InputBatch> out = new ArrayList<>(beams);
        for (int b = 0; b < beams; b++) {
            int from = (int) ((long) rows * b / beams);
            int to = (int) ((long) rows * (b + 1) / beams);
            out.add(InputBatch.builder("beam " + (b + 1) + " of " + beams)
                    .column("h", Columns.wrap(Arrays.copyOfRange(shard.h(), from, to), DType.FLOAT32, 1))
                    .column("cell", Columns.wrap(Arrays.copyOfRange(shard.cell(), from, to), DType.INT32, 1))
                    .build());
        }
        return out;
    }

    /** A new carrier for this shard, on the calling thread. */
    Carrier newCarrier() {
        return provider.create(CarrierContext.of(BUDGET, "benchmark shard"));
    }

    /** READ: every beam loaded, in order. */
    List<Batch> load(Carrier carrier) {
        List<Batch> reads = new ArrayList<>(beams.size());
        for (InputBatch beam : beams) {
            reads.add(carrier.load(beam));
        }
        return reads;
    }

    /** CONCAT: the beams joined into the shard's rows. */
    Batch concat(Carrier carrier, List<Batch> reads) {
        carrier.enter(ShardStage.CONCAT);
        return carrier.concat(reads);
    }

    /**
     * SORT: the rows grouped by cell (a stable radix sort of the cell column), then, as the engine
     * does with its cell keys, the cell column released before every other column is gathered.
     */
    SortedRows sortGather(Carrier carrier, Batch rows) {
        carrier.enter(ShardStage.SORT);
        CellSort sort = CellSort.of(rows.column("cell"), cellsPerShard);
        rows.release("cell");
        rows.gather(Columns.wrap(sort.permutation(), DType.INT32, 1));
        return new SortedRows(rows, sort);
    }

    /**
     * REDUCE and ENCODE, chunk by chunk as the engine's shard task does: for each run of
     * {@value #CHUNK_CELLS} cells (an inner chunk), count, min, max, mean and var of {@code h}
     * per cell into a new output batch of the carrier, every output column encoded whole and
     * handed to {@code sink} with its name, then the batch closed before the next chunk's. Returns the cells
     * reduced.
     */
    long reduceEncode(Carrier carrier, SortedRows sorted, BiConsumer<String, ByteBuffer> sink) {
        Map<String, Column> h = Map.of("h", sorted.rows().column("h"));
        int chunkCells = Math.min(CHUNK_CELLS, cellsPerShard);
        long cells = 0;
        for (int firstCell = 0; firstCell < cellsPerShard; firstCell += chunkCells) {
            int n = Math.min(chunkCells, cellsPerShard - firstCell);
            CellRuns runs = sorted.sort().runs(firstCell, n);
            carrier.enter(ShardStage.REDUCE);
            try (Batch out = carrier.newBatch(n)) {
                Map<String, MutableColumn> dense = new LinkedHashMap<>();
                for (Aggregation field : moments.fields()) {
                    dense.put(field.name(), out.add(field.name(), field.dtype(), field.width()));
                }
                moments.reduce(h, runs, new ShardOutput(dense, Map.of()));
                carrier.enter(ShardStage.ENCODE);
                for (String name : out.names()) {
                    sink.accept(name, out.encode(name, 0, n));
                }
                cells += out.rows();
            }
        }
        return cells;
    }
}
