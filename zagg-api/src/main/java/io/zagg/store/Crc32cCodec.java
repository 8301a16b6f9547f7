package io.zagg.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Zarr v3 {@code crc32c}: the bytes followed by their CRC-32C, 4 bytes little-endian. */
final class Crc32cCodec implements BytesCodec {

    static final int CHECKSUM_BYTES = 4;

    @Override
    public ObjectNode toJson() {
        return JsonText.object().put("name", "crc32c");
    }

    @Override
    public ByteBuffer encode(ByteBuffer in) {
        ByteBuffer out = ByteBuffer.allocate(in.remaining() + CHECKSUM_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(in.duplicate());
        out.putInt((int) checksum(in.duplicate()));
        return out.flip();
    }

    @Override
    public ByteBuffer decode(ByteBuffer in, String where) throws IOException {
        if (in.remaining() < CHECKSUM_BYTES) {
            throw new IOException(where + ": " + in.remaining() + " bytes are too few for a crc32c checksum");
        }
        ByteBuffer body = in.duplicate();
        body.limit(in.limit() - CHECKSUM_BYTES);
        long stored = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(in.limit() - CHECKSUM_BYTES) & 0xffffffffL;
        long computed = checksum(body.duplicate());
        if (stored != computed) {
            throw new IOException(String.format("%s: crc32c checksum mismatch (stored %08x, computed %08x)", where, stored, computed));
        }
        ByteBuffer out = ByteBuffer.allocate(body.remaining());
        out.put(body);
        return out.flip();
    }

    private static long checksum(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }
}
