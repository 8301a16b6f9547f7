package io.zagg.arrow;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.spi.MutableColumn;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Columns as Arrow vectors in off-heap buffers from one child allocator per shard, whose limit is
 * the shard's memory budget and whose listener feeds the carrier's accounting, so the numbers
 * reported are the allocator's own. Concat, gather and encode work buffer to buffer; the only
 * copy from the Java heap is {@link #adopt} (Arrow memory cannot adopt a heap array), done in bulk.
 * Closing the carrier closes the allocator, which fails on any buffer still alive — a leak.
 */
final class ArrowCarrier extends Carrier {

    static final String NAME = "arrow";

    /** Elements copied per NIO view: keeps every view's byte length below 2 GiB. */
    private static final int COPY_SLICE = 1 << 26;

    private final Accounting accounting = new Accounting();
    private final BufferAllocator allocator;

    ArrowCarrier(CarrierContext context, BufferAllocator root) {
        super(NAME, context);
        this.allocator = root.newChildAllocator("zagg shard " + context.shard(), accounting, 0, context.memoryBudget());
    }

    BufferAllocator allocator() {
        return allocator;
    }

    @Override
    protected MutableColumn adopt(Column input) {
        ArrowColumn column = newColumn(input.dtype(), input.rows(), input.width());
        Object array = Columns.arrayOf(input);
        if (array == null) {
            Columns.copy(input, 0, column, 0, input.rows() * input.width());
        } else {
            copyFromArray(array, input.dtype().byteSize(), column.data);
        }
        return column;
    }

    @Override
    protected MutableColumn allocate(DType dtype, long rows, int width) {
        return newColumn(dtype, rows, width);
    }

    @Override
    protected MutableColumn join(List<Column> parts, long rows) {
        Column model = parts.get(0);
        ArrowColumn joined = newColumn(model.dtype(), rows, model.width());
        long at = 0;
        for (Column p : parts) {
            long bytes = p.valueBytes();
            joined.data.setBytes(at, ((ArrowColumn) p).data, 0, bytes);
            at += bytes;
        }
        return joined;
    }

    @Override
    protected MutableColumn gather(Column source, Column order) {
        ArrowColumn sorted = newColumn(source.dtype(), source.rows(), source.width());
        ArrowBuf from = ((ArrowColumn) source).data;
        ArrowBuf to = sorted.data;
        long rows = source.rows();
        int w = source.width();
        // raw words of the element size: floats move as bits, NaN payloads included
        switch (source.dtype().byteSize()) {
            case 8:
                for (long r = 0; r < rows; r++) {
                    long p = order.getLong(r) * w;
                    for (int k = 0; k < w; k++) {
                        to.setLong((r * w + k) * 8, from.getLong((p + k) * 8));
                    }
                }
                break;
            case 4:
                for (long r = 0; r < rows; r++) {
                    long p = order.getLong(r) * w;
                    for (int k = 0; k < w; k++) {
                        to.setInt((r * w + k) * 4, from.getInt((p + k) * 4));
                    }
                }
                break;
            case 2:
                for (long r = 0; r < rows; r++) {
                    long p = order.getLong(r) * w;
                    for (int k = 0; k < w; k++) {
                        to.setShort((r * w + k) * 2, from.getShort((p + k) * 2));
                    }
                }
                break;
            default:
                for (long r = 0; r < rows; r++) {
                    long p = order.getLong(r) * w;
                    for (int k = 0; k < w; k++) {
                        to.setByte(r * w + k, from.getByte(p + k));
                    }
                }
        }
        return sorted;
    }

    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow) {
        long rowBytes = (long) column.width() * column.dtype().byteSize();
        int bytes = (int) ((toRow - fromRow) * rowBytes);
        if (bytes == 0) {
            return ByteBuffer.allocate(0);
        }
        // a view of the vector's own memory: no copy; Arrow writes little-endian
        return ((ArrowColumn) column).data.nioBuffer(fromRow * rowBytes, bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void free(Column column) {
        // the allocator's listener reports the released bytes
        ((ArrowColumn) column).vector.close();
    }

    @Override
    protected void closeStorage() {
        allocator.close();
    }

    private ArrowColumn newColumn(DType dtype, long rows, int width) {
        try {
            return ArrowColumn.allocate(allocator, dtype, rows, width);
        } catch (OutOfMemoryException e) {
            // Arrow reports a refused list allocation as its own OutOfMemoryException: give back the budget's message
            MemoryBudgetException refusal = accounting.takeRefusal();
            if (refusal == null) {
                throw e;
            }
            refusal.addSuppressed(e);
            throw refusal;
        }
    }

    /** Copies a heap array into a vector's values in bulk, through NIO views of at most {@link #COPY_SLICE} elements. */
    private static void copyFromArray(Object array, int elementSize, ArrowBuf target) {
        int length = Array.getLength(array);
        for (int from = 0; from < length; from += COPY_SLICE) {
            int n = Math.min(COPY_SLICE, length - from);
            Columns.writeLittleEndian(array, from, n, target.nioBuffer((long) from * elementSize, n * elementSize));
        }
    }

    /** Feeds the allocator's traffic into the carrier's account, which enforces the budget before Arrow allocates. */
    private final class Accounting implements AllocationListener {

        private MemoryBudgetException refusal;

        @Override
        public void onPreAllocation(long size) {
            try {
                allocated(size);
            } catch (MemoryBudgetException e) {
                refusal = e;
                throw e;
            }
        }

        @Override
        public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
            // the allocator's own limit refused after our account had counted the bytes
            freed(size);
            return false;
        }

        @Override
        public void onRelease(long size) {
            freed(size);
        }

        MemoryBudgetException takeRefusal() {
            MemoryBudgetException r = refusal;
            refusal = null;
            return r;
        }
    }
}
