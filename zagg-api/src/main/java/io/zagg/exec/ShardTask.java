package io.zagg.exec;

import io.zagg.Aggregation;
import io.zagg.Layout;
import io.zagg.ReadError;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import io.zagg.read.BeamRead;
import io.zagg.read.DTypePromotion;
import io.zagg.read.GranuleRead;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadFailure;
import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ChunkStage;
import io.zagg.reduce.RaggedBuilder;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierMemory;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.Ragged;
import io.zagg.spi.ShardStage;
import io.zagg.store.CsrBlock;
import io.zagg.store.ShardWriter;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One shard, end to end (architecture §3): read every granule's rows in the shard, each keyed
 * with its cell by the shard test's hash, into the carrier, concatenate, sort rows by cell,
 * reduce every field per inner chunk, and write that chunk's objects. The only path there is:
 * the local executor runs it on a thread pool, a distributed engine runs it as one task.
 *
 * <p>A granule or beam that fails is recorded in the report and the shard goes on; a shard
 * whose rows all fall away is {@link ShardStatus#EMPTY}; anything else that fails makes it
 * {@link ShardStatus#FAILED} without touching other shards. Not thread-safe (it reuses its
 * reduction buffers and its encode scratch): one task per worker thread.
 */
final class ShardTask {

    static final String LATITUDE = Layout.LATITUDE;
    static final String LONGITUDE = Layout.LONGITUDE;
    private static final String CELL_KEY = "zagg_cell_key";

    private final GranuleReader reader;
    private final HealpixGrid grid;
    private final List<Aggregation> fields;
    private final ShardReduction reduction;
    private final CarrierProvider carrier;
    private final Set<String> neededColumns;
    /** The fields stored once per chunk. */
    private final Set<String> perChunk;
    private final ShardIndexCache indexes;
    private ByteBuffer scratch;

    ShardTask(GranuleReader reader, HealpixGrid grid, List<Aggregation> fields, List<ChunkStage> chunkStages,
            CarrierProvider carrier) {
        this(reader, grid, fields, chunkStages, carrier, new ShardIndexCache(grid.shardOrder()));
    }

    /** A task sharing {@code indexes} (and {@code reader}, whose arrays it keys) with the run's other tasks. */
    ShardTask(GranuleReader reader, HealpixGrid grid, List<Aggregation> fields, List<ChunkStage> chunkStages,
            CarrierProvider carrier, ShardIndexCache indexes) {
        if (indexes.shardOrder() != grid.shardOrder()) {
            throw new IllegalArgumentException("shard indexes at order " + indexes.shardOrder() + " for a grid with shards at order "
                    + grid.shardOrder());
        }
        this.indexes = indexes;
        this.reader = reader;
        this.grid = grid;
        this.fields = List.copyOf(fields);
        this.reduction = new ShardReduction(fields, chunkStages);
        this.carrier = carrier;
        this.neededColumns = new LinkedHashSet<>();
        for (Aggregation a : fields) {
            neededColumns.addAll(a.sources());
        }
        for (ChunkStage s : chunkStages) {
            neededColumns.addAll(s.sources());
        }
        this.perChunk = new HashSet<>();
        for (Aggregation a : fields) {
            if (a.isPerChunk()) {
                perChunk.add(a.name());
            }
        }
    }

    /** The columns a layout's reads provide, in the reader's order: variables, broadcast segment variables, coordinates. */
    static List<String> columnsOf(Layout layout) {
        List<String> columns = new ArrayList<>(layout.variables().keySet());
        for (Layout.Level level : layout.levels().values()) {
            columns.addAll(level.variables().keySet());
        }
        columns.add(LATITUDE);
        columns.add(LONGITUDE);
        return columns;
    }

    /**
     * Processes shard {@code shardWord} (its morton word at the shard order) from
     * {@code granules}, in this order, writing through {@code store}, with at most
     * {@code memoryBudget} bytes in the carrier.
     *
     * @throws MemoryBudgetException when the shard needs more than {@code memoryBudget}
     */
    ShardReport run(long shardWord, List<Path> granules, StoreWriter store, long memoryBudget) {
        return run(shardWord, granules.size(), (selector, report) -> readGranules(selector, granules, report), store, memoryBudget);
    }

    /**
     * Processes a shard from rows already decoded, one entry per beam in read order (other
     * sources, tests); beams without keys are keyed here from their coordinates.
     */
    ShardReport runDecoded(long shardWord, List<BeamInput> beams, StoreWriter store, long memoryBudget) {
        return run(shardWord, 0, (selector, report) -> beams.stream().map(b -> forCarrier(b, selector))
                .collect(Collectors.toCollection(ArrayList::new)), store, memoryBudget);
    }

    /** Where a shard's decoded rows come from, each beam {@linkplain #forCarrier ready for the carrier}. */
    @FunctionalInterface
    private interface Source {
        List<BeamInput> read(HealpixSelector selector, ShardReport.Builder report);
    }

    private ShardReport run(long shardWord, int granuleCount, Source source, StoreWriter store, long memoryBudget) {
        long started = System.nanoTime();
        ShardReport.Builder report = ShardReport.builder(shardWord).granuleCount(granuleCount);
        Phases phases = new Phases();
        try (Carrier c = carrier.create(new CarrierContext(memoryBudget, 1, MortonWord.toString(shardWord)))) {
            try {
                process(shardWord, source, store, c, report, phases);
            } finally {
                CarrierMemory memory = c.memory();
                report.decodedInputBytes(memory.inputBytes()).peakCarrierBytes(memory.peakBytes());
            }
        } catch (MemoryBudgetException e) {
            throw e; // the executor retries the shard alone with the whole budget
        } catch (IOException | RuntimeException e) {
            report.status(ShardStatus.FAILED).error(describe(e));
        }
        return report.phases(phases.seconds()).durationSeconds((System.nanoTime() - started) / 1e9).build();
    }

    private void process(long shardWord, Source source, StoreWriter store, Carrier c, ShardReport.Builder report,
            Phases phases) throws IOException {
        if (MortonWord.order(shardWord) != grid.shardOrder()) {
            throw new IllegalArgumentException("shard key " + MortonWord.toString(shardWord) + " is at order "
                    + MortonWord.order(shardWord) + ", the grid's shards at order " + grid.shardOrder());
        }
        long shardNested = MortonWord.toNested(shardWord);
        HealpixSelector selector = new HealpixSelector(grid, shardNested, indexes);
        c.enter(ShardStage.READ);
        List<Batch> batches = load(source.read(selector, report), c);
        phases.read();
        if (batches.isEmpty()) {
            report.status(ShardStatus.EMPTY);
            return;
        }
        c.enter(ShardStage.CONCAT);
        Batch rows = c.concat(batches);
        report.totalObs(rows.rows());

        c.enter(ShardStage.INDEX);
        CellSort sort = CellSort.of(rows.column(CELL_KEY), grid.cellsPerShard());
        rows.release(CELL_KEY);
        c.enter(ShardStage.SORT);
        rows.gather(Columns.wrap(sort.permutation(), DType.INT32, 1));
        phases.index();

        report.cellsWithData(sort.populatedCells());
        try (ShardWriter writer = store.shard(shardNested)) {
            reduceAndWrite(rows, sort, shardNested, c, writer, phases);
            writer.commit();
        }
        phases.write();
        report.status(ShardStatus.OK);
    }

    /** Reads every granule's rows in the shard, one entry per beam; failures go to the report. */
    private List<BeamInput> readGranules(HealpixSelector selector, List<Path> granules, ShardReport.Builder report) {
        List<BeamInput> reads = new ArrayList<>();
        int files = 0;
        long invalid = 0;
        for (Path granule : granules) {
            GranuleRead read = reader.read(granule, selector);
            String name = granule.getFileName().toString();
            if (read.failure().isPresent()) {
                report.addReadError(new ReadError(name, "", read.failure().get().message()));
                continue;
            }
            files++;
            for (BeamRead beam : read.beams()) {
                invalid += beam.invalidCoordinates();
                if (beam.status() == BeamRead.Status.FAILED) {
                    ReadFailure f = beam.failure().orElseThrow();
                    report.addReadError(new ReadError(name, beam.beam(), f.message()));
                } else if (beam.status() == BeamRead.Status.READ) {
                    // stripped as it arrives, so unread coordinates never pile up across granules
                    reads.add(forCarrier(new BeamInput(name, beam.beam(), beam.columns(), beam.sources(), beam.keys().orElseThrow()),
                            selector));
                }
            }
        }
        report.filesProcessed(files).invalidCoordinates(invalid);
        return reads;
    }

    /**
     * Hands the beams' rows to the carrier, one batch per beam, each with its cell keys as column
     * {@value #CELL_KEY}. Columns whose dtype differs between beams are widened to their common
     * dtype first (the one promotion rule of {@link DTypePromotion}, the same for every carrier);
     * a dtype pair with no safe common type fails the shard with a message naming the granule and
     * dataset.
     */
    private static List<Batch> load(List<BeamInput> reads, Carrier c) {
        Map<String, DType> dtypes = new LinkedHashMap<>();
        for (BeamInput beam : reads) {
            for (Map.Entry<String, Column> column : beam.columns().entrySet()) {
                DType next = column.getValue().dtype();
                DType before = dtypes.get(column.getKey());
                dtypes.put(column.getKey(), before == null ? next
                        : DTypePromotion.promote(before, next, beam.granule(), beam.sources().getOrDefault(column.getKey(), column.getKey())));
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            BeamInput beam = reads.get(i);
            reads.set(i, null); // the carrier owns the rows from here
            InputBatch.Builder input = InputBatch.builder(beam.granule() + " " + beam.beam());
            for (Map.Entry<String, Column> column : beam.columns().entrySet()) {
                input.column(column.getKey(), DTypePromotion.widen(column.getValue(), dtypes.get(column.getKey())));
            }
            batches.add(c.load(input.column(CELL_KEY, beam.keys()).build()));
        }
        return batches;
    }

    /**
     * The beam as the carrier takes it: keyed (by the selector's hash of its coordinates when it
     * came without keys), and without the coordinates no field reads — from here on the cell keys
     * stand for them (zagg #130's lifetime lesson).
     */
    private BeamInput forCarrier(BeamInput beam, HealpixSelector selector) {
        Column keys = beam.keys();
        if (keys == null) {
            Column lat = beam.columns().get(LATITUDE);
            Column lon = beam.columns().get(LONGITUDE);
            if (lat == null || lon == null) {
                throw new IllegalArgumentException("beam " + beam.beam() + " of " + beam.granule()
                        + " has neither cell keys nor both coordinate columns; it has " + beam.columns().keySet());
            }
            keys = selector.keysOf(lat, lon);
        }
        Map<String, Column> columns = new LinkedHashMap<>(beam.columns());
        for (String coordinate : List.of(LATITUDE, LONGITUDE)) {
            if (!neededColumns.contains(coordinate)) {
                columns.remove(coordinate);
            }
        }
        return new BeamInput(beam.granule(), beam.beam(), columns, beam.sources(), keys);
    }

    /**
     * One beam's rows in the shard, before the carrier takes them.
     *
     * @param sources column name → the dataset it was read from (for messages)
     * @param keys    each row's cell position in the shard ({@link HealpixSelector#keyType()}),
     *                or null to hash them from the {@code latitude} and {@code longitude} columns
     */
    record BeamInput(String granule, String beam, Map<String, Column> columns, Map<String, String> sources, Column keys) {

        /** Rows without keys: hashed from their coordinates when the carrier takes them. */
        BeamInput(String granule, String beam, Map<String, Column> columns, Map<String, String> sources) {
            this(granule, beam, columns, sources, null);
        }
    }

    /**
     * Reduces and writes the shard chunk by chunk. Each step is its own method, small enough
     * for the JIT to compile alone: as one method the loop inlined every kernel and writer
     * into one unit that the JIT compiled again after each deoptimization, at seconds a time.
     */
    private void reduceAndWrite(Batch rows, CellSort sort, long shardNested, Carrier c, ShardWriter writer, Phases phases)
            throws IOException {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : rows.names()) {
            columns.put(name, rows.column(name));
        }
        int cellsPerChunk = Math.toIntExact(grid.cellsPerChunk());
        c.enter(ShardStage.REDUCE);
        // one output batch serves every chunk: the reduction sets every row of every dense column
        // for each chunk (ShardReduction), so no chunk sees its predecessor's values, and the
        // shard allocates its output columns once instead of once a chunk
        try (Batch out = c.newBatch(cellsPerChunk)) {
            Map<String, MutableColumn> dense = new LinkedHashMap<>();
            for (Aggregation a : fields) {
                if (a.kind() != Aggregation.Kind.RAGGED) {
                    dense.put(a.name(), out.add(a.name(), a.dtype(), a.width()));
                }
            }
            long k = grid.chunksPerShard();
            for (long chunk = 0; chunk < k; chunk++) {
                writeChunk(columns, sort, shardNested * k + chunk, chunk, c, out, dense, writer, phases);
            }
        }
    }

    /**
     * Reduces the rows of one chunk ({@code chunk} of the shard, {@code chunkNested} in the grid)
     * into {@code out} (its {@code dense} columns and a new ragged output per ragged field) and
     * writes the chunk's objects.
     */
    private void writeChunk(Map<String, Column> columns, CellSort sort, long chunkNested, long chunk, Carrier c, Batch out,
            Map<String, MutableColumn> dense, ShardWriter writer, Phases phases) throws IOException {
        int cellsPerChunk = (int) out.rows();
        CellRuns runs = sort.runs(chunk * cellsPerChunk, cellsPerChunk);
        c.enter(ShardStage.REDUCE);
        Map<String, RaggedBuilder> ragged = new LinkedHashMap<>();
        List<Ragged> carried = new ArrayList<>();
        for (Aggregation a : fields) {
            if (a.kind() == Aggregation.Kind.RAGGED) {
                Ragged payloads = c.newRagged(a.dtype(), a.width());
                carried.add(payloads);
                ragged.put(a.name(), new RaggedBuilder(a.name(), a.dtype(), a.width(), payloads));
            }
        }
        reduction.reduce(columns, runs, new ShardOutput(dense, ragged));
        phases.aggregate();
        c.enter(ShardStage.ENCODE);
        encode(out, chunkNested, cellsPerChunk, writer);
        // the grid alone decides the coordinates, so the writer makes their bytes: no carrier column, no copy
        writer.writeCoordinates(chunkNested);
        for (Aggregation a : fields) {
            if (a.kind() == Aggregation.Kind.RAGGED) {
                writeCsr(writer, a, chunkNested, ragged.get(a.name()));
            }
        }
        carried.forEach(Ragged::close);
        phases.write();
    }

    /**
     * Writes every dense column of a chunk's output (a per-chunk field as its one row), encoded
     * into this task's scratch: the writer is done with a chunk's bytes when it returns.
     */
    private void encode(Batch out, long chunkNested, int cellsPerChunk, ShardWriter writer) throws IOException {
        for (String name : out.names()) {
            Column column = out.column(name);
            ByteBuffer scratch = scratch((long) cellsPerChunk * column.width() * column.dtype().byteSize());
            if (perChunk.contains(name)) {
                int row = ChunkUniform.row(name, column, cellsPerChunk);
                writer.writeChunk(name, chunkNested, out.encode(name, row, row + 1, scratch));
            } else {
                writer.writeChunk(name, chunkNested, out.encode(name, 0, cellsPerChunk, scratch));
            }
        }
    }

    /**
     * This task's encode buffer, with room for {@code bytes}: direct, so that a file store writes
     * it as it is, and kept from chunk to chunk and shard to shard (one task per worker thread).
     */
    private ByteBuffer scratch(long bytes) {
        if (scratch == null || scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocateDirect(Math.toIntExact(bytes));
        }
        return scratch;
    }

    /**
     * Writes a ragged field's CSR group of one chunk: every populated cell's payload, or for a
     * field stored per chunk the chunk's one payload as cell 0 (nothing when no cell has one).
     */
    private static void writeCsr(ShardWriter writer, Aggregation a, long chunk, RaggedBuilder r) throws IOException {
        long[] offsets = r.offsets();
        int[] inner = a.shape().stream().mapToInt(Integer::intValue).toArray();
        if (a.isPerChunk()) {
            int k = ChunkUniform.payload(a.name(), r.values(), offsets);
            if (k >= 0) {
                long[] one = {0, offsets[k + 1] - offsets[k]};
                writer.writeCsr(a.name(), chunk, CsrBlock.of(a.dtype(), inner, r.encodeValues(offsets[k], offsets[k + 1]), one,
                        new long[] {0}));
            }
            return;
        }
        long[] cellIds = new long[r.populated()];
        for (int i = 0; i < cellIds.length; i++) {
            cellIds[i] = r.cell(i);
        }
        writer.writeCsr(a.name(), chunk, CsrBlock.of(a.dtype(), inner, r.encodeValues(0, r.rows()), offsets, cellIds));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Splits a shard's wall time into its phases as it goes. */
    private static final class Phases {
        private long mark = System.nanoTime();
        private long read;
        private long index;
        private long aggregate;
        private long write;

        private long lap() {
            long now = System.nanoTime();
            long d = now - mark;
            mark = now;
            return d;
        }

        void read() {
            read += lap();
        }

        void index() {
            index += lap();
        }

        void aggregate() {
            aggregate += lap();
        }

        void write() {
            write += lap();
        }

        ShardReport.PhaseSeconds seconds() {
            return new ShardReport.PhaseSeconds(read / 1e9, index / 1e9, aggregate / 1e9, write / 1e9);
        }
    }
}
