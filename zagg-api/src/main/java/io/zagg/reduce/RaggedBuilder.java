package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.Ragged;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ragged output of one field over one shard or chunk, in zagg's CSR form: the populated
 * cells in increasing order, each with its rows of {@code width} elements. Payload {@code k}
 * (of cell {@link #cell(int) cell(k)}) is rows {@code [offset(k), offset(k+1))} of
 * {@link #values()}. Cells whose result is empty are absent.
 *
 * <p>With a carrier's {@link Ragged} as its sink, each cell's payload moves into the carrier as
 * soon as the cell is reduced, so the heap holds one cell's values at a time and the carrier owns,
 * accounts and encodes the field's payloads like every other output column.
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
    private final Ragged sink;

    /** An empty builder for ragged field {@code field}: rows of {@code width} elements stored as {@code dtype}, on the heap. */
    public RaggedBuilder(String field, DType dtype, int width) {
        this(field, dtype, width, null);
    }

    /**
     * An empty builder whose payloads go to {@code sink}, a carrier's ragged column of the same
     * dtype and width (or stay on the heap when {@code sink} is null).
     */
    public RaggedBuilder(String field, DType dtype, int width, Ragged sink) {
        if (width < 1) {
            throw new IllegalArgumentException("ragged row width " + width + " of field " + field + " must be at least 1");
        }
        if (sink != null && (sink.dtype() != dtype || sink.inner() != width)) {
            throw new IllegalArgumentException("ragged field " + field + " holds " + dtype.numpyName() + "×" + width
                    + ", its carrier column " + sink);
        }
        this.field = field;
        this.dtype = dtype;
        this.width = width;
        this.sink = sink;
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
        // on the heap the buffer holds every payload; with a sink only the open cell's
        long start = sink == null ? offsets[populated] * width : 0;
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
            offsets[populated + 1] = offsets[populated] + (size - start) / width;
            populated++;
            if (sink != null) {
                sink.append(openCell, typed(0, size));
                size = 0;
            }
        }
        openCell = -1;
    }

    /** Buffered elements {@code [from, to)} as a heap column of the field's dtype. */
    private MutableColumn typed(int from, int to) {
        MutableColumn c = Columns.allocate(dtype, (to - from) / width, width);
        for (int i = from; i < to; i++) {
            c.setDouble(i - from, values[i]);
        }
        return c;
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
    public Column values() {
        return sink != null ? sink.values() : typed(0, size);
    }

    /** Rows {@code [fromRow, toRow)} of {@link #values()} as little-endian bytes (through the carrier when there is one). */
    public ByteBuffer encodeValues(long fromRow, long toRow) {
        int es = dtype.byteSize();
        if (sink != null) {
            ByteBuffer all = sink.encodeValues();
            return all.slice(Math.toIntExact(fromRow * width * es), Math.toIntExact((toRow - fromRow) * width * es))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        int elements = Math.toIntExact((toRow - fromRow) * width);
        ByteBuffer bytes = ByteBuffer.allocate(elements * es);
        Columns.writeLittleEndian(Columns.arrayOf(typed(Math.toIntExact(fromRow * width), Math.toIntExact(toRow * width))), 0, elements, bytes);
        return bytes.flip();
    }
}
