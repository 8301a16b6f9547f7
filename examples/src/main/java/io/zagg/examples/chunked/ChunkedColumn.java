package io.zagg.examples.chunked;

import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column stored as a list of little-endian heap {@link ByteBuffer} chunks, each holding whole
 * rows. Joining columns only chains their chunks, and a column may exceed the 2 GiB a single
 * buffer or array can hold.
 */
final class ChunkedColumn implements MutableColumn {

    /** Chunks hold at most 1 GiB, so a column of any size fits in buffers. */
    static final int MAX_CHUNK_BYTES = 1 << 30;

    private final DType dtype;
    private final int width;
    private final long rows;
    private final ByteBuffer[] chunks;
    /** First row of each chunk, ascending; chunks are never empty. */
    private final long[] firstRows;
    /** Set once a join has taken the chunks over: freeing this column then frees nothing. */
    private boolean moved;

    private ChunkedColumn(DType dtype, int width, List<ByteBuffer> chunks) {
        this.dtype = dtype;
        this.width = width;
        this.chunks = chunks.toArray(new ByteBuffer[0]);
        this.firstRows = new long[this.chunks.length];
        long row = 0;
        for (int c = 0; c < this.chunks.length; c++) {
            firstRows[c] = row;
            row += this.chunks[c].capacity() / rowBytes();
        }
        this.rows = row;
    }

    /** A zero-filled column split into chunks of at most {@link #MAX_CHUNK_BYTES}. */
    static ChunkedColumn allocate(DType dtype, long rows, int width) {
        int rowBytes = width * dtype.byteSize();
        long rowsPerChunk = Math.max(1, MAX_CHUNK_BYTES / rowBytes);
        List<ByteBuffer> chunks = new ArrayList<>();
        for (long from = 0; from < rows; from += rowsPerChunk) {
            int n = (int) Math.min(rowsPerChunk, rows - from);
            chunks.add(ByteBuffer.allocate(n * rowBytes).order(ByteOrder.LITTLE_ENDIAN));
        }
        return new ChunkedColumn(dtype, width, chunks);
    }

    /** The parts' chunks chained into one column; the parts give them up. */
    static ChunkedColumn chain(List<ChunkedColumn> parts) {
        List<ByteBuffer> chunks = new ArrayList<>();
        for (ChunkedColumn p : parts) {
            chunks.addAll(Arrays.asList(p.chunks));
            p.moved = true;
        }
        ChunkedColumn model = parts.get(0);
        return new ChunkedColumn(model.dtype, model.width, chunks);
    }

    /** Copies a Java primitive array of this column's length in, chunk by chunk, in bulk. */
    void fillFrom(Object array) {
        int at = 0;
        for (ByteBuffer chunk : chunks) {
            int n = chunk.capacity() / dtype.byteSize();
            Columns.writeLittleEndian(array, at, n, chunk.duplicate());
            at += n;
        }
    }

    boolean moved() {
        return moved;
    }

    int rowBytes() {
        return width * dtype.byteSize();
    }

    /** Copies {@code rowCount} rows starting at {@code row} into {@code target} at {@code at} (absolute puts). */
    void copyRows(long row, long rowCount, ByteBuffer target, int at) {
        long done = 0;
        while (done < rowCount) {
            int c = chunkOf(row + done);
            int offset = (int) ((row + done - firstRows[c]) * rowBytes());
            int n = (int) Math.min(rowCount - done, (chunks[c].capacity() - offset) / rowBytes());
            target.put(at + (int) (done * rowBytes()), chunks[c], offset, n * rowBytes());
            done += n;
        }
    }

    /** Copies one row's bytes from {@code source} row {@code from} into this column's row {@code to}. */
    void copyRow(ChunkedColumn source, long from, long to) {
        int c = chunkOf(to);
        int offset = (int) ((to - firstRows[c]) * rowBytes());
        source.copyRows(from, 1, chunks[c], offset);
    }

    /** The chunk holding {@code row}. */
    private int chunkOf(long row) {
        int c = Arrays.binarySearch(firstRows, row);
        return c >= 0 ? c : -c - 2;
    }

    private ByteBuffer chunk(long index) {
        return chunks[chunkOf(index / width)];
    }

    private int offset(long index) {
        long row = index / width;
        return (int) ((index - firstRows[chunkOf(row)] * width) * dtype.byteSize());
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public float getFloat(long index) {
        if (dtype != DType.FLOAT32) {
            return MutableColumn.super.getFloat(index);
        }
        return chunk(index).getFloat(offset(index));
    }

    @Override
    public double getDouble(long index) {
        switch (dtype) {
            case FLOAT32: return chunk(index).getFloat(offset(index));
            case FLOAT64: return chunk(index).getDouble(offset(index));
            case UINT64: return Columns.unsignedToDouble(getLong(index));
            default: return getLong(index);
        }
    }

    @Override
    public long getLong(long index) {
        ByteBuffer b = chunk(index);
        int at = offset(index);
        switch (dtype) {
            case INT8: return b.get(at);
            case UINT8: return Byte.toUnsignedLong(b.get(at));
            case INT16: return b.getShort(at);
            case UINT16: return Short.toUnsignedLong(b.getShort(at));
            case INT32: return b.getInt(at);
            case UINT32: return Integer.toUnsignedLong(b.getInt(at));
            case INT64:
            case UINT64: return b.getLong(at);
            default: return MutableColumn.super.getLong(index);
        }
    }

    @Override
    public void setFloat(long index, float value) {
        switch (dtype) {
            case FLOAT32: chunk(index).putFloat(offset(index), value); break;
            case FLOAT64: chunk(index).putDouble(offset(index), value); break;
            default: MutableColumn.super.setFloat(index, value);
        }
    }

    @Override
    public void setDouble(long index, double value) {
        switch (dtype) {
            case FLOAT32: chunk(index).putFloat(offset(index), (float) value); break;
            case FLOAT64: chunk(index).putDouble(offset(index), value); break;
            default: setLong(index, (long) value);
        }
    }

    @Override
    public void setLong(long index, long value) {
        ByteBuffer b = chunk(index);
        int at = offset(index);
        switch (dtype) {
            case FLOAT32: b.putFloat(at, value); break;
            case FLOAT64: b.putDouble(at, value); break;
            case INT8:
            case UINT8: b.put(at, (byte) value); break;
            case INT16:
            case UINT16: b.putShort(at, (short) value); break;
            case INT32:
            case UINT32: b.putInt(at, (int) value); break;
            default: b.putLong(at, value);
        }
    }
}
