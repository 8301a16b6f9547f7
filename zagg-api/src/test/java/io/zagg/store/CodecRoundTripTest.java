package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every bytes-to-bytes codec decodes what it encoded, for random payloads of every texture. */
class CodecRoundTripTest {

    /** Random bytes of a texture: 0 noise, 1 runs, 2 small-range floats-like, 3 zeros. */
    static ByteBuffer payload(long seed, int size, int texture, int offset) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[offset + size];
        for (int i = offset; i < bytes.length; i++) {
            switch (texture) {
                case 0: bytes[i] = (byte) random.nextInt(); break;
                case 1: bytes[i] = (byte) ((i - offset) / (1 + random.nextInt(64)) % 7); break;
                case 2: bytes[i] = (byte) ((i & 3) == 3 ? 0x42 : random.nextInt(4)); break;
                default: bytes[i] = 0;
            }
        }
        // a view not starting at the array's first byte, as a slice of a larger buffer would be
        return ByteBuffer.wrap(bytes, offset, size).slice();
    }

    private static boolean roundTrips(BytesCodec codec, ByteBuffer in) throws IOException {
        ByteBuffer before = in.duplicate();
        ByteBuffer decoded = codec.decode(codec.encode(in), "test chunk");
        return decoded.equals(before) && in.equals(before);
    }

    @Test
    void crc32cRoundTrips() {
        qt().forAll(longs().all(), integers().between(0, 5000), integers().between(0, 3), integers().between(0, 9))
                .checkAssert((seed, size, texture, offset) -> assertTrue(uncheck(() -> roundTrips(new Crc32cCodec(), payload(seed, size, texture, offset)))));
    }

    @Test
    void gzipRoundTripsAtEveryLevel() {
        qt().forAll(longs().all(), integers().between(0, 20000), integers().between(0, 3), integers().between(0, 9))
                .checkAssert((seed, size, texture, level) -> assertTrue(uncheck(() -> roundTrips(new GzipCodec(level), payload(seed, size, texture, 3)))));
    }

    @Test
    void zstdRoundTripsAtManyLevels() {
        qt().forAll(longs().all(), integers().between(0, 20000), integers().between(0, 3), integers().between(1, 12))
                .checkAssert((seed, size, texture, level) -> assertTrue(uncheck(() -> roundTrips(new ZstdCodec(level, level % 2 == 0), payload(seed, size, texture, 5)))));
    }

    @Test
    void directBuffersEncodeLikeHeapBuffers() {
        qt().forAll(longs().all(), integers().between(0, 5000)).checkAssert((seed, size) -> {
            ByteBuffer heap = payload(seed, size, 2, 0);
            ByteBuffer direct = ByteBuffer.allocateDirect(size).put(heap.duplicate()).flip();
            for (BytesCodec codec : new BytesCodec[] {new ZstdCodec(3, false), new GzipCodec(5), new Crc32cCodec()}) {
                assertEquals(codec.encode(heap), codec.encode(direct));
            }
        });
    }

    @Test
    void crc32cAppendsTheLittleEndianChecksum() throws IOException {
        ByteBuffer encoded = new Crc32cCodec().encode(ByteBuffer.wrap("123456789".getBytes()));
        // CRC-32C check value of "123456789" is 0xE3069283
        assertEquals(13, encoded.remaining());
        assertEquals((byte) 0x83, encoded.get(9));
        assertEquals((byte) 0xE3, encoded.get(12));
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes());
        assertEquals(0xE3069283L, crc.getValue());
        ByteBuffer broken = ByteBuffer.allocate(13).put(encoded.duplicate()).flip();
        broken.put(0, (byte) '0');
        IOException e = assertThrows(IOException.class, () -> new Crc32cCodec().decode(broken, "19/h_mean/c/3"));
        assertEquals("19/h_mean/c/3: crc32c checksum mismatch (stored e3069283, computed 173844cb)", e.getMessage());
    }

    @Test
    void gzipIsAStandardStreamWithAFixedHeader() throws IOException {
        ByteBuffer encoded = new GzipCodec(5).encode(payload(7, 1000, 1, 0));
        byte[] bytes = BytesCodec.array(encoded);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertEquals(0, bytes[4] | bytes[5] | bytes[6] | bytes[7], "modification time 0, so identical runs write identical bytes");
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            assertEquals(payload(7, 1000, 1, 0), ByteBuffer.wrap(in.readAllBytes()));
        }
    }

    @Test
    void brokenStreamsAreReportedWithTheObject() {
        ByteBuffer garbage = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertTrue(assertThrows(IOException.class, () -> new GzipCodec(5).decode(garbage, "4/x/c/1")).getMessage().startsWith("4/x/c/1: gzip data is broken"));
        assertTrue(assertThrows(IOException.class, () -> new ZstdCodec(3, false).decode(garbage, "4/x/c/1")).getMessage().startsWith("4/x/c/1: zstd data is broken"));
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static <T> T uncheck(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
