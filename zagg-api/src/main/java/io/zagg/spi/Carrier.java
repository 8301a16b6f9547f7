package io.zagg.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Owns the columns of one shard from the moment the reader hands them over until their chunk
 * bytes are encoded for the writer — the whole path of architecture §3. One carrier serves one
 * shard and is closed when the shard is done; {@code PLAIN} keeps Java arrays, {@code ARROW}
 * Arrow vectors off-heap, and any other carrier may keep them anywhere, as long as every carrier
 * produces the same bytes.
 *
 * <h2>The path of a shard</h2>
 * The engine drives a carrier through these calls; every arrow is one of this class's or
 * {@link Batch}'s methods, and each releases its input as soon as its output exists so that the
 * shard's peak stays low (zagg #130: holding the pooled data twice doubled peak memory).
 * <pre>{@code
 * try (Carrier carrier = Carriers.ARROW.create(CarrierContext.of(budget, shardLabel))) {
 *     List<Batch> reads = new ArrayList<>();
 *     for (InputBatch read : reader.reads(shard)) {           // READ: one per granule × beam
 *         reads.add(carrier.load(read));                         //   adopts or copies, rejects nulls
 *     }
 *     carrier.enter(ShardStage.CONCAT);
 *     Batch rows = carrier.concat(reads);                         // reads chained (or copied and released) column by column
 *     carrier.enter(ShardStage.INDEX);
 *     MutableColumn cell = rows.add("cell", DType.UINT64, 1);    // derived column, filled by the engine
 *     ...
 *     rows.release("lat"); rows.release("lon");                  // coordinates no longer needed
 *     carrier.enter(ShardStage.SORT);
 *     MutableColumn order = rows.add("order", DType.INT32, 1);  // the stable argsort of cell
 *     ...                                                        // (or gather(Column) by a heap permutation)
 *     rows.gather("order");                                      // each unsorted column released once sorted
 *     // (the engine sorts by a heap permutation and releases the cell keys first: they are not gathered)
 *     carrier.enter(ShardStage.REDUCE);
 *     Batch out = carrier.newBatch(cellsInChunk);                 // output: one row per cell
 *     MutableColumn hMin = out.add("h_min", DType.FLOAT32, 1);   // kernels read rows.column(...) runs
 *     Ragged digest = carrier.newRagged(DType.FLOAT32, 2);        // ragged payloads, one per cell
 *     ...
 *     carrier.enter(ShardStage.ENCODE);
 *     ByteBuffer chunk = out.encode("h_min", 0, cellsInChunk);   // little-endian, for the writer
 *     CarrierMemory memory = carrier.memory();                    // goes into the shard report
 * }                                                               // close releases everything
 * }</pre>
 *
 * <h2>Ownership</h2>
 * <ul>
 *   <li>Every column in a {@link Batch} or {@link Ragged} belongs to the carrier. A
 *       {@link Column} obtained from it stays valid until that column is released
 *       ({@link Batch#release}, replaced by {@link Batch#gather}, moved by {@link #concat}, or
 *       its batch or the carrier closed); using it afterwards is undefined (an Arrow carrier
 *       throws, or reads freed memory when Arrow's bounds checks are off).</li>
 *   <li>{@link #load} takes the reader's arrays: the carrier may keep them instead of copying.</li>
 *   <li>{@link #concat} and {@link Batch#gather} consume their inputs; the input batches are
 *       closed afterwards.</li>
 *   <li>An encoded {@link ByteBuffer} may be a view of carrier memory: read it before the column
 *       is released, or copy it.</li>
 *   <li>{@link #close()} releases every column still held, closes every batch and ragged, and
 *       releases the carrier's own resources (an Arrow allocator, which then reports leaks).</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A carrier and its batches are confined to one thread at a time: calls that create, release or
 * move columns must not run concurrently. Once a batch is built, any number of threads may read
 * its columns, and may write distinct elements of a column obtained from {@link Batch#add},
 * concurrently (kernels working on different cells).
 *
 * <h2>Byte order and values</h2>
 * Encoded chunks are little-endian, C order (row-major: a width-5 row's 5 elements are
 * adjacent). A carrier moves values bit for bit — a NaN's payload included — so every carrier
 * encodes the same bytes for the same inputs, and its {@link MutableColumn} setters convert
 * exactly as {@link Columns}' heap columns do.
 *
 * <h2>Memory accounting</h2>
 * The carrier counts the bytes it holds; {@link #memory()} reports them with the peak overall
 * and per {@link ShardStage} (the engine marks stages with {@link #enter}), and the decoded
 * input bytes they compare against. An allocation that would exceed
 * {@link CarrierContext#memoryBudget()} fails with {@link MemoryBudgetException} before it
 * happens.
 *
 * <p>What a shard's peak is made of, for a carrier whose {@link #join} chains (PLAIN and ARROW):
 * READ holds the input (the rows' cell keys among it, the coordinates only when a field reads
 * them); CONCAT adds nothing; INDEX sorts by the keys (outside the carrier) and releases them;
 * SORT holds the rows plus one sorted column at a time; REDUCE and ENCODE hold the sorted rows
 * plus one inner chunk's output batch (the engine reuses it for every chunk of the shard) and
 * the chunk's ragged outputs. A carrier whose join copies holds,
 * at the end of each joined column, the whole input plus that column. zagg held 3× the input
 * (pandas) and 2× (Arrow); every carrier here is tested to stay within 1.5×.
 *
 * <h2>Writing a carrier</h2>
 * Extend this class and implement the column-level hooks below; everything else — names, schema
 * checks, the null guard, release order, bookkeeping, the stage path — is done here, identically
 * for every carrier. Then register a {@link CarrierProvider}. The hooks:
 * <ul>
 *   <li>{@link #adopt}, {@link #allocate}, {@link #join}, {@link #gather} return a new column of
 *       the carrier's own (a {@link MutableColumn} implementation whose accessors read its
 *       storage directly, without allocating);</li>
 *   <li>{@link #encode} returns little-endian bytes; {@link #free} releases one column;
 *       {@link #closeStorage} releases carrier-wide resources;</li>
 *   <li>each hook reports what it allocates and frees with {@link #allocated(long)} (before
 *       allocating: it enforces the budget), {@link #freed(long)} and, for a buffer handed to the
 *       caller that the carrier does not keep, {@link #handedOver(long)}.</li>
 * </ul>
 * Hooks receive only columns this carrier returned and has not freed (except the reader's column
 * in {@link #adopt} and the order in {@link #gather}), already validated (dtypes, widths, row ranges, gather indices), and are
 * called on the carrier's thread.
 */
public abstract class Carrier implements AutoCloseable {

    private final String name;
    private final CarrierContext context;
    private final MemoryAccount account;
    private final Set<Column> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Batch> batches = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Ragged> raggeds = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    /**
     * @param name    the carrier's name, as its provider's {@link CarrierProvider#name()}
     * @param context the shard's budget, threads and label
     */
    protected Carrier(String name, CarrierContext context) {
        this.name = Objects.requireNonNull(name, "name");
        this.context = Objects.requireNonNull(context, "context");
        this.account = new MemoryAccount(this.toString(), context.memoryBudget());
    }

    public final String name() {
        return name;
    }

    public final CarrierContext context() {
        return context;
    }

    /** Marks the start of a stage for {@link #memory()}; the first stage, {@link ShardStage#READ}, is current from creation. */
    public final void enter(ShardStage stage) {
        account.enter(Objects.requireNonNull(stage, "stage"));
    }

    /** The accounting so far: held, peak overall and per stage, decoded input bytes. */
    public final CarrierMemory memory() {
        return account.snapshot();
    }

    /**
     * Takes over one read's decoded columns (the READ stage). Rejects a batch with nulls (see
     * {@link InputBatch}), then adopts or copies each column.
     *
     * @throws IllegalArgumentException if a column's validity mask marks a row null
     */
    public final Batch load(InputBatch input) {
        requireOpen();
        input.requireNullFree(name);
        account.input(input.valueBytes());
        LinkedHashMap<String, MutableColumn> columns = new LinkedHashMap<>();
        for (String column : input.names()) {
            Column source = input.column(column);
            columns.put(column, own(adopt(source), source.dtype(), source.rows(), source.width(), "adopt"));
        }
        return register(new Batch(this, input.source(), input.rows(), columns));
    }

    /**
     * Joins batches with identical schemas (names in the same order, dtypes, widths) into one,
     * rows in list order (the CONCAT stage). Works column by column through {@link #join}, which
     * chains the input columns ({@link ColumnChain}: no bytes added) or copies them, releasing
     * each input column as soon as its joined column exists; a single batch is moved without
     * copying. The inputs are closed.
     *
     * @throws IllegalArgumentException if the list is empty, a batch belongs to another carrier
     *                                  or is closed, or the schemas differ (naming both batches)
     */
    public final Batch concat(List<Batch> inputs) {
        requireOpen();
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one batch");
        }
        Batch first = inputs.get(0);
        long rows = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Batch b = inputs.get(i);
            requireOwn(b);
            b.requireOpen();
            for (int j = 0; j < i; j++) {
                if (inputs.get(j) == b) {
                    throw new IllegalArgumentException("concat lists batch " + j + " (" + b.source() + ") twice");
                }
            }
            requireSameSchema(first, b, i);
            rows += b.rows();
        }
        String source = inputs.size() == 1 ? first.source() : first.source() + " and " + (inputs.size() - 1) + " more";
        LinkedHashMap<String, MutableColumn> joined = new LinkedHashMap<>();
        if (inputs.size() == 1) {
            joined.putAll(first.columns());
            first.detach("moved by concat");
            return register(new Batch(this, source, rows, joined));
        }
        for (String column : first.names()) {
            List<Column> parts = new ArrayList<>(inputs.size());
            for (Batch b : inputs) {
                parts.add(b.columns().get(column));
            }
            Column model = parts.get(0);
            joined.put(column, own(join(parts, rows), model.dtype(), rows, model.width(), "join"));
            for (Batch b : inputs) {
                release(b.columns().remove(column));
            }
        }
        for (Batch b : inputs) {
            b.detach("released by concat");
        }
        return register(new Batch(this, source, rows, joined));
    }

    /** An empty batch of {@code rows} rows, e.g. the output batch of a chunk (one row per cell); fill it with {@link Batch#add}. */
    public final Batch newBatch(long rows) {
        requireOpen();
        if (rows < 0) {
            throw new IllegalArgumentException("batch rows " + rows + " must not be negative");
        }
        return register(new Batch(this, "output", rows, new LinkedHashMap<>()));
    }

    /** An empty ragged field: per-cell payloads of {@code inner} elements a row (a t-digest's centroids: 2). */
    public final Ragged newRagged(DType dtype, int inner) {
        requireOpen();
        Objects.requireNonNull(dtype, "dtype");
        if (inner < 1) {
            throw new IllegalArgumentException("ragged inner width " + inner + " must be at least 1");
        }
        Ragged r = new Ragged(this, dtype, inner);
        raggeds.add(r);
        return r;
    }

    /**
     * Releases every column still held, closes every batch and ragged field, then the carrier's
     * own storage. Idempotent.
     *
     * @throws IllegalStateException if the carrier's storage reports a leak (e.g. an Arrow
     *                               allocator with buffers still exported through C Data)
     */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Batch b : new ArrayList<>(batches)) {
            b.detach("closed with its carrier");
        }
        for (Ragged r : new ArrayList<>(raggeds)) {
            r.detach();
        }
        batches.clear();
        raggeds.clear();
        RuntimeException failure = null;
        for (Column c : new ArrayList<>(live)) {
            try {
                release(c);
            } catch (RuntimeException e) {
                failure = addTo(failure, e);
            }
        }
        try {
            closeStorage();
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        long held = account.snapshot().heldBytes();
        if (failure == null && held != 0) {
            failure = new IllegalStateException(this + " still accounts " + held + " bytes after freeing all its columns");
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public final String toString() {
        return "carrier '" + name + "' for shard " + context.shard();
    }

    // ---- hooks for carrier implementations ----

    /**
     * A column of this carrier holding the reader's column: adopt its storage (PLAIN keeps a heap
     * column's array) or copy it. Report the bytes now held with {@link #allocated(long)}.
     */
    protected abstract MutableColumn adopt(Column input);

    /** A new zero-filled column. Call {@link #allocated(long)} before allocating. */
    protected abstract MutableColumn allocate(DType dtype, long rows, int width);

    /**
     * The rows of {@code parts} (two or more columns of this carrier with the same dtype and
     * width; {@code rows} in all) one after another in a new column: a copy, or — adding no bytes —
     * a {@link ColumnChain#of chain} of the parts or any other column reusing their storage. Each
     * part is {@linkplain #free freed} right after; a carrier that reuses a part's storage must
     * make that {@code free} leave the reused storage, still accounted, alone, and free it with
     * the joined column. Every other hook may then receive the joined column (a chain when this
     * carrier chains): {@link #gather} as its source, {@link #encode} and {@link #free}.
     */
    protected abstract MutableColumn join(List<Column> parts, long rows);

    /**
     * A new column whose row {@code i} is row {@code order.getLong(i)} of {@code source}, copied
     * bit for bit into storage of its own (the source is freed right after). The source may be
     * the chain {@link #join} returned; PLAIN and ARROW then still write one contiguous column, so
     * the kernels reading the sorted rows pay no part lookups. {@code order} is an integer column of width 1 and as many rows as
     * {@code source} — this carrier's or any other (a heap permutation) — every value already
     * checked to lie in {@code [0, source.rows())}; read it through its accessors.
     */
    protected abstract MutableColumn gather(Column source, Column order);

    /**
     * Rows {@code [fromRow, toRow)} of a column as little-endian bytes: a buffer whose
     * {@code remaining()} is exactly {@code (toRow - fromRow) × width × element size}. It may be
     * a read-only view of the column's storage, valid until the column is freed; a copy made for
     * the caller is reported with {@link #handedOver(long)}.
     */
    protected abstract ByteBuffer encode(Column column, long fromRow, long toRow);

    /**
     * As {@link #encode(Column, long, long)}, for a caller that offers {@code scratch}: a buffer
     * it reuses from chunk to chunk, with room for the bytes. A carrier whose encode copies (its
     * storage is not little-endian bytes) writes them into it from index 0 and returns that
     * view, neither allocating nor reporting a buffer; the caller owns it. By default the scratch
     * is ignored: right for a carrier that hands out views of its own memory.
     */
    protected ByteBuffer encode(Column column, long fromRow, long toRow, ByteBuffer scratch) {
        return encode(column, fromRow, toRow);
    }

    /** Releases one column's storage and reports it with {@link #freed(long)}. Called once per column. */
    protected abstract void free(Column column);

    /** Releases carrier-wide resources after every column was freed; throws if storage leaked. */
    protected void closeStorage() {
    }

    /**
     * Records {@code bytes} as held from now on. Call it before allocating them.
     *
     * @throws MemoryBudgetException if they would exceed the budget (nothing is recorded)
     */
    protected final void allocated(long bytes) {
        account.allocate(bytes);
    }

    /** Records {@code bytes} as no longer held. */
    protected final void freed(long bytes) {
        account.free(bytes);
    }

    /** Records a buffer allocated for the caller and not kept (an encoded copy): it counts toward the peak only. */
    protected final void handedOver(long bytes) {
        account.allocate(bytes);
        account.free(bytes);
    }

    // ---- used by Batch and Ragged ----

    MutableColumn allocateOwned(DType dtype, long rows, int width) {
        requireOpen();
        return own(allocate(dtype, rows, width), dtype, rows, width, "allocate");
    }

    MutableColumn gatherOwned(Column source, Column order) {
        requireOpen();
        return own(gather(source, order), source.dtype(), source.rows(), source.width(), "gather");
    }

    /** Encodes rows of a column through the hook, into {@code scratch} when it is not null. */
    ByteBuffer encodeOwned(Column column, long fromRow, long toRow, ByteBuffer scratch) {
        requireOpen();
        long bytes = (toRow - fromRow) * column.width() * column.dtype().byteSize();
        ByteBuffer encoded = scratch == null ? encode(column, fromRow, toRow) : encode(column, fromRow, toRow, scratch);
        if (encoded.remaining() != bytes) {
            throw new IllegalStateException(this + ": encode returned " + encoded.remaining() + " bytes for "
                    + (toRow - fromRow) + " rows of " + Columns.describe(column) + ", expected " + bytes);
        }
        return encoded.order(ByteOrder.LITTLE_ENDIAN);
    }

    void release(Column column) {
        if (column != null && live.remove(column)) {
            free(column);
        }
    }

    void forget(Batch batch) {
        batches.remove(batch);
    }

    void forget(Ragged ragged) {
        raggeds.remove(ragged);
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private Batch register(Batch b) {
        batches.add(b);
        return b;
    }

    private void requireOwn(Batch b) {
        if (b.carrier() != this) {
            throw new IllegalArgumentException("batch " + b.source() + " belongs to " + b.carrier() + ", not to " + this);
        }
    }

    private MutableColumn own(MutableColumn c, DType dtype, long rows, int width, String hook) {
        if (c == null || c.dtype() != dtype || c.rows() != rows || c.width() != width) {
            throw new IllegalStateException(this + ": " + hook + " returned "
                    + (c == null ? "null" : c.rows() + " rows of " + Columns.describe(c)) + ", expected " + rows + " rows of "
                    + dtype.numpyName() + (width == 1 ? "" : "×" + width));
        }
        if (!live.add(c)) {
            throw new IllegalStateException(this + ": " + hook + " returned a column it already holds");
        }
        return c;
    }

    private static void requireSameSchema(Batch first, Batch other, int index) {
        Map<String, MutableColumn> a = first.columns();
        Map<String, MutableColumn> b = other.columns();
        if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
            throw new IllegalArgumentException("cannot concatenate batch " + index + " (" + other.source() + ") with batch 0 ("
                    + first.source() + "): its columns are " + b.keySet() + ", not " + a.keySet());
        }
        for (Map.Entry<String, MutableColumn> e : a.entrySet()) {
            Column x = e.getValue();
            Column y = b.get(e.getKey());
            if (x.dtype() != y.dtype() || x.width() != y.width()) {
                throw new IllegalArgumentException("cannot concatenate batch " + index + " (" + other.source() + ") with batch 0 ("
                        + first.source() + "): column " + e.getKey() + " is " + Columns.describe(y) + " there and "
                        + Columns.describe(x) + " here");
            }
        }
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
