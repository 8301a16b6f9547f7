package io.zagg.store;

import io.zagg.spi.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One chunk's payloads of a ragged field in CSR form: {@code values} holds every payload's rows
 * back to back, rows {@code offsets[k] .. offsets[k+1]} belong to the cell at chunk-local
 * position {@code cellIds[k]} (0 .. cells per chunk - 1, ascending).
 *
 * <p>Holds a read-only view of the values buffer, not a copy (payloads such as t-digests can
 * be large): the caller must not change those bytes while the block is in use.
 */
public final class CsrBlock {

    private final DType dtype;
    private final int[] innerShape;
    private final ByteBuffer values;
    private final long rows;
    private final long[] offsets;
    private final long[] cellIds;

    private CsrBlock(DType dtype, int[] innerShape, ByteBuffer values, long rows, long[] offsets, long[] cellIds) {
        this.dtype = dtype;
        this.innerShape = innerShape;
        this.values = values;
        this.rows = rows;
        this.offsets = offsets;
        this.cellIds = cellIds;
    }

    /**
     * A block of rows of {@code innerShape} elements of {@code dtype}.
     *
     * @param values   little-endian rows, position to limit
     * @param offsets  {@code cellIds.length + 1} row offsets, from 0, never decreasing, ending at the row count
     * @param cellIds  chunk-local cell positions, strictly ascending
     * @throws IllegalArgumentException naming the rule a part breaks
     */
    public static CsrBlock of(DType dtype, int[] innerShape, ByteBuffer values, long[] offsets, long[] cellIds) {
        Objects.requireNonNull(dtype, "dtype");
        long rowBytes = Blocks.count(innerShape) * dtype.byteSize();
        if (rowBytes <= 0 || values.remaining() % rowBytes != 0) {
            throw new IllegalArgumentException("CSR values of " + values.remaining() + " bytes are not whole rows of " + Arrays.toString(innerShape) + " " + dtype.numpyName());
        }
        long rows = values.remaining() / rowBytes;
        if (offsets.length != cellIds.length + 1) {
            throw new IllegalArgumentException("CSR offsets has " + offsets.length + " entries for " + cellIds.length + " cells; it needs one more than cells");
        }
        if (offsets[0] != 0 || offsets[offsets.length - 1] != rows) {
            throw new IllegalArgumentException("CSR offsets run from " + offsets[0] + " to " + offsets[offsets.length - 1] + "; they must run from 0 to the " + rows + " rows");
        }
        for (int k = 0; k < cellIds.length; k++) {
            if (offsets[k + 1] < offsets[k]) {
                throw new IllegalArgumentException("CSR offsets decrease at entry " + (k + 1));
            }
            if (cellIds[k] < 0 || k > 0 && cellIds[k] <= cellIds[k - 1]) {
                throw new IllegalArgumentException("CSR cell ids must be non-negative and ascending; entry " + k + " is " + cellIds[k]);
            }
        }
        return new CsrBlock(dtype, innerShape.clone(), values.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), rows, offsets.clone(), cellIds.clone());
    }

    public DType dtype() {
        return dtype;
    }

    /** The shape of one row ({@code [2]} for t-digest centroids; empty for plain values). */
    public int[] innerShape() {
        return innerShape.clone();
    }

    /** Rows over all cells. */
    public long rows() {
        return rows;
    }

    /** Number of cells with a payload. */
    public int cells() {
        return cellIds.length;
    }

    public long[] offsets() {
        return offsets.clone();
    }

    public long[] cellIds() {
        return cellIds.clone();
    }

    /** All rows, little-endian, read-only. */
    public ByteBuffer values() {
        return values.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The rows of the {@code k}-th cell, little-endian, read-only. */
    public ByteBuffer payload(int k) {
        long rowBytes = Blocks.count(innerShape) * dtype.byteSize();
        ByteBuffer out = values.duplicate();
        out.position((int) (offsets[k] * rowBytes)).limit((int) (offsets[k + 1] * rowBytes));
        return out.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return "CsrBlock[" + cellIds.length + " cells, " + rows + " rows of " + Arrays.toString(innerShape) + " " + dtype.numpyName() + "]";
    }
}
