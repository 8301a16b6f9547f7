package io.zagg.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Columns of one dtype and width read as one column, rows in list order, without copying: what a
 * carrier's {@link Carrier#join join} hook may return instead of a joined copy (PLAIN and ARROW
 * do), so that concatenating a shard's reads adds no bytes at all. Row {@code r} of the chain is
 * row {@code r - firstRow(p)} of the part {@code p} holding it.
 *
 * <p>A chain holds no storage of its own: its parts' storage now belongs to it, and the carrier
 * that built it frees the parts' storage when the chain is {@linkplain Carrier#free freed} (and
 * not when the parts themselves are, right after the join).
 *
 * <p>The accessors delegate to the parts' accessors. Each lookup starts from the part the
 * previous one found, so reading rows in order costs a bounds check per element and a random row
 * a binary search over the parts' first rows. That remembered part is only a hint (every lookup
 * checks its bounds), so any number of threads may read a chain concurrently, as any column.
 * Carriers that copy rows in bulk (gather, encode) look parts up with {@link #partOf} and read
 * each part's storage directly.
 */
public final class ColumnChain implements MutableColumn {

    private final MutableColumn[] parts;
    /** First row of each part, then the row count: {@code parts.length + 1} ascending entries. */
    private final long[] firstRows;
    /** {@link #firstRows} × width: first flat element of each part, then the element count. */
    private final long[] firstElements;
    private final DType dtype;
    private final int width;
    /** The part the last lookup found; a hint, so a racy read of a stale value is harmless. */
    private int hint;

    private ColumnChain(List<MutableColumn> parts) {
        MutableColumn model = parts.get(0);
        this.dtype = model.dtype();
        this.width = model.width();
        this.parts = parts.toArray(new MutableColumn[0]);
        this.firstRows = new long[this.parts.length + 1];
        this.firstElements = new long[this.parts.length + 1];
        for (int p = 0; p < this.parts.length; p++) {
            firstRows[p + 1] = firstRows[p] + this.parts[p].rows();
            firstElements[p + 1] = firstRows[p + 1] * width;
        }
    }

    /**
     * The parts, in row order, as one column. A part that is itself a chain contributes its own
     * parts (a chain is never nested).
     *
     * @throws IllegalArgumentException if {@code parts} is empty or its columns differ in dtype or width
     */
    public static ColumnChain of(List<? extends MutableColumn> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a column chain needs at least one part");
        }
        List<MutableColumn> flat = new ArrayList<>();
        for (MutableColumn p : parts) {
            Objects.requireNonNull(p, "part");
            if (p instanceof ColumnChain) {
                flat.addAll(List.of(((ColumnChain) p).parts));
            } else {
                flat.add(p);
            }
        }
        MutableColumn model = flat.get(0);
        for (int p = 1; p < flat.size(); p++) {
            MutableColumn c = flat.get(p);
            if (c.dtype() != model.dtype() || c.width() != model.width()) {
                throw new IllegalArgumentException("cannot chain part " + p + " (" + Columns.describe(c) + ") after part 0 ("
                        + Columns.describe(model) + "): parts must share dtype and width");
            }
        }
        return new ColumnChain(flat);
    }

    /** Number of parts (at least 1). */
    public int parts() {
        return parts.length;
    }

    /** Part {@code p}, {@code 0 ≤ p < parts()}. */
    public MutableColumn part(int p) {
        return parts[p];
    }

    /** The chain's row at which part {@code p} starts; {@code firstRow(parts())} is {@link #rows()}. */
    public long firstRow(int p) {
        return firstRows[p];
    }

    /**
     * The part holding row {@code row} ({@code 0 ≤ row < rows()}, unchecked): the last part
     * whose first row is at most {@code row}, so an empty part is never the answer.
     */
    public int partOf(long row) {
        return locate(firstRows, row);
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
        return firstRows[parts.length];
    }

    @Override
    public float getFloat(long index) {
        int p = locate(firstElements, index);
        return parts[p].getFloat(index - firstElements[p]);
    }

    @Override
    public double getDouble(long index) {
        int p = locate(firstElements, index);
        return parts[p].getDouble(index - firstElements[p]);
    }

    @Override
    public long getLong(long index) {
        int p = locate(firstElements, index);
        return parts[p].getLong(index - firstElements[p]);
    }

    @Override
    public void setFloat(long index, float value) {
        int p = locate(firstElements, index);
        parts[p].setFloat(index - firstElements[p], value);
    }

    @Override
    public void setDouble(long index, double value) {
        int p = locate(firstElements, index);
        parts[p].setDouble(index - firstElements[p], value);
    }

    @Override
    public void setLong(long index, long value) {
        int p = locate(firstElements, index);
        parts[p].setLong(index - firstElements[p], value);
    }

    @Override
    public String toString() {
        return "chain of " + parts.length + " parts, " + rows() + " rows of " + Columns.describe(this);
    }

    /** The last {@code p < parts.length} with {@code starts[p] ≤ at}, trying the hint first. */
    private int locate(long[] starts, long at) {
        int p = hint;
        // kept this small so that it inlines into the caller's loop; the search is the rare case
        return at >= starts[p] && at < starts[p + 1] ? p : search(starts, at);
    }

    private int search(long[] starts, long at) {
        int lo = 0;
        int hi = parts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        hint = lo;
        return lo;
    }
}
