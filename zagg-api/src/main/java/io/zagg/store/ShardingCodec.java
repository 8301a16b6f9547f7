package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Zarr v3 {@code sharding_indexed}: the encoded inner chunks of a shard back to back in C order
 * of their position, then an index of (offset, nbytes) pairs, uint64 little-endian, one per inner
 * chunk in C order, followed by its CRC-32C. An inner chunk that is absent (fill everywhere)
 * has offset and nbytes 2^64-1 and no bytes.
 */
final class ShardingCodec {

    static final long ABSENT = -1L;

    private final int[] innerShape;
    private final CodecChain inner;
    private final CodecChain index;
    private final boolean indexAtEnd;

    ShardingCodec(int[] innerShape, CodecChain inner, boolean indexAtEnd) {
        this(innerShape, inner, CodecChain.plain(List.of(new Crc32cCodec())), indexAtEnd);
    }

    private ShardingCodec(int[] innerShape, CodecChain inner, CodecChain index, boolean indexAtEnd) {
        this.innerShape = innerShape.clone();
        this.inner = inner;
        this.index = index;
        this.indexAtEnd = indexAtEnd;
    }

    int[] innerShape() {
        return innerShape.clone();
    }

    CodecChain inner() {
        return inner;
    }

    ObjectNode toJson(DType dtype) {
        ObjectNode json = JsonText.object().put("name", "sharding_indexed");
        ObjectNode config = json.putObject("configuration");
        var shape = config.putArray("chunk_shape");
        for (int d : innerShape) {
            shape.add(d);
        }
        config.set("codecs", inner.toJson(dtype));
        config.set("index_codecs", index.toJson(DType.UINT64));
        config.put("index_location", indexAtEnd ? "end" : "start");
        return json;
    }

    static ShardingCodec fromJson(JsonNode config, String where) {
        JsonNode shape = config.path("chunk_shape");
        if (!shape.isArray() || shape.isEmpty()) {
            throw new IllegalArgumentException(where + ": sharding_indexed has no chunk_shape");
        }
        int[] innerShape = new int[shape.size()];
        for (int d = 0; d < innerShape.length; d++) {
            innerShape[d] = shape.get(d).intValue();
            if (innerShape[d] <= 0) {
                throw new IllegalArgumentException(where + ": sharding_indexed chunk_shape " + shape + " is not positive");
            }
        }
        CodecChain inner = CodecChain.fromJson(config.path("codecs"), where + " (inner chunks)");
        CodecChain index = CodecChain.fromJson(config.path("index_codecs"), where + " (shard index)");
        if (index.sharding() != null) {
            throw new IllegalArgumentException(where + ": a shard index cannot itself be sharded");
        }
        index.fixedOverhead(where);
        String location = config.path("index_location").asText("end");
        if (!location.equals("end") && !location.equals("start")) {
            throw new IllegalArgumentException(where + ": index_location '" + location + "' is neither start nor end");
        }
        return new ShardingCodec(innerShape, inner, index, location.equals("end"));
    }

    /** The number of inner chunks in a shard of {@code shardShape}, per dimension. */
    int[] grid(int[] shardShape, String where) {
        if (shardShape.length != innerShape.length) {
            throw new IllegalArgumentException(where + ": sharding chunk_shape has rank " + innerShape.length + ", the shard " + shardShape.length);
        }
        int[] grid = new int[shardShape.length];
        for (int d = 0; d < grid.length; d++) {
            if (shardShape[d] % innerShape[d] != 0) {
                throw new IllegalArgumentException(where + ": shard dimension " + d + " (" + shardShape[d] + ") is not a multiple of the inner chunk (" + innerShape[d] + ")");
            }
            grid[d] = shardShape[d] / innerShape[d];
        }
        return grid;
    }

    /** An empty shard of {@code chunks} inner chunks (at most {@code chunkBytes} together) to add encoded chunks to. */
    ShardBuffer newShard(int chunks, long chunkBytes) {
        return new ShardBuffer(index, chunks, chunkBytes);
    }

    boolean indexAtEnd() {
        return indexAtEnd;
    }

    /**
     * Assembles a shard from its encoded inner chunks, in C order of position; null marks an
     * absent chunk.
     */
    ByteBuffer encode(ByteBuffer[] encodedInner) {
        long total = 0;
        for (ByteBuffer chunk : encodedInner) {
            total += chunk == null ? 0 : chunk.remaining();
        }
        ShardBuffer shard = newShard(encodedInner.length, total);
        for (int i = 0; i < encodedInner.length; i++) {
            if (encodedInner[i] != null) {
                shard.add(i, encodedInner[i]);
            }
        }
        return shard.finish(indexAtEnd);
    }

    /** Decodes a whole shard into its little-endian elements; absent inner chunks read as fill. */
    ByteBuffer decode(ByteBuffer stored, int[] shardShape, DType dtype, FillValue fill, String where) throws IOException {
        int elementBytes = dtype.byteSize();
        ByteBuffer out = fill.filled(Math.toIntExact(Blocks.count(shardShape)));
        int[] zero = new int[shardShape.length];
        forEachInner(stored, shardShape, dtype, fill, where,
                (at, chunk) -> Blocks.copy(chunk, innerShape, zero, out, shardShape, at, innerShape, elementBytes));
        return out;
    }

    /**
     * Decodes the inner chunks present in a shard, one at a time in C order of position, and
     * hands each to {@code visitor} with its origin in the shard; absent chunks are skipped.
     */
    void forEachInner(ByteBuffer stored, int[] shardShape, DType dtype, FillValue fill, String where, CodecChain.PieceVisitor visitor)
            throws IOException {
        int[] grid = grid(shardShape, where);
        long[] table = readIndex(stored, (int) Blocks.count(grid), where);
        for (int i = 0; i < table.length / 2; i++) {
            ByteBuffer chunk = innerChunk(stored, table, i, dtype, fill, where);
            if (chunk == null) {
                continue;
            }
            int[] at = Blocks.unravel(i, grid);
            for (int d = 0; d < at.length; d++) {
                at[d] *= innerShape[d];
            }
            visitor.visit(at, chunk);
        }
    }

    /** The offset/nbytes table of a shard: {@code 2 * chunks} values. */
    long[] readIndex(ByteBuffer stored, int chunks, String where) throws IOException {
        int indexBytes = 16 * chunks + index.fixedOverhead(where);
        if (stored.remaining() < indexBytes) {
            throw new IOException(where + ": shard of " + stored.remaining() + " bytes is shorter than its index (" + indexBytes + ")");
        }
        ByteBuffer encoded = stored.duplicate();
        if (indexAtEnd) {
            encoded.position(stored.limit() - indexBytes);
        } else {
            encoded.limit(stored.position() + indexBytes);
        }
        ByteBuffer decoded = index.decode(encoded.slice(), new int[] {chunks, 2}, DType.UINT64, FillValue.zero(DType.UINT64), where + " (shard index)");
        long[] table = new long[2 * chunks];
        decoded.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(table);
        return table;
    }

    /** Inner chunk {@code i} decoded, or null when it is absent. */
    ByteBuffer innerChunk(ByteBuffer stored, long[] table, int i, DType dtype, FillValue fill, String where) throws IOException {
        long offset = table[2 * i];
        long nbytes = table[2 * i + 1];
        if (offset == ABSENT && nbytes == ABSENT) {
            return null;
        }
        if (offset < 0 || nbytes < 0 || offset + nbytes > stored.remaining()) {
            throw new IOException(where + ": inner chunk " + i + " at offset " + offset + " of " + nbytes + " bytes lies outside the shard's " + stored.remaining() + " bytes");
        }
        ByteBuffer bytes = stored.duplicate();
        bytes.position(stored.position() + (int) offset).limit(stored.position() + (int) (offset + nbytes));
        return inner.decode(bytes.slice(), innerShape, dtype, fill, where + " inner chunk " + i);
    }
}
