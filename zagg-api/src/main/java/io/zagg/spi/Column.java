package io.zagg.spi;

/**
 * Read access to one typed column of a shard's rows, wherever its bytes live (a Java array,
 * an off-heap Arrow buffer, a memory-mapped file).
 *
 * <p>Elements are addressed by a flat index: a column of {@link #rows()} rows and
 * {@link #width()} elements per row (1 for an ordinary column; 5 for ATL03's
 * {@code signal_conf_ph (N, 5)}) holds element {@code (row, k)} at {@code row * width + k}.
 * Kernels read a run of rows {@code [start, end)} through these accessors so that no column
 * is ever copied into a Java array just to be reduced.
 *
 * <p>The accessors must not allocate. An accessor that does not apply to the column's
 * {@link #dtype()} throws {@link UnsupportedOperationException}; the defaults of
 * {@link #getFloat} and {@link #getLong} do, so an implementation overrides only those that apply.
 */
public interface Column {

    DType dtype();

    /** Elements per row (≥ 1). */
    int width();

    /** Number of rows. */
    long rows();

    /**
     * A {@link DType#FLOAT32} element.
     *
     * @throws UnsupportedOperationException for any other dtype (this default)
     */
    default float getFloat(long index) {
        throw Columns.notApplicable("getFloat", dtype());
    }

    /** Any numeric element widened to double (exact for float32, float64 and |ints| ≤ 2^53). */
    double getDouble(long index);

    /**
     * An integer element sign- or zero-extended to long (UINT64: the raw bits).
     *
     * @throws UnsupportedOperationException for a floating dtype (this default)
     */
    default long getLong(long index) {
        throw Columns.notApplicable("getLong", dtype());
    }

    /**
     * Bytes of the values ({@code rows × width × element size}): the length of the column's
     * little-endian encoding, whatever the carrier spends holding it.
     */
    default long valueBytes() {
        return rows() * width() * dtype().byteSize();
    }
}
