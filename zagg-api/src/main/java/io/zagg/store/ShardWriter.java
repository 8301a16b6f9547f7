package io.zagg.store;

import io.zagg.spi.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the objects of one shard, and only those: its chunks of every array, its companion
 * values and its CSR groups, each object once, each atomically. Used by one thread; obtained
 * from {@link StoreWriter#shard}; {@link #commit()} ends it.
 *
 * <p>A chunk is given as little-endian element bytes in C order ({@code cellsPerChunk ×
 * trailing} elements for a per-cell array, {@code trailing} elements for a companion), and the
 * buffer may be reused once the call returns. A chunk equal to the array's fill value
 * everywhere is not stored (and an object left there by an earlier run is removed), except for
 * the coordinates {@code cell_ids} and {@code morton}, which are stored for every chunk given
 * ({@link #writeCoordinates} computes them; {@link #writeChunk} takes them as given).
 * Unsharded chunks are written as they arrive; a sharded array's chunks are collected and
 * written as one shard object by {@link #commit()}. In a store the run created, the shard's
 * first writer knows no object of the shard exists and deletes nothing.
 */
public final class ShardWriter implements AutoCloseable {

    private final StoreWriter owner;
    private final Store store;
    private final StoreTemplate template;
    private final HealpixGeometry geometry;
    private final long shard;
    private final long firstChunk;
    /** No object of this shard exists yet: an empty chunk has nothing to remove. */
    private final boolean nothingStored;
    /** Per array or ragged field, the chunks written, by position in the shard. */
    private final Map<String, BitSet> written = new HashMap<>();
    private final Map<String, ShardBuffer> shardChunks = new LinkedHashMap<>();
    /** The chunks with data, by position in the shard. */
    private final BitSet chunksWithData = new BitSet();
    /** This shard's buffer for coordinate chunks, taken from the owner at the first and given back at the end. */
    private ByteBuffer coordinateBuffer;
    private boolean done;
    private long objectsWritten;
    private long bytesWritten;

    ShardWriter(StoreWriter owner, long shard, boolean nothingStored) {
        this.nothingStored = nothingStored;
        this.owner = owner;
        this.store = owner.store();
        this.template = owner.template();
        this.geometry = template.geometry();
        this.shard = shard;
        this.firstChunk = geometry.firstChunk(shard);
    }

    /** The shard's NESTED id at the shard order. */
    public long shard() {
        return shard;
    }

    /**
     * Writes chunk {@code chunk} (its NESTED id at the chunk order) of the array
     * {@code array}: a coordinate, a per-cell field or a companion.
     *
     * @throws IllegalArgumentException when the array is not in the template, the chunk is not
     *         in this shard, or the bytes are not one chunk's
     * @throws IllegalStateException when this chunk of this array was already written
     */
    public void writeChunk(String array, long chunk, ByteBuffer littleEndian) throws IOException {
        requireOpen();
        StoreTemplate.Member member = template.member(array);
        if (member == null) {
            throw new IllegalArgumentException("array '" + array + "' is not in the template (" + template.arrays().size() + " arrays in group " + template.groupPath() + ")");
        }
        int local = local(chunk);
        ArraySpec spec = member.spec;
        int expected = member.role == StoreTemplate.Role.COMPANION ? spec.chunkBytes() : spec.innerChunkBytes();
        if (littleEndian.remaining() != expected) {
            throw new IllegalArgumentException("array " + spec.path() + " chunk " + chunk + ": " + littleEndian.remaining() + " bytes given, one chunk is " + expected);
        }
        claim(array, local, chunk);
        boolean coordinate = member.role == StoreTemplate.Role.COORDINATE;
        boolean empty = !coordinate && spec.fillValue().fillsEverywhere(littleEndian);
        if (!empty && !coordinate) {
            chunksWithData.set(local);
        }
        if (spec.isSharded()) {
            ShardingCodec sharding = spec.codecs().sharding();
            ShardBuffer shardBuffer = shardChunks.computeIfAbsent(array,
                    a -> sharding.newShard((int) geometry.chunksPerShard(), spec.chunkBytes()));
            if (!empty) {
                shardBuffer.add(local, sharding.inner().encode(littleEndian));
            }
            return;
        }
        String key = spec.chunkKeyAlongFirst(chunk);
        if (empty) {
            remove(key);
        } else {
            put(key, spec.codecs().encode(littleEndian));
        }
    }

    /**
     * Writes the coordinate chunks of chunk {@code chunk} (its NESTED id at the chunk order):
     * {@code cell_ids}, the NESTED ids of its cells in ascending order, and {@code morton}, their
     * morton words — computed from the grid, so every caller stores the same bytes (zagg stores
     * them for every chunk, with data or not).
     *
     * @throws IllegalArgumentException when the chunk is not in this shard
     * @throws IllegalStateException when this chunk's coordinates were already written
     */
    public void writeCoordinates(long chunk) throws IOException {
        requireOpen();
        local(chunk);
        ChunkCoordinates coordinates = owner.coordinates();
        if (coordinateBuffer == null) {
            coordinateBuffer = owner.coordinateBuffer();
        }
        // one buffer serves both: a chunk's bytes are written (or copied into a shard) before writeChunk returns
        writeChunk(FieldSpec.CELL_IDS, chunk, coordinates.cellIds(chunk, coordinateBuffer));
        writeChunk(FieldSpec.MORTON, chunk, coordinates.morton(chunk, coordinateBuffer));
    }

    /**
     * Writes the CSR group of ragged field {@code field} for chunk {@code chunk}: arrays
     * {@code values}, {@code offsets}, {@code cell_ids} under {@code {group}/{field}/{chunk}/},
     * then the group's {@code zarr.json}, so the group appears only once it is complete. An
     * empty block (no cell with a payload) is written too, as zagg does.
     *
     * @throws IllegalArgumentException when the field is not a ragged field of the template, the
     *         chunk is not in this shard, or the block does not match the field
     * @throws IllegalStateException when this chunk of this field was already written
     */
    public void writeCsr(String field, long chunk, CsrBlock block) throws IOException {
        requireOpen();
        FieldSpec spec = template.raggedField(field);
        if (spec == null) {
            throw new IllegalArgumentException("'" + field + "' is not a ragged field of the template");
        }
        int local = local(chunk);
        if (block.dtype() != spec.dtype() || !Arrays.equals(block.innerShape(), spec.shape())) {
            throw new IllegalArgumentException("ragged field " + field + " holds rows of " + Arrays.toString(spec.shape()) + " " + spec.dtype().numpyName()
                    + ", the block " + Arrays.toString(block.innerShape()) + " " + block.dtype().numpyName());
        }
        long[] cellIds = block.cellIds();
        long limit = spec.resolution() == FieldSpec.Resolution.CHUNK ? 1 : geometry.cellsPerChunk();
        if (cellIds.length > 0 && cellIds[cellIds.length - 1] >= limit) {
            throw new IllegalArgumentException("ragged field " + field + " chunk " + chunk + ": cell id " + cellIds[cellIds.length - 1]
                    + " is outside the chunk's 0.." + (limit - 1));
        }
        claim(field, local, chunk);
        if (block.cells() > 0) {
            chunksWithData.set(local);
        }
        writeSmallArray(template.csrValues(spec, chunk, block.rows()), block.values());
        writeSmallArray(template.csrIndex(spec, chunk, "offsets", block.offsets().length), longs(block.offsets()));
        writeSmallArray(template.csrIndex(spec, chunk, "cell_ids", cellIds.length), longs(cellIds));
        put(Keys.metadata(template.csrGroup(spec, chunk)), ByteBuffer.wrap(JsonText.bytes(StoreTemplate.groupJson(JsonText.object()))));
    }

    /** An array of one chunk holding all of {@code data}; no chunk object when it has no elements. */
    private void writeSmallArray(ArraySpec spec, ByteBuffer data) throws IOException {
        put(Keys.metadata(spec.path()), ByteBuffer.wrap(JsonText.bytes(spec.toJson())));
        String key = spec.chunkKeyAlongFirst(0);
        if (data.remaining() == 0) {
            remove(key);
        } else {
            put(key, spec.codecs().encode(data));
        }
    }

    private static ByteBuffer longs(long[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * DType.INT64.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        out.asLongBuffer().put(values);
        return out;
    }

    private int local(long chunk) {
        long local = chunk - firstChunk;
        if (local < 0 || local >= geometry.chunksPerShard()) {
            throw new IllegalArgumentException("chunk " + chunk + " is not in shard " + shard + " (its chunks are " + firstChunk + ".."
                    + (firstChunk + geometry.chunksPerShard() - 1) + ")");
        }
        return (int) local;
    }

    private void claim(String name, int local, long chunk) {
        BitSet chunks = written.computeIfAbsent(name, n -> new BitSet());
        if (chunks.get(local)) {
            throw new IllegalStateException(name + " chunk " + chunk + " was already written by shard " + shard);
        }
        chunks.set(local);
    }

    private void remove(String key) throws IOException {
        if (!nothingStored) {
            store.delete(key);
        }
    }

    private void put(String key, ByteBuffer bytes) throws IOException {
        bytesWritten += bytes.remaining();
        objectsWritten++;
        store.put(key, bytes);
    }

    private void requireOpen() {
        if (done) {
            throw new IllegalStateException("shard " + shard + " is already committed or closed");
        }
    }

    /**
     * Writes the shard objects of the sharded arrays and ends the shard.
     *
     * @throws IllegalStateException when a chunk with data lacks its {@code cell_ids} or
     *         {@code morton} chunk
     */
    public void commit() throws IOException {
        requireOpen();
        for (int local = chunksWithData.nextSetBit(0); local >= 0; local = chunksWithData.nextSetBit(local + 1)) {
            for (String coordinate : new String[] {FieldSpec.CELL_IDS, FieldSpec.MORTON}) {
                BitSet stored = written.get(coordinate);
                if (stored == null || !stored.get(local)) {
                    throw new IllegalStateException("shard " + shard + ": chunk " + (firstChunk + local) + " has data but no " + coordinate
                            + " chunk; the coordinates are written for every chunk with data");
                }
            }
        }
        for (Map.Entry<String, ShardBuffer> entry : shardChunks.entrySet()) {
            ArraySpec spec = template.member(entry.getKey()).spec;
            String key = spec.chunkKeyAlongFirst(shard);
            ShardBuffer shardBuffer = entry.getValue();
            if (shardBuffer.isEmpty()) {
                remove(key);
            } else {
                put(key, spec.codecs().encodeShard(shardBuffer.finish(spec.codecs().sharding().indexAtEnd())));
            }
        }
        shardChunks.clear();
        close();
    }

    /** Objects this shard has written so far. */
    public long objectsWritten() {
        return objectsWritten;
    }

    /** Encoded bytes this shard has written so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Ends the shard without writing what is still collected (the shard objects of sharded
     * arrays when {@link #commit()} was not called); chunks already written stay.
     */
    @Override
    public void close() {
        if (!done) {
            done = true;
            shardChunks.clear();
            if (coordinateBuffer != null) {
                owner.release(coordinateBuffer);
                coordinateBuffer = null;
            }
            owner.closed(shard);
        }
    }
}
