package io.zagg.reduce;

import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.Arrays;

/**
 * The ragged output of one field over one shard or chunk, in zagg's CSR form: the populated
 * cells in increasing order, each with its rows of {@code width} elements. Payload {@code k}
 * (of cell {@link #cell(int) cell(k)}) is rows {@code [offset(k), offset(k+1))} of
 * {@link #values()}. Cells whose result is empty are absent.
 */
public final class RaggedBuilder {

    private final String field;
    private final DType dtype;
    private final int width;
    private double[] values = new double[64];
    private int size;
    private long[] offsets = new long[17];
    private int[] cells = new int[16];
    private int populated;
    private int openCell = -1;

    /** An empty builder for ragged field {@code field}: rows of {@code width} elements stored as {@code dtype}. */
    public RaggedBuilder(String field, DType dtype, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("ragged row width " + width + " of field " + field + " must be at least 1");
        }
        this.field = field;
        this.dtype = dtype;
        this.width = width;
    }

    void begin(int cell) {
        if (populated > 0 && cell <= cells[populated - 1]) {
            throw new IllegalStateException("cell " + cell + " of ragged field " + field + " comes after cell " + cells[populated - 1]);
        }
        openCell = cell;
    }

    void add(double value) {
        if (openCell < 0) {
            throw new IllegalStateException("ragged field " + field + " takes values only while a cell is reduced");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void end() {
        long start = offsets[populated] * width;
        if (size > start) {
            if ((size - start) % width != 0) {
                int n = (int) (size - start);
                size = (int) start;
                openCell = -1;
                throw new IllegalStateException("ragged field " + field + " got " + n + " values for a cell, not a multiple of its row width " + width);
            }
            if (populated == cells.length) {
                cells = Arrays.copyOf(cells, populated * 2);
                offsets = Arrays.copyOf(offsets, populated * 2 + 1);
            }
            cells[populated] = openCell;
            offsets[populated + 1] = size / width;
            populated++;
        }
        openCell = -1;
    }

    /** Elements per row (the product of the field's inner shape). */
    public int width() {
        return width;
    }

    public DType dtype() {
        return dtype;
    }

    /** Number of populated cells. */
    public int populated() {
        return populated;
    }

    /** The output row (cell position) of payload {@code k}. */
    public int cell(int k) {
        return cells[k];
    }

    /** The first row of payload {@code k}; {@code offset(populated())} is the total row count. */
    public long offset(int k) {
        return offsets[k];
    }

    /** Total rows over all payloads. */
    public long rows() {
        return offsets[populated];
    }

    /** zagg's {@code offsets} array: {@code populated() + 1} row offsets starting at 0. */
    public long[] offsets() {
        return Arrays.copyOf(offsets, populated + 1);
    }

    /** zagg's {@code cell_ids} array: the output row of each payload. */
    public int[] cellIds() {
        return Arrays.copyOf(cells, populated);
    }

    /** zagg's {@code values} array: {@link #rows()} rows of {@link #width()} elements, cast to the dtype. */
    public MutableColumn values() {
        MutableColumn c = Columns.allocate(dtype, Math.toIntExact(rows()), width);
        for (int i = 0; i < size; i++) {
            c.setDouble(i, values[i]);
        }
        return c;
    }
}
