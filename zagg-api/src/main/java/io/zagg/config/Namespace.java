package io.zagg.config;

import io.zagg.spi.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an expression sees: the rows {@code [start, end)} of some columns (one cell's run, a
 * chunk's pooled rows, or a beam's rows for a filter) and the chunk's {@code chunk_precompute}
 * values. Columns are read in place; a namespace never copies them. Immutable: {@link #rows}
 * and {@link #with} return new namespaces over the same columns.
 */
public final class Namespace {

    private final Map<String, Column> columns;
    private final long start;
    private final long end;
    private final ChunkValues chunk;

    private Namespace(Map<String, Column> columns, long start, long end, ChunkValues chunk) {
        this.columns = columns;
        this.start = start;
        this.end = end;
        this.chunk = chunk;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("row run [" + start + ", " + end + ") is not a run of rows");
        }
        if (end - start > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("row run [" + start + ", " + end + ") is longer than an expression can hold");
        }
        for (Map.Entry<String, Column> c : columns.entrySet()) {
            if (c.getValue().rows() < end) {
                throw new IllegalArgumentException("column '" + c.getKey() + "' has " + c.getValue().rows()
                        + " rows, fewer than the run end " + end);
            }
        }
    }

    /** The rows {@code [start, end)} of {@code columns}, keyed by their config names. */
    public static Namespace of(Map<String, ? extends Column> columns, long start, long end) {
        Map<String, Column> copy = new LinkedHashMap<>();
        columns.forEach((name, column) -> copy.put(Objects.requireNonNull(name, "column name"),
                Objects.requireNonNull(column, "column " + name)));
        return new Namespace(copy, start, end, ChunkValues.none());
    }

    /** The same columns and chunk values over another run of rows. */
    public Namespace rows(long start, long end) {
        return new Namespace(columns, start, end, chunk);
    }

    /** The same rows with a chunk's {@code chunk_precompute} values added. */
    public Namespace with(ChunkValues values) {
        return new Namespace(columns, start, end, Objects.requireNonNull(values, "values"));
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** Rows in the run: zagg's {@code n_obs} for a cell. */
    public long rowCount() {
        return end - start;
    }

    public Set<String> columnNames() {
        return columns.keySet();
    }

    /** The whole column {@code name} (its rows {@code [start, end)} are this run). */
    Column columnOf(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new EvaluationException("column '" + name + "' is not defined (available: " + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }

    ChunkValues chunkValues() {
        return chunk;
    }

    /**
     * The value of a name: a chunk value, or the run of a column.
     *
     * @throws EvaluationException naming the missing name and the available ones
     */
    Val value(String name) {
        Val v = chunk.get(name);
        if (v != null) {
            return v;
        }
        Column c = columns.get(name);
        if (c == null) {
            throw new EvaluationException("name '" + name + "' is not defined (available: "
                    + String.join(", ", columns.keySet()) + (chunk.names().isEmpty() ? "" : ", " + String.join(", ", chunk.names()))
                    + ")");
        }
        return Arr.ofColumn(name, c, start, (int) (end - start));
    }
}
