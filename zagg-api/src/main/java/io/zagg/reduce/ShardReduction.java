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
 * each cell, each source column's rows are read once into a reusable buffer, then every field is
 * computed from the buffers (so {@code mean} and {@code var} share one pairwise sum, and
 * {@code median} and the quantiles one sort) and written to the cell's output row.
 *
 * <p>Every output row is first set to the field's empty-cell value (count 0, the fill value,
 * vectors filled, ragged absent), so rows without a run stay empty cells.
 *
 * <p>Not thread-safe: it keeps its buffers between calls. Use one per worker thread; reuse it
 * across shards to reuse the buffers.
 */
public final class ShardReduction {

    private final List<Aggregation> fields;
    private final Map<String, CellBuffer> buffers = new LinkedHashMap<>();

    /** A reduction computing {@code fields}; their output names must be unique. */
    public ShardReduction(List<Aggregation> fields) {
        Aggregations.requireUniqueNames(fields);
        this.fields = List.copyOf(fields);
    }

    public List<Aggregation> fields() {
        return fields;
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
        for (Aggregation field : fields) {
            kernels.add(bind(field, columns, runs, used, out));
        }
        CellBuffer[] loaded = used.values().toArray(new CellBuffer[0]);
        FieldKernel[] bound = kernels.toArray(new FieldKernel[0]);
        for (FieldKernel k : bound) {
            k.prefill(runs.cellCount());
        }
        for (int r = 0; r < runs.runs(); r++) {
            long start = runs.start(r);
            long end = runs.end(r);
            if (start == end) {
                continue;
            }
            for (CellBuffer b : loaded) {
                b.load(start, end);
            }
            int cell = runs.cell(r);
            for (FieldKernel k : bound) {
                k.reduce(cell, start, end);
            }
        }
    }

    private FieldKernel bind(Aggregation field, Map<String, ? extends Column> columns, CellRuns runs,
                             Map<String, CellBuffer> used, ShardOutput out) {
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
            return new CustomKernel(field, sources, out);
        }
        BuiltIn f = BuiltIn.lookup(field.function()).orElseThrow();
        List<CellBuffer> inputs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            inputs.add(buffer(field, field.sources().get(i), sources.get(i), used));
        }
        return BuiltInKernels.create(f, field, inputs.isEmpty() ? null : inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, out);
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
