package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Both {@link Inflate} implementations: a stream inflates exactly into place from direct and heap
 * input; short, long, cut and corrupt streams (checksum included) fail with the same kinds of
 * error; the inflater is sound again after a failure. The libdeflate cases skip when the library
 * is not installed ({@code apt-get install libdeflate0}; CI installs it).
 */
class InflateTest {

    private static final byte[] PLAIN = plain(5000, 11);
    private static final byte[] ZLIB = deflate(PLAIN, 6);

    static byte[] plain(int n, long seed) {
        byte[] b = new byte[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 7 == 0 ? r.nextInt() : i / 100); // runs and noise: a few deflate blocks
        }
        return b;
    }

    static byte[] deflate(byte[] plain, int level) {
        Deflater d = new Deflater(level);
        d.setInput(plain);
        d.finish();
        byte[] out = new byte[plain.length + 64];
        int n = d.deflate(out);
        d.end();
        return Arrays.copyOf(out, n);
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    /** True when libdeflate loads here; the caller's libdeflate cases are skipped (with why) otherwise. */
    static void assumeLibdeflate() {
        assumeTrue(Inflation.decide("auto", Inflation.LIBRARY) == Inflation.Kind.LIBDEFLATE,
                "libdeflate is not installed (apt-get install libdeflate0): its cases are skipped");
    }

    private static Inflate libdeflate() {
        assumeLibdeflate();
        return Inflation.Kind.LIBDEFLATE.newInflate();
    }

    @Test
    void zlibInflatesExactlyAndFailsOnBadStreams() throws Exception {
        Inflate zlib = Inflation.Kind.ZLIB.newInflate();
        inflatesExactlyIntoPlace(zlib);
        badStreamsFailAndTheInflaterRecovers(zlib);
        DecodeBuffers.InflateMismatch cut = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> zlib.inflate(direct(Arrays.copyOf(ZLIB, ZLIB.length / 2)), new byte[PLAIN.length], 0, PLAIN.length));
        assertTrue(cut.getMessage().matches("it inflates to \\d+ bytes, not 5000: the stream is cut short"), cut.getMessage());
        assertEquals("incorrect data check", assertThrows(DataFormatException.class,
                () -> zlib.inflate(direct(badChecksum()), new byte[PLAIN.length], 0, PLAIN.length)).getMessage());
    }

    @Test
    void libdeflateInflatesExactlyAndFailsOnBadStreams() throws Exception {
        Inflate libdeflate = libdeflate();
        inflatesExactlyIntoPlace(libdeflate);
        badStreamsFailAndTheInflaterRecovers(libdeflate);
        String invalid = "libdeflate: not a valid zlib stream (corrupt, cut short, or its Adler-32 checksum differs)";
        assertEquals(invalid, assertThrows(DataFormatException.class,
                () -> libdeflate.inflate(direct(Arrays.copyOf(ZLIB, ZLIB.length / 2)), new byte[PLAIN.length], 0, PLAIN.length)).getMessage());
        assertEquals(invalid, assertThrows(DataFormatException.class,
                () -> libdeflate.inflate(direct(badChecksum()), new byte[PLAIN.length], 0, PLAIN.length)).getMessage());
    }

    private static byte[] badChecksum() {
        byte[] bad = ZLIB.clone();
        bad[bad.length - 1] ^= 1; // the Adler-32 checksum's last byte
        return bad;
    }

    private static void inflatesExactlyIntoPlace(Inflate inflate) throws Exception {
        byte[] out = new byte[PLAIN.length + 10];
        inflate.inflate(direct(ZLIB), out, 7, PLAIN.length);
        assertArrayEquals(PLAIN, Arrays.copyOfRange(out, 7, 7 + PLAIN.length));
        assertEquals(0, out[6]);
        assertEquals(0, out[7 + PLAIN.length]);
        byte[] again = new byte[PLAIN.length];
        inflate.inflate(ByteBuffer.wrap(ZLIB), again, 0, PLAIN.length);
        assertArrayEquals(PLAIN, again);
        ByteBuffer offsetStream = ByteBuffer.allocateDirect(ZLIB.length + 3).position(3);
        offsetStream.put(ZLIB).position(3); // the stream starts at the buffer's position, not at 0
        byte[] third = new byte[PLAIN.length];
        inflate.inflate(offsetStream, third, 0, PLAIN.length);
        assertArrayEquals(PLAIN, third);
    }

    // the same messages from both where the two libraries can tell the same things
    private static void badStreamsFailAndTheInflaterRecovers(Inflate inflate) throws Exception {
        byte[] out = new byte[PLAIN.length + 1];
        DecodeBuffers.InflateMismatch longer = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> inflate.inflate(direct(ZLIB), out, 0, PLAIN.length - 1));
        assertEquals("it inflates to more than 4999 bytes", longer.getMessage());
        DecodeBuffers.InflateMismatch shorter = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> inflate.inflate(direct(ZLIB), out, 0, PLAIN.length + 1));
        assertEquals("it inflates to 5000 bytes, not 5001", shorter.getMessage());
        byte[] badHeader = ZLIB.clone();
        badHeader[0] = 0x12;
        assertThrows(DataFormatException.class, () -> inflate.inflate(direct(badHeader), out, 0, PLAIN.length));
        inflate.inflate(direct(ZLIB), out, 0, PLAIN.length);
        assertArrayEquals(PLAIN, Arrays.copyOf(out, PLAIN.length));
    }

    @Test
    void bothInflateAnyStreamToTheSameBytes() {
        Inflate libdeflate = libdeflate();
        Inflate zlib = Inflation.Kind.ZLIB.newInflate();
        qt().withExamples(60).forAll(integers().between(0, 200_000), integers().between(0, 9), integers().all())
                .checkAssert((n, level, seed) -> {
                    byte[] plain = plain(n, seed);
                    ByteBuffer stream = direct(deflate(plain, level));
                    byte[] a = new byte[n];
                    byte[] b = new byte[n];
                    try {
                        zlib.inflate(stream.duplicate(), a, 0, n);
                        libdeflate.inflate(stream.duplicate(), b, 0, n);
                    } catch (DataFormatException | DecodeBuffers.InflateMismatch e) {
                        throw new AssertionError(n + " bytes at level " + level + ": " + e.getMessage(), e);
                    }
                    assertArrayEquals(plain, a, "zlib");
                    assertArrayEquals(plain, b, "libdeflate");
                });
    }
}
