package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The metadata of one Zarr v3 array ({@code zarr.json} with {@code node_type: "array"}): a
 * regular chunk grid, the default chunk key encoding, and {@code bytes} or
 * {@code sharding_indexed} codecs. Immutable.
 *
 * <p>For a sharded array {@link #chunkShape()} is the shard (one stored object) and
 * {@link #innerChunkShape()} the chunk inside it; otherwise both are the stored chunk.
 */
public final class ArraySpec {

    private final String path;
    private final DType dtype;
    private final FillValue fill;
    private final long[] shape;
    private final int[] chunkShape;
    private final char separator;
    private final CodecChain codecs;
    private final List<String> dimensionNames;
    private final ObjectNode attributes;

    private ArraySpec(String path, DType dtype, FillValue fill, long[] shape, int[] chunkShape, char separator,
                      CodecChain codecs, List<String> dimensionNames, ObjectNode attributes) {
        this.path = path;
        this.dtype = dtype;
        this.fill = fill;
        this.shape = shape.clone();
        this.chunkShape = chunkShape.clone();
        this.separator = separator;
        this.codecs = codecs;
        this.dimensionNames = dimensionNames == null ? null : Collections.unmodifiableList(new ArrayList<>(dimensionNames));
        this.attributes = attributes.deepCopy();
    }

    /**
     * An array at {@code path} written by us: chunk keys with {@code /}, no attributes unless
     * given.
     *
     * @throws IllegalArgumentException naming the array when shapes disagree or a chunk does
     *         not fit in one buffer
     */
    static ArraySpec of(String path, FillValue fill, long[] shape, int[] chunkShape, CodecChain codecs,
                        List<String> dimensionNames, ObjectNode attributes) {
        Keys.requireNodePath(path);
        Objects.requireNonNull(fill, "fill");
        if (shape.length != chunkShape.length) {
            throw new IllegalArgumentException("array " + path + ": shape " + Arrays.toString(shape) + " and chunk shape " + Arrays.toString(chunkShape) + " differ in rank");
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0 || chunkShape[d] <= 0) {
                throw new IllegalArgumentException("array " + path + ": shape " + Arrays.toString(shape) + " / chunk shape " + Arrays.toString(chunkShape) + " has a negative size or an empty chunk");
            }
        }
        if (dimensionNames != null && dimensionNames.size() != shape.length) {
            throw new IllegalArgumentException("array " + path + ": " + dimensionNames.size() + " dimension names for rank " + shape.length);
        }
        ArraySpec spec = new ArraySpec(path, fill.dtype(), fill, shape, chunkShape, '/', codecs, dimensionNames,
                attributes == null ? JsonText.object() : attributes);
        spec.requireChunkFitsBuffer(spec.chunkShape, "chunk");
        if (codecs.sharding() != null) {
            codecs.sharding().grid(chunkShape, "array " + path);
            spec.requireChunkFitsBuffer(codecs.sharding().innerShape(), "inner chunk");
        }
        return spec;
    }

    private void requireChunkFitsBuffer(int[] chunk, String what) {
        long bytes = Blocks.count(chunk) * dtype.byteSize();
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("array " + path + ": a " + what + " of " + Arrays.toString(chunk) + " " + dtype.numpyName()
                    + " is " + bytes + " bytes, over the 2 GiB one object may hold");
        }
    }

    /**
     * Reads an array's {@code zarr.json}.
     *
     * @throws IllegalArgumentException naming the array and the field when the metadata is not
     *         a Zarr v3 array this reader understands
     */
    static ArraySpec fromJson(String path, ObjectNode doc) {
        String where = "array " + path;
        if (doc.path("zarr_format").asInt() != 3 || !doc.path("node_type").asText().equals("array")) {
            throw new IllegalArgumentException(where + ": zarr.json is not a Zarr v3 array");
        }
        DType dtype;
        try {
            dtype = DType.parse(doc.path("data_type").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": data_type " + doc.path("data_type") + " is not supported", e);
        }
        long[] shape = longs(doc.path("shape"), where + ": shape");
        JsonNode grid = doc.path("chunk_grid");
        if (!grid.path("name").asText().equals("regular")) {
            throw new IllegalArgumentException(where + ": chunk_grid " + grid.path("name") + " is not supported (regular is)");
        }
        long[] chunks = longs(grid.path("configuration").path("chunk_shape"), where + ": chunk_shape");
        int[] chunkShape = new int[chunks.length];
        for (int d = 0; d < chunks.length; d++) {
            chunkShape[d] = Math.toIntExact(chunks[d]);
        }
        JsonNode encoding = doc.path("chunk_key_encoding");
        if (!encoding.path("name").asText().equals("default")) {
            throw new IllegalArgumentException(where + ": chunk_key_encoding " + encoding.path("name") + " is not supported (default is)");
        }
        String separator = encoding.path("configuration").path("separator").asText("/");
        if (!separator.equals("/") && !separator.equals(".")) {
            throw new IllegalArgumentException(where + ": chunk key separator '" + separator + "' is neither / nor .");
        }
        FillValue fill = FillValue.fromJson(dtype, doc.get("fill_value"), where);
        CodecChain codecs = CodecChain.fromJson(doc.path("codecs"), where);
        List<String> dims = null;
        if (doc.hasNonNull("dimension_names")) {
            dims = new ArrayList<>();
            for (JsonNode name : doc.get("dimension_names")) {
                dims.add(name.isNull() ? null : name.asText());
            }
        }
        JsonNode attributes = doc.path("attributes");
        if (shape.length != chunkShape.length) {
            throw new IllegalArgumentException(where + ": shape and chunk_shape differ in rank");
        }
        ArraySpec spec = new ArraySpec(path, dtype, fill, shape, chunkShape, separator.charAt(0), codecs, dims,
                attributes.isObject() ? (ObjectNode) attributes : JsonText.object());
        spec.requireChunkFitsBuffer(chunkShape, "chunk");
        return spec;
    }

    private static long[] longs(JsonNode list, String where) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + " is not a list");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!list.get(i).canConvertToLong() || list.get(i).longValue() < 0) {
                throw new IllegalArgumentException(where + " " + list + " holds a value that is not a non-negative integer");
            }
            out[i] = list.get(i).longValue();
        }
        return out;
    }

    /** The metadata document, keys in zarr-python's order. */
    ObjectNode toJson() {
        ObjectNode doc = JsonText.object();
        ArrayNode shapeJson = doc.putArray("shape");
        for (long d : shape) {
            shapeJson.add(d);
        }
        doc.put("data_type", dtype.numpyName());
        ObjectNode grid = doc.putObject("chunk_grid").put("name", "regular");
        ArrayNode chunks = grid.putObject("configuration").putArray("chunk_shape");
        for (int d : chunkShape) {
            chunks.add(d);
        }
        doc.putObject("chunk_key_encoding").put("name", "default")
                .putObject("configuration").put("separator", String.valueOf(separator));
        doc.set("fill_value", fill.toJson());
        doc.set("codecs", codecs.toJson(dtype));
        doc.set("attributes", attributes.deepCopy());
        if (dimensionNames != null) {
            ArrayNode dims = doc.putArray("dimension_names");
            dimensionNames.forEach(dims::add);
        }
        doc.put("zarr_format", 3);
        doc.put("node_type", "array");
        doc.putArray("storage_transformers");
        return doc;
    }

    /** The node path, e.g. {@code 19/h_mean}. */
    public String path() {
        return path;
    }

    public DType dtype() {
        return dtype;
    }

    public FillValue fillValue() {
        return fill;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The stored chunk: the shard of a sharded array. */
    public int[] chunkShape() {
        return chunkShape.clone();
    }

    /** The chunk inside a shard, or {@link #chunkShape()} when the array is not sharded. */
    public int[] innerChunkShape() {
        return codecs.sharding() == null ? chunkShape.clone() : codecs.sharding().innerShape();
    }

    /**
     * Chunks (stored objects: shards of a sharded array) along each dimension,
     * {@code ceil(shape / chunkShape)}.
     */
    public long[] chunkGridShape() {
        long[] grid = new long[shape.length];
        for (int d = 0; d < grid.length; d++) {
            grid[d] = (shape[d] + chunkShape[d] - 1) / chunkShape[d];
        }
        return grid;
    }

    /** The {@code codecs} list of the metadata, as this library writes it. */
    public ArrayNode codecsJson() {
        return codecs.toJson(dtype);
    }

    public boolean isSharded() {
        return codecs.sharding() != null;
    }

    /** The dimension names, or an empty list when the array declares none. */
    public List<String> dimensionNames() {
        return dimensionNames == null ? List.of() : dimensionNames;
    }

    public ObjectNode attributes() {
        return attributes.deepCopy();
    }

    /** The {@code zarr.json} text exactly as this library writes it. */
    public String metadataJson() {
        return JsonText.write(toJson());
    }

    /** The chunk key separator, {@code /} or {@code .}. */
    char separator() {
        return separator;
    }

    CodecChain codecs() {
        return codecs;
    }

    /** Bytes of one stored chunk before encoding. */
    int chunkBytes() {
        return (int) Blocks.count(chunkShape) * dtype.byteSize();
    }

    /** Bytes of one inner chunk (of one chunk when not sharded) before encoding. */
    int innerChunkBytes() {
        return (int) Blocks.count(innerChunkShape()) * dtype.byteSize();
    }

    /** The key of the chunk at grid position {@code coords}: {@code {path}/c/1/0} ({@code c/1/0} for a root array). */
    String chunkKey(long... coords) {
        if (coords.length != chunkShape.length) {
            throw new IllegalArgumentException("array " + path + " has rank " + chunkShape.length + ", not " + coords.length);
        }
        StringBuilder key = new StringBuilder(path.length() + 24).append(Keys.join(path, "c"));
        for (long c : coords) {
            key.append(separator).append(c);
        }
        return key.toString();
    }

    /** The key of chunk {@code index} along the first dimension, at 0 in every other: {@code {path}/c/7/0}. */
    String chunkKeyAlongFirst(long index) {
        long[] coords = new long[chunkShape.length];
        coords[0] = index;
        return chunkKey(coords);
    }

    @Override
    public String toString() {
        return "ArraySpec[" + path + " " + dtype.numpyName() + " shape " + Arrays.toString(shape) + " chunks " + Arrays.toString(chunkShape)
                + (isSharded() ? " inner " + Arrays.toString(innerChunkShape()) : "") + "]";
    }
}
