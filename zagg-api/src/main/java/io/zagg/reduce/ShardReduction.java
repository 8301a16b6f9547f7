package io.zagg.reduce;

import io.zagg.Aggregation;
import io.zagg.Aggregations;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reduces every field of a run over one shard (or chunk) in a single pass over its cells: for
 * each cell, each source column's rows are read at most once into a reusable buffer (not at all
 * by kernels that read a Java-array column in place), then every field is computed from the
 * buffers (so {@code mean} and {@code var} share one pairwise sum, and {@code median} and the
 * quantiles one sort) and written to the cell's output row. The moments of a column
 * ({@code count}, {@code sum}, {@code min}, {@code max}, {@code mean}, {@code var},
 * {@code std}) are one fused {@link MomentsKernel}.
 *
 * <p>A run's {@link ChunkStage}s are evaluated first, once per call, over the pooled rows of all
 * the runs (one inner chunk's rows, contiguous in the cell-sorted columns), and every field sees
 * their values. Then every output row is set to the field's empty-cell value (count 0, the fill
 * value, vectors filled, ragged absent; a {@link BuiltIn#CHUNK_VALUE} its chunk value), so rows
 * without a run stay empty cells. (Filling a heap output in bulk first is cheaper than finding and
 * filling the gaps between runs, one call per gap, on a fine grid where a third of the cells are
 * empty.)
 *
 * <p>Not thread-safe: it keeps its buffers between calls. Use one per worker thread; reuse it
 * across shards to reuse the buffers.
 */
public final class ShardReduction {

    private final List<Aggregation> fields;
    private final List<ChunkStage> stages;
    private final Map<String, CellBuffer> buffers = new LinkedHashMap<>();

    /** A reduction computing {@code fields} without chunk values; their output names must be unique. */
    public ShardReduction(List<Aggregation> fields) {
        this(fields, List.of());
    }

    /**
     * A reduction computing {@code fields}, whose chunk values {@code stages} compute.
     *
     * @throws IllegalArgumentException when two fields share an output name, two stages a value
     *     name, or a built-in field reads a chunk value no stage computes
     */
    public ShardReduction(List<Aggregation> fields, List<ChunkStage> stages) {
        Aggregations.requireUniqueNames(fields);
        Map<String, ChunkStage> names = new LinkedHashMap<>();
        for (ChunkStage s : stages) {
            for (String name : s.names()) {
                ChunkStage before = names.putIfAbsent(name, s);
                if (before != null) {
                    throw new IllegalArgumentException("chunk value '" + name + "' is computed twice: by " + before + " and by " + s);
                }
            }
        }
        for (Aggregation a : fields) {
            for (String name : chunkValuesRead(a)) {
                if (!names.containsKey(name)) {
                    throw new IllegalArgumentException("field '" + a.name() + "' reads chunk value '" + name + "', which no chunk"
                            + " precompute provides (chunk values: " + (names.isEmpty() ? "none" : String.join(", ", names.keySet())) + ")");
                }
            }
        }
        this.fields = List.copyOf(fields);
        this.stages = List.copyOf(stages);
    }

    public List<Aggregation> fields() {
        return fields;
    }

    /** The chunk values a built-in field reads by name (a custom reducer's are known only when it runs). */
    private static List<String> chunkValuesRead(Aggregation a) {
        if (a.reducer().isPresent()) {
            return List.of();
        }
        switch (BuiltIn.ofFunctionName(a.function()).orElseThrow()) {
            case CHUNK_VALUE:
                return List.of((String) a.params().get("value"));
            case WAVEFORM:
                return List.of((String) a.params().get("gain"), (String) a.params().get("offset"));
            default:
                return List.of();
        }
    }

    /** Reduces into heap outputs of {@code runs.cellCount()} rows and returns them. */
    public ShardOutput reduce(Map<String, ? extends Column> columns, CellRuns runs) {
        ShardOutput out = ShardOutput.allocate(fields, runs.cellCount());
        reduce(columns, runs, out);
        return out;
    }

    /**
     * Reduces the cell-sorted {@code columns} (by name) over {@code runs} into {@code out}.
     *
     * @throws IllegalArgumentException naming the field and column when a column is missing, too
     *     short, or of a dtype or width the statistic cannot reduce
     */
    public void reduce(Map<String, ? extends Column> columns, CellRuns runs, ShardOutput out) {
        Map<String, CellBuffer> used = new LinkedHashMap<>();
        List<FieldKernel> kernels = new ArrayList<>();
        MomentsKernel.Fusion moments = new MomentsKernel.Fusion();
        for (Aggregation field : fields) {
            bind(field, columns, runs, used, out, kernels, moments);
        }
        kernels.addAll(moments.kernels());
        CellBuffer[] loaded = used.values().toArray(new CellBuffer[0]);
        FieldKernel all = kernels.size() == 1 ? kernels.get(0) : new FieldKernel.All(kernels.toArray(new FieldKernel[0]));
        long pooledEnd = runs.rowsNeeded();
        ChunkScope chunk = ChunkScope.evaluate(stages, columns, runs.runs() == 0 ? pooledEnd : runs.start(0), pooledEnd);
        all.begin(runs.cellCount(), chunk);
        all.reduceRuns(runs, loaded);
    }

    /** Adds the kernel of {@code field} to {@code kernels}, or its moment to {@code moments}. */
    private void bind(Aggregation field, Map<String, ? extends Column> columns, CellRuns runs, Map<String, CellBuffer> used,
                      ShardOutput out, List<FieldKernel> kernels, MomentsKernel.Fusion moments) {
        List<Column> sources = new ArrayList<>();
        for (String name : field.sources()) {
            Column c = columns.get(name);
            if (c == null) {
                throw new IllegalArgumentException("field '" + field.name() + "' reads column '" + name
                        + "', which the shard does not have; columns: " + new TreeSet<>(columns.keySet()));
            }
            if (c.rows() < runs.rowsNeeded()) {
                throw new IllegalArgumentException("column '" + name + "' has " + c.rows() + " rows; the cell runs of field '"
                        + field.name() + "' reach row " + runs.rowsNeeded());
            }
            sources.add(c);
        }
        if (field.reducer().isPresent()) {
            kernels.add(new CustomKernel(field, sources, out));
            return;
        }
        BuiltIn f = BuiltIn.ofFunctionName(field.function()).orElseThrow();
        List<CellBuffer> inputs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            inputs.add(buffer(field, field.sources().get(i), sources.get(i), used));
        }
        CellBuffer values = inputs.isEmpty() ? null : inputs.get(0);
        if (MomentsKernel.computes(f)) {
            moments.add(f, field, values, out);
        } else {
            kernels.add(BuiltInKernels.create(f, field, values, inputs.size() > 1 ? inputs.get(1) : null, out));
        }
    }

    private CellBuffer buffer(Aggregation field, String name, Column c, Map<String, CellBuffer> used) {
        if ((c.dtype() != DType.FLOAT32 && c.dtype() != DType.FLOAT64) || c.width() != 1) {
            throw new IllegalArgumentException("field '" + field.name() + "' (" + field.function() + ") needs a float32 or float64 column"
                    + " of one value per row; column '" + name + "' is " + c.dtype().numpyName()
                    + (c.width() == 1 ? "" : " with " + c.width() + " values per row"));
        }
        CellBuffer b = used.get(name);
        if (b == null) {
            b = buffers.computeIfAbsent(name, k -> new CellBuffer());
            b.attach(c);
            used.put(name, b);
        }
        return b;
    }
}
