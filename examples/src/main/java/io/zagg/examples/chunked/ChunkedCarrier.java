package io.zagg.examples.chunked;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A carrier written against the SPI alone: columns as chains of heap byte-buffer chunks
 * ({@link ChunkedColumn}). Concatenating a shard's reads copies nothing — the joined column
 * chains the reads' chunks — so the CONCAT stage adds no bytes at all; gather and encode copy.
 */
final class ChunkedCarrier extends Carrier {

    static final String NAME = "chunked";

    ChunkedCarrier(CarrierContext context) {
        super(NAME, context);
    }

    @Override
    protected MutableColumn adopt(Column input) {
        ChunkedColumn column = allocate(input.dtype(), input.rows(), input.width());
        Object array = Columns.arrayOf(input);
        if (array == null) {
            Columns.copy(input, 0, column, 0, input.rows() * input.width());
        } else {
            column.fillFrom(array);
        }
        return column;
    }

    @Override
    protected ChunkedColumn allocate(DType dtype, long rows, int width) {
        allocated(rows * width * dtype.byteSize());
        return ChunkedColumn.allocate(dtype, rows, width);
    }

    @Override
    protected MutableColumn join(List<Column> parts, long rows) {
        List<ChunkedColumn> chunked = new ArrayList<>();
        for (Column p : parts) {
            chunked.add((ChunkedColumn) p);
        }
        // the parts' bytes stay accounted: they now belong to the joined column
        return ChunkedColumn.chain(chunked);
    }

    @Override
    protected MutableColumn gather(Column source, Column order) {
        ChunkedColumn from = (ChunkedColumn) source;
        ChunkedColumn sorted = allocate(source.dtype(), source.rows(), source.width());
        for (long r = 0; r < source.rows(); r++) {
            sorted.copyRow(from, order.getLong(r), r);
        }
        return sorted;
    }

    @Override
    protected ByteBuffer encode(Column column, long fromRow, long toRow) {
        ChunkedColumn c = (ChunkedColumn) column;
        int bytes = (int) ((toRow - fromRow) * c.rowBytes());
        handedOver(bytes);
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        c.copyRows(fromRow, toRow - fromRow, out, 0);
        return out;
    }

    @Override
    protected void free(Column column) {
        ChunkedColumn c = (ChunkedColumn) column;
        if (!c.moved()) {
            freed(c.valueBytes());
        }
    }
}
