package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads stores this library writes (and Zarr v3 stores within the same subset: regular grid,
 * default key encoding, {@code bytes} little-endian, {@code crc32c}, {@code gzip}, {@code zstd},
 * {@code sharding_indexed}). For tests, {@code zagg inspect} and the t-digest reader.
 *
 * <p>The hierarchy is read from the nodes themselves, not from the consolidated metadata, so
 * a store being written is seen as it is. Objects are read whole (a sharded region reads the
 * whole shard object).
 */
public final class StoreReader {

    private final Store store;
    private final ObjectNode root;
    private final Map<String, ObjectNode> nodes;

    private StoreReader(Store store, ObjectNode root, Map<String, ObjectNode> nodes) {
        this.store = store;
        this.root = root;
        this.nodes = nodes;
    }

    /**
     * Opens the store and lists its nodes.
     *
     * @throws IllegalArgumentException when the store has no root {@code zarr.json}
     */
    public static StoreReader open(Store store) throws IOException {
        Objects.requireNonNull(store, "store");
        Optional<ObjectNode> root = Hierarchy.node(store, "");
        if (root.isEmpty()) {
            throw new IllegalArgumentException("store " + store.location() + " has no zarr.json: it is not a Zarr store");
        }
        return new StoreReader(store, root.get(), Collections.unmodifiableMap(Hierarchy.below(store, "")));
    }

    /** Where the store is, for messages: a directory path or a URL. */
    public String location() {
        return store.location();
    }

    /** Paths of every group below the root, shallow first. */
    public List<String> groups() {
        return paths(true);
    }

    /** Paths of every array, shallow first; {@code ""} first when the root itself is an array. */
    public List<String> arrays() {
        return paths(false);
    }

    private List<String> paths(boolean groups) {
        List<String> out = new ArrayList<>();
        if (!groups && !Hierarchy.isGroup(root)) {
            out.add("");
        }
        nodes.forEach((path, doc) -> {
            if (Hierarchy.isGroup(doc) == groups) {
                out.add(path);
            }
        });
        return Collections.unmodifiableList(out);
    }

    /** The attributes of the group (or array) at {@code path}; {@code ""} is the root. */
    public ObjectNode attributes(String path) {
        ObjectNode doc = require(path);
        JsonNode attributes = doc.path("attributes");
        return attributes.isObject() ? ((ObjectNode) attributes).deepCopy() : JsonText.object();
    }

    /** The metadata of the array at {@code path} ({@code ""} when the root is an array). */
    public ArraySpec array(String path) {
        ObjectNode doc = require(path);
        if (Hierarchy.isGroup(doc)) {
            throw new IllegalArgumentException(path + " in store " + store.location() + " is a group, not an array");
        }
        return ArraySpec.fromJson(path, doc);
    }

    private ObjectNode require(String path) {
        ObjectNode doc = path.isEmpty() ? root : nodes.get(path);
        if (doc == null) {
            throw new IllegalArgumentException("store " + store.location() + " has no node " + path);
        }
        return doc;
    }

    /** The run record, present once a run has finished. */
    public Optional<RunRecord> runRecord() throws IOException {
        Optional<byte[]> bytes = store.get(RunRecord.KEY);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(RunRecord.fromJson(JsonText.parseObject(bytes.get(), RunRecord.KEY)));
    }

    /**
     * The chunk at grid position {@code coords} (a whole shard of a sharded array), decoded to
     * little-endian elements in C order; the fill value everywhere when it is not stored.
     */
    public ByteBuffer readChunk(String arrayPath, long... coords) throws IOException {
        ArraySpec spec = array(arrayPath);
        return decodedChunk(spec, spec.chunkKey(coords));
    }

    private ByteBuffer decodedChunk(ArraySpec spec, String key) throws IOException {
        Optional<byte[]> stored = store.get(key);
        int[] chunkShape = spec.chunkShape();
        if (stored.isEmpty()) {
            return spec.fillValue().filled((int) Blocks.count(chunkShape)).order(ByteOrder.LITTLE_ENDIAN);
        }
        return spec.codecs().decode(ByteBuffer.wrap(stored.get()), chunkShape, spec.dtype(), spec.fillValue(), key)
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Receives one stored piece of an array, its elements little-endian in C order. */
    @FunctionalInterface
    public interface ChunkVisitor {
        /**
         * @param origin   the piece's first element in the array
         * @param shape    the piece's shape, clipped to the array at its edges
         * @param elements the piece's elements, from position 0; valid during the call only
         */
        void visit(long[] origin, int[] shape, ByteBuffer elements) throws IOException;
    }

    /**
     * The number of chunk objects stored for the array (shard objects when it is sharded),
     * found by listing the keys under its {@code c/} prefix; no object is read.
     */
    public long storedChunkCount(String arrayPath) throws IOException {
        return StoredChunks.count(store, array(arrayPath));
    }

    /**
     * Reads the chunks stored for the array, one object at a time in C order of chunk position,
     * and hands each chunk (each inner chunk present in a shard) to {@code visitor}, clipped to
     * the array's shape. Chunks that are not stored (fill everywhere) are not visited, so memory
     * stays at one stored object and one decoded chunk however large the array is.
     */
    public void forEachStoredChunk(String arrayPath, ChunkVisitor visitor) throws IOException {
        ArraySpec spec = array(arrayPath);
        long[] shape = spec.shape();
        int[] chunkShape = spec.chunkShape();
        int[] pieceShape = spec.innerChunkShape();
        int elementBytes = spec.dtype().byteSize();
        StoredChunks.forEach(store, spec, coords -> {
            String key = spec.chunkKey(coords);
            Optional<byte[]> stored = store.get(key);
            if (stored.isEmpty()) {
                return; // deleted since it was listed
            }
            spec.codecs().decodePieces(ByteBuffer.wrap(stored.get()), chunkShape, spec.dtype(), spec.fillValue(), key, (at, elements) -> {
                long[] origin = new long[shape.length];
                int[] extent = new int[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    origin[d] = coords[d] * chunkShape[d] + at[d];
                    if (origin[d] >= shape[d]) {
                        return; // an inner chunk wholly past the array's edge
                    }
                    extent[d] = (int) Math.min(pieceShape[d], shape[d] - origin[d]);
                }
                ByteBuffer inside = elements;
                if (!Arrays.equals(extent, pieceShape)) {
                    inside = ByteBuffer.allocate(Math.toIntExact(Blocks.count(extent) * elementBytes));
                    Blocks.copy(elements, pieceShape, new int[shape.length], inside, extent, new int[shape.length], extent, elementBytes);
                }
                visitor.visit(origin, extent, inside.order(ByteOrder.LITTLE_ENDIAN));
            });
        });
    }

    /**
     * Rows {@code [start, end)} of the array's first dimension with every trailing element, as
     * little-endian elements in C order. The array must be chunked whole in its trailing
     * dimensions (every array of our layout is).
     */
    public ByteBuffer readRegion(String arrayPath, long start, long end) throws IOException {
        ArraySpec spec = array(arrayPath);
        long[] shape = spec.shape();
        int[] chunk = spec.chunkShape();
        for (int d = 1; d < shape.length; d++) {
            if (chunk[d] != shape[d]) {
                throw new IllegalArgumentException("array " + arrayPath + " is chunked " + Arrays.toString(chunk) + " in shape "
                        + Arrays.toString(shape) + "; readRegion needs whole trailing dimensions");
            }
        }
        if (shape.length == 0 || start < 0 || end < start || end > shape[0]) {
            throw new IllegalArgumentException("region " + start + ".." + end + " is outside array " + arrayPath + " of shape " + Arrays.toString(shape));
        }
        int elementBytes = spec.dtype().byteSize();
        long rowElements = 1;
        for (int d = 1; d < shape.length; d++) {
            rowElements *= shape[d];
        }
        long rowBytes = rowElements * elementBytes;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact((end - start) * rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
        for (long c = start / chunk[0]; c * chunk[0] < end; c++) {
            ByteBuffer data = decodedChunk(spec, spec.chunkKeyAlongFirst(c));
            long from = Math.max(start, c * chunk[0]);
            long to = Math.min(end, (c + 1) * chunk[0]);
            out.put((int) ((from - start) * rowBytes), data, (int) ((from - c * chunk[0]) * rowBytes), (int) ((to - from) * rowBytes));
        }
        return out;
    }

    /**
     * The CSR block stored in group {@code groupPath} ({@code {group}/{field}/{chunk}}).
     *
     * @throws IllegalArgumentException when the group has no {@code values}, {@code offsets} and
     *         {@code cell_ids} arrays
     */
    public CsrBlock readCsr(String groupPath) throws IOException {
        ArraySpec values = array(Keys.join(groupPath, "values"));
        ByteBuffer data = readRegion(values.path(), 0, values.shape()[0]);
        long[] offsets = readLongs(Keys.join(groupPath, "offsets"));
        long[] cellIds = readLongs(Keys.join(groupPath, "cell_ids"));
        long[] shape = values.shape();
        int[] inner = new int[shape.length - 1];
        for (int d = 1; d < shape.length; d++) {
            inner[d - 1] = (int) shape[d];
        }
        return CsrBlock.of(values.dtype(), inner, data, offsets, cellIds);
    }

    private long[] readLongs(String path) throws IOException {
        ArraySpec spec = array(path);
        if (spec.dtype() != DType.INT64 || spec.shape().length != 1) {
            throw new IllegalArgumentException("array " + path + " is not a 1-D int64 array");
        }
        long[] out = new long[(int) spec.shape()[0]];
        readRegion(path, 0, out.length).asLongBuffer().get(out);
        return out;
    }
}
