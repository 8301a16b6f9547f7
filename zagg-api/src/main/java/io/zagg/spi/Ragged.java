package io.zagg.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A ragged output field of one chunk, held by a {@link Carrier}: each populated cell carries a
 * payload of {@code k} rows × {@link #inner()} elements (a t-digest's {@code k} centroids ×
 * (mean, weight)). It ends up as zagg's CSR triple:
 * <ul>
 *   <li>{@link #values()}: every payload row, cell after cell ({@code Σk × inner}, the field's dtype);</li>
 *   <li>{@link #offsets()}: int64, populated cells + 1, starting at 0: cell {@code j}'s rows are
 *       {@code [offsets[j], offsets[j+1])};</li>
 *   <li>{@link #cellIds()}: int64, the chunk-local position of each populated cell, ascending.</li>
 * </ul>
 * Payloads are copied into one carrier column that grows by doubling (so the field holds at most
 * twice its rows, and briefly three times while it grows). The first call to any of the three
 * accessors or encoders seals the field; further appends are refused.
 */
public final class Ragged implements AutoCloseable {

    private static final long INITIAL_ROWS = 256;

    private final Carrier carrier;
    private final DType dtype;
    private final int inner;
    private MutableColumn storage;
    private long[] cells = new long[16];
    private long[] ends = new long[16];
    private int populated;
    private long valueRows;
    private Column values;
    private MutableColumn offsets;
    private MutableColumn cellIds;
    private boolean closed;

    Ragged(Carrier carrier, DType dtype, int inner) {
        this.carrier = carrier;
        this.dtype = dtype;
        this.inner = inner;
    }

    public DType dtype() {
        return dtype;
    }

    /** Elements per payload row. */
    public int inner() {
        return inner;
    }

    /** Cells with a payload so far. */
    public long cells() {
        return populated;
    }

    /** Payload rows so far, over all cells. */
    public long valueRows() {
        return valueRows;
    }

    /**
     * Copies the payload of one cell in; the caller keeps {@code payload} and may reuse it. An
     * empty payload is skipped, as zagg skips it.
     *
     * @param cell    the cell's chunk-local position, greater than the previous one appended
     * @param payload {@code k × inner} elements of this field's dtype
     */
    public void append(long cell, Column payload) {
        requireOpen();
        Objects.requireNonNull(payload, "payload");
        if (values != null) {
            throw new IllegalStateException("ragged field is sealed: it was read or encoded already");
        }
        if (payload.dtype() != dtype || payload.width() != inner) {
            throw new IllegalArgumentException("payload of cell " + cell + " is " + Columns.describe(payload)
                    + ", the ragged field holds " + dtype.numpyName() + (inner == 1 ? "" : "×" + inner));
        }
        if (cell < 0 || populated > 0 && cell <= cells[populated - 1]) {
            throw new IllegalArgumentException("cell " + cell + " must be ≥ 0 and follow cell "
                    + (populated > 0 ? cells[populated - 1] : -1) + " appended before");
        }
        long k = payload.rows();
        if (k == 0) {
            return;
        }
        reserve(valueRows + k);
        Columns.copy(payload, 0, storage, valueRows * inner, k * inner);
        if (populated == cells.length) {
            cells = Arrays.copyOf(cells, populated * 2);
            ends = Arrays.copyOf(ends, populated * 2);
        }
        valueRows += k;
        cells[populated] = cell;
        ends[populated] = valueRows;
        populated++;
    }

    /** Every payload row, cell after cell. Seals the field. */
    public Column values() {
        seal();
        return values;
    }

    /** int64 offsets into {@link #values()}, one more than the populated cells. Seals the field. */
    public Column offsets() {
        seal();
        return offsets;
    }

    /** int64 chunk-local cell positions of the populated cells. Seals the field. */
    public Column cellIds() {
        seal();
        return cellIds;
    }

    /** {@link #values()} as little-endian bytes (see {@link Batch#encode} for the buffer's lifetime). */
    public ByteBuffer encodeValues() {
        seal();
        return encode(storage, valueRows);
    }

    /** {@link #offsets()} as little-endian bytes. */
    public ByteBuffer encodeOffsets() {
        seal();
        return encode(offsets, offsets.rows());
    }

    /** {@link #cellIds()} as little-endian bytes. */
    public ByteBuffer encodeCellIds() {
        seal();
        return encode(cellIds, cellIds.rows());
    }

    /** Releases the field's columns. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        carrier.release(storage);
        carrier.release(offsets);
        carrier.release(cellIds);
        detach();
    }

    @Override
    public String toString() {
        return "ragged " + dtype.numpyName() + "×" + inner + ": " + populated + " cells, " + valueRows + " rows";
    }

    void detach() {
        closed = true;
        carrier.forget(this);
    }

    private void reserve(long rows) {
        long capacity = storage == null ? 0 : storage.rows();
        if (rows <= capacity) {
            return;
        }
        MutableColumn grown = carrier.allocateOwned(dtype, Math.max(rows, Math.max(INITIAL_ROWS, capacity * 2)), inner);
        if (storage != null) {
            Columns.copy(storage, 0, grown, 0, valueRows * inner);
            carrier.release(storage);
        }
        storage = grown;
    }

    private void seal() {
        requireOpen();
        if (values != null) {
            return;
        }
        if (storage == null) {
            storage = carrier.allocateOwned(dtype, 0, inner);
        }
        values = new RowPrefix(storage, valueRows);
        offsets = carrier.allocateOwned(DType.INT64, populated + 1L, 1);
        cellIds = carrier.allocateOwned(DType.INT64, populated, 1);
        for (int j = 0; j < populated; j++) {
            offsets.setLong(j + 1L, ends[j]);
            cellIds.setLong(j, cells[j]);
        }
    }

    private ByteBuffer encode(Column c, long rows) {
        long bytes = rows * c.width() * c.dtype().byteSize();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ragged " + dtype.numpyName() + " column of " + bytes
                    + " bytes exceeds 2 GiB and cannot be encoded as one buffer");
        }
        return carrier.encodeOwned(c, 0, rows, null);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("ragged field was closed");
        }
        carrier.requireOpen();
    }

    /** The first rows of a column that has spare capacity beyond them. */
    private static final class RowPrefix implements Column {

        private final Column whole;
        private final long rows;

        RowPrefix(Column whole, long rows) {
            this.whole = whole;
            this.rows = rows;
        }

        @Override
        public DType dtype() {
            return whole.dtype();
        }

        @Override
        public int width() {
            return whole.width();
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public float getFloat(long index) {
            return whole.getFloat(index);
        }

        @Override
        public double getDouble(long index) {
            return whole.getDouble(index);
        }

        @Override
        public long getLong(long index) {
            return whole.getLong(index);
        }
    }
}
