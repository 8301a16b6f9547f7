package io.zagg.reduce;

import io.zagg.Aggregation;
import io.zagg.Aggregation.Kind;
import io.zagg.spi.CellValues;
import io.zagg.spi.Column;
import io.zagg.spi.Reducer;
import io.zagg.spi.ReducerOutput;
import java.util.List;

/** A user {@link Reducer}, handed views of the cell's rows and an output bound to the field. */
final class CustomKernel extends FieldKernel implements CellValues, ReducerOutput {

    private final Aggregation field;
    private final Reducer reducer;
    private final RunColumn[] columns;
    private final DenseTarget dense;
    private final RaggedBuilder ragged;
    private final int width;
    private int cell;
    private long rows;

    CustomKernel(Aggregation field, List<Column> sources, ShardOutput out) {
        this.field = field;
        this.reducer = field.reducer().orElseThrow();
        this.columns = new RunColumn[sources.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new RunColumn(sources.get(i));
        }
        this.width = field.width();
        this.dense = field.kind() == Kind.RAGGED ? null : new DenseTarget(out.dense(field.name()), field.fill(), width);
        this.ragged = field.kind() == Kind.RAGGED ? out.ragged(field.name()) : null;
    }

    @Override
    void prefill(int cells) {
        if (dense != null) {
            dense.prefill(cells);
        }
    }

    @Override
    void reduce(int cell, long start, long end) {
        this.cell = cell;
        this.rows = end - start;
        for (RunColumn c : columns) {
            c.point(start, end);
        }
        if (ragged != null) {
            ragged.begin(cell);
        }
        try {
            reducer.reduce(this, this);
        } catch (RuntimeException e) {
            throw new IllegalStateException("reducer of field '" + field.name() + "' failed on output cell " + cell + ": " + e.getMessage(), e);
        }
        if (ragged != null) {
            ragged.end();
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public int columnCount() {
        return columns.length;
    }

    @Override
    public Column column(int index) {
        if (index < 0 || index >= columns.length) {
            throw new IndexOutOfBoundsException("column " + index + " of field '" + field.name() + "', which reads " + field.sources());
        }
        return columns[index];
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void set(double value) {
        require(Kind.SCALAR, "set(value)");
        dense.put(cell, 0, value);
    }

    @Override
    public void set(int k, double value) {
        require(Kind.VECTOR, "set(k, value)");
        if (k < 0 || k >= width) {
            throw new IndexOutOfBoundsException("element " + k + " of vector field '" + field.name() + "' of length " + width);
        }
        dense.put(cell, k, value);
    }

    @Override
    public void add(double value) {
        require(Kind.RAGGED, "add(value)");
        ragged.add(value);
    }

    private void require(Kind kind, String call) {
        if (field.kind() != kind) {
            throw new IllegalStateException(call + " is for " + kind.name().toLowerCase(java.util.Locale.ROOT) + " outputs; field '"
                    + field.name() + "' is " + field.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
