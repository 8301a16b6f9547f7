package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A Zarr v3 bytes-to-bytes codec: {@code crc32c}, {@code gzip} or {@code zstd}. */
interface BytesCodec {

    /** The codec's entry in a {@code codecs} list. */
    ObjectNode toJson();

    /**
     * Encodes the bytes between the buffer's position and limit (left unchanged) into a new
     * buffer positioned at 0.
     */
    ByteBuffer encode(ByteBuffer in);

    /**
     * Decodes stored bytes (position to limit, left unchanged) into a new buffer positioned at 0.
     *
     * @param where names the object in errors, e.g. {@code "19/h_mean/c/12"}
     * @throws IOException when the bytes are not a valid encoding (a wrong checksum, a broken stream)
     */
    ByteBuffer decode(ByteBuffer in, String where) throws IOException;

    /**
     * The codec a {@code codecs} entry names.
     *
     * @throws IllegalArgumentException naming the codec when it is not one of ours
     */
    static BytesCodec fromJson(JsonNode entry, String where) {
        String name = entry.path("name").asText("");
        JsonNode config = entry.path("configuration");
        switch (name) {
            case "crc32c":
                return new Crc32cCodec();
            case "gzip":
                return new GzipCodec(config.path("level").asInt(Compressor.DEFAULT_GZIP_LEVEL));
            case "zstd":
                return new ZstdCodec(config.path("level").asInt(0), config.path("checksum").asBoolean(false));
            default:
                throw new IllegalArgumentException(where + ": codec '" + name + "' is not supported (bytes, crc32c, gzip, zstd, sharding_indexed are)");
        }
    }

    /** The bytes as an array slice: the backing array when there is one, else a copy. */
    static byte[] array(ByteBuffer in) {
        if (in.hasArray() && in.arrayOffset() == 0 && in.position() == 0 && in.remaining() == in.array().length) {
            return in.array();
        }
        byte[] copy = new byte[in.remaining()];
        in.duplicate().get(copy);
        return copy;
    }
}
