package io.zagg.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Zarr v3 {@code zstd} through zstd-jni: one frame with its content size, single-threaded. */
final class ZstdCodec implements BytesCodec {

    private final int level;
    private final boolean checksum;

    ZstdCodec(int level, boolean checksum) {
        this.level = level;
        this.checksum = checksum;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = JsonText.object().put("name", "zstd");
        json.putObject("configuration").put("level", level).put("checksum", checksum);
        return json;
    }

    @Override
    public ByteBuffer encode(ByteBuffer in) {
        int n = in.remaining();
        byte[] src;
        int offset;
        if (in.hasArray()) {
            src = in.array();
            offset = in.arrayOffset() + in.position();
        } else {
            src = BytesCodec.array(in);
            offset = 0;
        }
        byte[] dst = new byte[Math.toIntExact(Zstd.compressBound(n))];
        long size = Zstd.compressByteArray(dst, 0, dst.length, src, offset, n, level, checksum);
        if (Zstd.isError(size)) {
            throw new IllegalStateException("zstd level " + level + " failed: " + Zstd.getErrorName(size));
        }
        return ByteBuffer.wrap(dst, 0, (int) size).slice();
    }

    @Override
    public ByteBuffer decode(ByteBuffer in, String where) throws IOException {
        byte[] src = BytesCodec.array(in);
        long size = Zstd.getFrameContentSize(src, 0, src.length);
        if (size >= 0 && size <= Integer.MAX_VALUE - 8) {
            byte[] dst = new byte[(int) size];
            long got = Zstd.decompressByteArray(dst, 0, dst.length, src, 0, src.length);
            if (Zstd.isError(got) || got != size) {
                throw new IOException(where + ": zstd data is broken: " + (Zstd.isError(got) ? Zstd.getErrorName(got) : got + " of " + size + " bytes"));
            }
            return ByteBuffer.wrap(dst);
        }
        // a frame without its content size (a streaming writer): decode as a stream
        try (ZstdInputStream zstd = new ZstdInputStream(new ByteArrayInputStream(src))) {
            return ByteBuffer.wrap(zstd.readAllBytes());
        } catch (IOException e) {
            throw new IOException(where + ": zstd data is broken: " + e.getMessage(), e);
        }
    }
}
