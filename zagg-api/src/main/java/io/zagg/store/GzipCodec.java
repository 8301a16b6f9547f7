package io.zagg.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Zarr v3 {@code gzip} (RFC 1952). The header is written here with a zero modification time and
 * OS "unknown" so the bytes depend only on the input and the level (java.util.zip's own stream
 * header changed between JDK releases).
 */
final class GzipCodec implements BytesCodec {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_BYTES = 8;

    private final int level;

    GzipCodec(int level) {
        this.level = level;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = JsonText.object().put("name", "gzip");
        json.putObject("configuration").put("level", level);
        return json;
    }

    @Override
    public ByteBuffer encode(ByteBuffer in) {
        int n = in.remaining();
        byte[] out = new byte[HEADER.length + n + n / 16 + 64 + TRAILER_BYTES];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int size = HEADER.length;
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(in.duplicate());
            deflater.finish();
            while (!deflater.finished()) {
                if (size == out.length - TRAILER_BYTES) {
                    out = Arrays.copyOf(out, out.length + out.length / 2);
                }
                size += deflater.deflate(out, size, out.length - TRAILER_BYTES - size);
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(in.duplicate());
        ByteBuffer trailer = ByteBuffer.wrap(out, size, TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crc.getValue());
        trailer.putInt(n);
        return ByteBuffer.wrap(out, 0, size + TRAILER_BYTES).slice();
    }

    @Override
    public ByteBuffer decode(ByteBuffer in, String where) throws IOException {
        byte[] bytes = BytesCodec.array(in);
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes), 65536)) {
            return ByteBuffer.wrap(gzip.readAllBytes());
        } catch (IOException e) {
            throw new IOException(where + ": gzip data is broken: " + e.getMessage(), e);
        }
    }
}
