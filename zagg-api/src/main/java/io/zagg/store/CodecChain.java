package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code codecs} of an array (or of the inner chunks of a shard): one array-to-bytes codec,
 * {@code bytes} (little-endian) or {@code sharding_indexed}, then bytes-to-bytes codecs applied
 * in order on encode and in reverse on decode.
 */
final class CodecChain {

    private final ShardingCodec sharding;
    private final List<BytesCodec> bytesCodecs;

    private CodecChain(ShardingCodec sharding, List<BytesCodec> bytesCodecs) {
        this.sharding = sharding;
        this.bytesCodecs = List.copyOf(bytesCodecs);
    }

    /** {@code bytes}, then the compressor's codec if any. */
    static CodecChain plain(Compressor compressor) {
        BytesCodec codec = compressor.codec();
        return new CodecChain(null, codec == null ? List.of() : List.of(codec));
    }

    /** {@code bytes} then the given codecs (e.g. a shard index's {@code crc32c}). */
    static CodecChain plain(List<BytesCodec> codecs) {
        return new CodecChain(null, codecs);
    }

    /** One {@code sharding_indexed} codec whose inner chunks of {@code innerShape} use {@code inner}. */
    static CodecChain sharded(int[] innerShape, CodecChain inner) {
        return new CodecChain(new ShardingCodec(innerShape, inner, true), List.of());
    }

    /** The sharding codec, or null when chunks are stored whole. */
    ShardingCodec sharding() {
        return sharding;
    }

    ArrayNode toJson(DType dtype) {
        ArrayNode json = JsonText.NODES.arrayNode();
        if (sharding != null) {
            json.add(sharding.toJson(dtype));
        } else {
            json.add(bytesCodecJson(dtype));
        }
        bytesCodecs.forEach(c -> json.add(c.toJson()));
        return json;
    }

    /** zarr-python's {@code bytes} entry: no endianness for one-byte types. */
    static ObjectNode bytesCodecJson(DType dtype) {
        ObjectNode json = JsonText.object().put("name", "bytes");
        if (dtype.byteSize() > 1) {
            json.putObject("configuration").put("endian", "little");
        }
        return json;
    }

    /**
     * Reads a {@code codecs} list.
     *
     * @throws IllegalArgumentException naming the array and codec when the list is not one we read
     */
    static CodecChain fromJson(JsonNode codecs, String where) {
        if (codecs == null || !codecs.isArray() || codecs.isEmpty()) {
            throw new IllegalArgumentException(where + ": codecs is not a non-empty list");
        }
        JsonNode first = codecs.get(0);
        String name = first.path("name").asText("");
        ShardingCodec sharding = null;
        if (name.equals("sharding_indexed")) {
            sharding = ShardingCodec.fromJson(first.path("configuration"), where);
        } else if (name.equals("bytes")) {
            String endian = first.path("configuration").path("endian").asText("little");
            if (!endian.equals("little")) {
                throw new IllegalArgumentException(where + ": bytes codec with endian '" + endian + "' is not supported (little is)");
            }
        } else {
            throw new IllegalArgumentException(where + ": the first codec is '" + name + "'; bytes or sharding_indexed is supported there");
        }
        List<BytesCodec> rest = new ArrayList<>();
        for (int i = 1; i < codecs.size(); i++) {
            rest.add(BytesCodec.fromJson(codecs.get(i), where));
        }
        return new CodecChain(sharding, rest);
    }

    /**
     * Encodes one chunk's little-endian element bytes (position to limit, left unchanged). With
     * no bytes-to-bytes codec the result is the input itself: callers that keep it must copy.
     */
    ByteBuffer encode(ByteBuffer le) {
        if (sharding != null) {
            throw new IllegalStateException("a sharded chunk is encoded from its inner chunks");
        }
        return applyBytesCodecs(le);
    }

    /** Applies the bytes-to-bytes codecs after sharding to an assembled shard. */
    ByteBuffer encodeShard(ByteBuffer shard) {
        return applyBytesCodecs(shard);
    }

    private ByteBuffer applyBytesCodecs(ByteBuffer bytes) {
        ByteBuffer out = bytes;
        for (BytesCodec codec : bytesCodecs) {
            out = codec.encode(out);
        }
        return out;
    }

    /** Receives one decoded piece of a stored chunk: its origin in the chunk and its little-endian elements. */
    @FunctionalInterface
    interface PieceVisitor {
        void visit(int[] origin, ByteBuffer elements) throws IOException;
    }

    /**
     * Decodes one stored chunk into its little-endian elements (a buffer positioned at 0 of
     * {@code count(chunkShape) * dtype.byteSize()} bytes).
     */
    ByteBuffer decode(ByteBuffer stored, int[] chunkShape, DType dtype, FillValue fill, String where) throws IOException {
        ByteBuffer bytes = undoBytesCodecs(stored, where);
        if (sharding != null) {
            return sharding.decode(bytes, chunkShape, dtype, fill, where);
        }
        return wholeChunk(bytes, chunkShape, dtype, where);
    }

    /**
     * Decodes one stored chunk piece by piece, so a sparse shard is never expanded to its full
     * size: each inner chunk present in a shard (absent ones are skipped), or the whole chunk
     * when the array is not sharded.
     */
    void decodePieces(ByteBuffer stored, int[] chunkShape, DType dtype, FillValue fill, String where, PieceVisitor visitor) throws IOException {
        ByteBuffer bytes = undoBytesCodecs(stored, where);
        if (sharding != null) {
            sharding.forEachInner(bytes, chunkShape, dtype, fill, where, visitor);
        } else {
            visitor.visit(new int[chunkShape.length], wholeChunk(bytes, chunkShape, dtype, where));
        }
    }

    private ByteBuffer undoBytesCodecs(ByteBuffer stored, String where) throws IOException {
        ByteBuffer bytes = stored;
        for (int i = bytesCodecs.size() - 1; i >= 0; i--) {
            bytes = bytesCodecs.get(i).decode(bytes, where);
        }
        return bytes;
    }

    private static ByteBuffer wholeChunk(ByteBuffer bytes, int[] chunkShape, DType dtype, String where) throws IOException {
        long expected = Blocks.count(chunkShape) * dtype.byteSize();
        if (bytes.remaining() != expected) {
            throw new IOException(where + ": decoded chunk has " + bytes.remaining() + " bytes, the chunk shape needs " + expected);
        }
        return bytes.slice();
    }

    /** The fixed number of bytes the chain adds (only for chains of {@code crc32c}: a shard index). */
    int fixedOverhead(String where) {
        int overhead = 0;
        for (BytesCodec codec : bytesCodecs) {
            if (!(codec instanceof Crc32cCodec)) {
                throw new IllegalArgumentException(where + ": index_codecs may only add crc32c, not " + codec.toJson().path("name").asText());
            }
            overhead += Crc32cCodec.CHECKSUM_BYTES;
        }
        return overhead;
    }
}
