package io.zagg.spi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Named columns of equal length, held by one {@link Carrier}: a read's columns after
 * {@link Carrier#load}, the shard's rows after {@link Carrier#concat}, or an output batch from
 * {@link Carrier#newBatch}. See {@link Carrier} for the lifecycle and the threading rules.
 */
public final class Batch implements AutoCloseable {

    private final Carrier carrier;
    private final String source;
    private final long rows;
    private final LinkedHashMap<String, MutableColumn> columns;
    private String detached;

    Batch(Carrier carrier, String source, long rows, LinkedHashMap<String, MutableColumn> columns) {
        this.carrier = carrier;
        this.source = source;
        this.rows = rows;
        this.columns = columns;
    }

    /** The carrier that holds this batch's columns. */
    public Carrier carrier() {
        return carrier;
    }

    /** Where the rows came from (an input's source, or {@code "output"}), for messages. */
    public String source() {
        return source;
    }

    public long rows() {
        return rows;
    }

    /** Column names, in the order they were loaded or added. */
    public List<String> names() {
        requireOpen();
        return List.copyOf(columns.keySet());
    }

    /** Read access to a column, valid until it is released or replaced (see {@link Carrier}). */
    public Column column(String name) {
        requireOpen();
        return existing(name);
    }

    /**
     * Adds a zero-filled column of this batch's length: a derived column (the cell keys, the sort
     * order) or an output column filled by the kernels, {@code width} elements per row (a
     * fixed-size vector field when above 1).
     */
    public MutableColumn add(String name, DType dtype, int width) {
        requireOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        if (columns.containsKey(name)) {
            throw new IllegalArgumentException("batch " + source + " already has a column '" + name + "'");
        }
        if (width < 1) {
            throw new IllegalArgumentException("column '" + name + "': width " + width + " must be at least 1");
        }
        MutableColumn c = carrier.allocateOwned(dtype, rows, width);
        columns.put(name, c);
        return c;
    }

    /** Releases a column the shard no longer needs (the coordinates, once the cell keys exist). */
    public void release(String name) {
        requireOpen();
        existing(name);
        carrier.release(columns.remove(name));
    }

    /**
     * Puts every column into the order held by this batch's integer column {@code orderColumn},
     * which is released at the end (see {@link #gather(Column)}). Adding the order with
     * {@link #add} keeps the permutation's bytes in the carrier's accounting.
     */
    public void gather(String orderColumn) {
        requireOpen();
        gather(existing(orderColumn));
    }

    /**
     * Puts every column into the order given by {@code order}, an integer column of width 1 and
     * this batch's length: row {@code i} becomes former row {@code order[i]}. Column by column,
     * each unsorted column is released as soon as its sorted copy exists, so the peak grows by one
     * column only. The order is normally a permutation (a stable argsort of the cell keys); a
     * repeated index simply repeats a row. It may be one of this batch's columns — it is then not
     * gathered but released at the end — or any other column, e.g.
     * {@code Columns.wrap(permutation, DType.INT32, 1)}.
     *
     * @throws IllegalArgumentException if the order is not an integer column of width 1 and this
     *                                  batch's length, or holds an index outside {@code [0, rows)}
     */
    public void gather(Column order) {
        requireOpen();
        String own = null;
        for (Map.Entry<String, MutableColumn> e : columns.entrySet()) {
            if (e.getValue() == order) {
                own = e.getKey();
            }
        }
        String label = own == null ? "order column" : "order column '" + own + "'";
        if (order.dtype().isFloating() || order.width() != 1 || order.rows() != rows) {
            throw new IllegalArgumentException(label + " must be an integer column of width 1 and " + rows + " rows, not "
                    + order.rows() + " rows of " + Columns.describe(order));
        }
        for (long i = 0; i < rows; i++) {
            long index = order.getLong(i);
            if (index < 0 || index >= rows) {
                throw new IllegalArgumentException(label + " holds "
                        + (order.dtype() == DType.UINT64 ? Long.toUnsignedString(index) : Long.toString(index))
                        + " at row " + i + ", outside 0.." + (rows - 1));
            }
        }
        for (String name : new ArrayList<>(columns.keySet())) {
            if (!name.equals(own)) {
                MutableColumn unsorted = columns.get(name);
                columns.put(name, carrier.gatherOwned(unsorted, order));
                carrier.release(unsorted);
            }
        }
        if (own != null) {
            carrier.release(columns.remove(own));
        }
    }

    /**
     * Rows {@code [fromRow, toRow)} of a column as little-endian bytes (C order), e.g. one Zarr
     * chunk of an output column. The buffer may be a read-only view of carrier memory, valid until
     * the column is released; position 0, {@code remaining()} = rows × width × element size.
     */
    public ByteBuffer encode(String name, long fromRow, long toRow) {
        return encodeInto(name, fromRow, toRow, null);
    }

    /**
     * As {@link #encode(String, long, long)}, but a carrier that would copy the bytes into a new
     * buffer writes them into {@code scratch} instead (from index 0; its position, limit and
     * order are left alone) and returns a view of it; a carrier that hands out views of its own
     * memory still does. So the bytes are valid until the column is released or the scratch is
     * written again, whichever comes first. For a caller that encodes chunk after chunk: one
     * scratch, no buffer per chunk, and a direct scratch goes to a file without the JDK's copy
     * into a direct buffer of its own.
     *
     * @throws IllegalArgumentException when the scratch is read-only or cannot hold the bytes
     */
    public ByteBuffer encode(String name, long fromRow, long toRow, ByteBuffer scratch) {
        return encodeInto(name, fromRow, toRow, Objects.requireNonNull(scratch, "scratch"));
    }

    /** Encodes through the carrier, into {@code scratch} when it is not null. */
    private ByteBuffer encodeInto(String name, long fromRow, long toRow, ByteBuffer scratch) {
        requireOpen();
        Column c = existing(name);
        if (fromRow < 0 || fromRow > toRow || toRow > rows) {
            throw new IllegalArgumentException("cannot encode rows [" + fromRow + ", " + toRow + ") of column '" + name
                    + "': the batch has " + rows + " rows");
        }
        long bytes = (toRow - fromRow) * c.width() * c.dtype().byteSize();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot encode rows [" + fromRow + ", " + toRow + ") of column '" + name
                    + "' as one buffer: " + bytes + " bytes exceed 2 GiB; encode smaller chunks");
        }
        if (scratch != null && (scratch.isReadOnly() || scratch.capacity() < bytes)) {
            throw new IllegalArgumentException("cannot encode rows [" + fromRow + ", " + toRow + ") of column '" + name
                    + "' into a " + (scratch.isReadOnly() ? "read-only " : "") + "scratch of " + scratch.capacity() + " bytes: they are "
                    + bytes + " bytes");
        }
        return carrier.encodeOwned(c, fromRow, toRow, scratch);
    }

    /** Releases every column of this batch. Idempotent. */
    @Override
    public void close() {
        if (detached != null) {
            return;
        }
        for (MutableColumn c : columns.values()) {
            carrier.release(c);
        }
        detach("closed");
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "batch " + source + ": " + rows + " rows [", "]");
        columns.forEach((name, c) -> j.add(name + " " + Columns.describe(c)));
        return detached == null ? j.toString() : "batch " + source + " (" + detached + ")";
    }

    Map<String, MutableColumn> columns() {
        return columns;
    }

    /** Ends this batch's life without releasing its columns (they were released or moved already). */
    void detach(String why) {
        if (detached == null) {
            detached = why;
            columns.clear();
            carrier.forget(this);
        }
    }

    void requireOpen() {
        if (detached != null) {
            throw new IllegalStateException("batch " + source + " was " + detached);
        }
        carrier.requireOpen();
    }

    private MutableColumn existing(String name) {
        MutableColumn c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("batch " + source + " has no column '" + name + "'; it has " + columns.keySet());
        }
        return c;
    }
}
