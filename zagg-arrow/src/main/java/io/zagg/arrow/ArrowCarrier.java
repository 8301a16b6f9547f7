package io.zagg.arrow;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Column;
import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.spi.MutableColumn;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Columns as Arrow vectors in off-heap buffers from one child allocator per shard, whose limit is
 * the shard's memory budget and whose listener feeds the carrier's accounting, so the numbers
 * reported are the allocator's own. Concat chains the reads' vectors ({@link ColumnChain}) and
 * copies nothing; gather and encode work buffer to buffer; the only copy from the Java heap is
 * {@link #adopt} (Arrow memory cannot adopt a heap array), done in bulk.
 * Closing the carrier closes the allocator, which fails on any buffer still alive — a leak.
 */
final class ArrowCarrier extends Carrier {

    static final String NAME = "arrow";

    /** Elements copied per NIO view: keeps every view's byte length below 2 GiB. */
    private static final int COPY_SLICE = 1 << 26;

    private final Accounting accounting = new Accounting();
    private final BufferAllocator allocator;
    /** Columns joined into a chain: freeing them must leave their vectors, now the chain's, open. */
    private final Set<Column> moved = Collections.newSetFromMap(new IdentityHashMap<>());

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
        List<MutableColumn> chained = new ArrayList<>(parts.size());
        for (Column p : parts) {
            chained.add((MutableColumn) p);
            moved.add(p);
        }
        // no copy: the parts' vectors, still allocated, now belong to the chain
        return ColumnChain.of(chained);
    }

    /**
     * Row {@code r} of the result is row {@code order[r]} of the source, a column or a chain (one
     * part of a single column: the lookup then never leaves part 0), moved as raw words of the
     * element size, so floats keep their bits, NaN payloads included.
     */
    @Override
    protected MutableColumn gather(Column source, Column order) {
        ArrowColumn sorted = newColumn(source.dtype(), source.rows(), source.width());
        ColumnChain from = source instanceof ColumnChain ? (ColumnChain) source : ColumnChain.of(List.of((MutableColumn) source));
        ArrowBuf[] parts = new ArrowBuf[from.parts()];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = ((ArrowColumn) from.part(p)).data;
        }
        ArrowBuf to = sorted.data;
        long rows = source.rows();
        int w = source.width();
        switch (source.dtype().byteSize()) {
            case 8:
                for (long r = 0; r < rows; r++) {
                    long i = order.getLong(r);
                    int p = from.partOf(i);
                    long at = (i - from.firstRow(p)) * w;
                    for (int k = 0; k < w; k++) {
                        to.setLong((r * w + k) * 8, parts[p].getLong((at + k) * 8));
                    }
                }
                break;
            case 4:
                for (long r = 0; r < rows; r++) {
                    long i = order.getLong(r);
                    int p = from.partOf(i);
                    long at = (i - from.firstRow(p)) * w;
                    for (int k = 0; k < w; k++) {
                        to.setInt((r * w + k) * 4, parts[p].getInt((at + k) * 4));
                    }
                }
                break;
            case 2:
                for (long r = 0; r < rows; r++) {
                    long i = order.getLong(r);
                    int p = from.partOf(i);
                    long at = (i - from.firstRow(p)) * w;
                    for (int k = 0; k < w; k++) {
                        to.setShort((r * w + k) * 2, parts[p].getShort((at + k) * 2));
                    }
                }
                break;
            default:
                for (long r = 0; r < rows; r++) {
                    long i = order.getLong(r);
                    int p = from.partOf(i);
                    long at = (i - from.firstRow(p)) * w;
                    for (int k = 0; k < w; k++) {
                        to.setByte(r * w + k, parts[p].getByte(at + k));
                    }
                }
        }
        return sorted;
    }

    /**
     * A read-only view of the vector's own memory (Arrow writes little-endian); for a chain's
     * rows that span parts, a copy of them.
     */
    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow) {
        long rowBytes = (long) column.width() * column.dtype().byteSize();
        int bytes = (int) ((toRow - fromRow) * rowBytes);
        if (bytes == 0) {
            return ByteBuffer.allocate(0);
        }
        if (!(column instanceof ColumnChain)) {
            return view((ArrowColumn) column, fromRow * rowBytes, bytes);
        }
        ColumnChain chain = (ColumnChain) column;
        int first = chain.partOf(fromRow);
        if (toRow <= chain.firstRow(first + 1)) {
            return view((ArrowColumn) chain.part(first), (fromRow - chain.firstRow(first)) * rowBytes, bytes);
        }
        handedOver(bytes);
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (long row = fromRow; row < toRow; ) {
            int p = chain.partOf(row);
            long end = Math.min(toRow, chain.firstRow(p + 1));
            out.put(view((ArrowColumn) chain.part(p), (row - chain.firstRow(p)) * rowBytes, (int) ((end - row) * rowBytes)));
            row = end;
        }
        return out.flip();
    }

    @Override
    protected void free(Column column) {
        if (moved.remove(column)) {
            return; // its vector lives on in a chain, closed with it
        }
        // the allocator's listener reports the released bytes
        if (column instanceof ColumnChain) {
            ColumnChain chain = (ColumnChain) column;
            for (int p = 0; p < chain.parts(); p++) {
                ((ArrowColumn) chain.part(p)).vector.close();
            }
        } else {
            ((ArrowColumn) column).vector.close();
        }
    }

    @Override
    protected void closeStorage() {
        allocator.close();
    }

    private static ByteBuffer view(ArrowColumn column, long offset, int bytes) {
        return column.data.nioBuffer(offset, bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
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
