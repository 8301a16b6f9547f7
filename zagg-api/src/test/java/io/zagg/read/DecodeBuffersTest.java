package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * A thread's {@link DecodeBuffers}: inflating fills exactly the bytes asked for or fails (short,
 * long, corrupt and checksum-broken streams), the inflater is sound again after a failure, and
 * buffers are kept for reuse up to {@link DecodeBuffers#KEEP_LIMIT} only.
 */
class DecodeBuffersTest {

    private static final byte[] PLAIN = plain(5000);
    private static final byte[] ZLIB = deflate(PLAIN);

    private static byte[] plain(int n) {
        byte[] b = new byte[n];
        Random r = new Random(11);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 7 == 0 ? r.nextInt() : i / 100); // runs and noise: a few deflate blocks
        }
        return b;
    }

    private static byte[] deflate(byte[] plain) {
        Deflater d = new Deflater(6);
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

    @Test
    void inflatesExactlyIntoPlaceFromDirectAndHeapInput() throws Exception {
        DecodeBuffers b = DecodeBuffers.mine();
        byte[] out = new byte[PLAIN.length + 10];
        b.inflate(direct(ZLIB), out, 7, PLAIN.length);
        assertArrayEquals(PLAIN, Arrays.copyOfRange(out, 7, 7 + PLAIN.length));
        assertEquals(0, out[6]);
        assertEquals(0, out[7 + PLAIN.length]);
        byte[] again = new byte[PLAIN.length];
        b.inflate(ByteBuffer.wrap(ZLIB), again, 0, PLAIN.length);
        assertArrayEquals(PLAIN, again);
    }

    @Test
    void streamsOfTheWrongLengthOrCorruptFailAndTheInflaterRecovers() throws Exception {
        DecodeBuffers b = DecodeBuffers.mine();
        byte[] out = new byte[PLAIN.length + 1];
        DecodeBuffers.InflateMismatch longer = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> b.inflate(direct(ZLIB), out, 0, PLAIN.length - 1));
        assertEquals("it inflates to more than 4999 bytes", longer.getMessage());
        DecodeBuffers.InflateMismatch shorter = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> b.inflate(direct(ZLIB), out, 0, PLAIN.length + 1));
        assertEquals("it inflates to 5000 bytes, not 5001", shorter.getMessage());
        DecodeBuffers.InflateMismatch cut = assertThrows(DecodeBuffers.InflateMismatch.class,
                () -> b.inflate(direct(Arrays.copyOf(ZLIB, ZLIB.length / 2)), out, 0, PLAIN.length));
        assertTrue(cut.getMessage().matches("it inflates to \\d+ bytes, not 5000: the stream is cut short"), cut.getMessage());
        byte[] badSum = ZLIB.clone();
        badSum[badSum.length - 1] ^= 1; // the Adler-32 checksum's last byte
        DataFormatException sum = assertThrows(DataFormatException.class, () -> b.inflate(direct(badSum), out, 0, PLAIN.length));
        assertEquals("incorrect data check", sum.getMessage());
        byte[] badHeader = ZLIB.clone();
        badHeader[0] = 0x12;
        assertThrows(DataFormatException.class, () -> b.inflate(direct(badHeader), out, 0, PLAIN.length));
        b.inflate(direct(ZLIB), out, 0, PLAIN.length);
        assertArrayEquals(PLAIN, Arrays.copyOf(out, PLAIN.length));
    }

    @Test
    void buffersAreKeptForReuseUpToTheLimit() {
        DecodeBuffers b = DecodeBuffers.mine();
        assertSame(b, DecodeBuffers.mine());
        ByteBuffer stored = b.stored(1000);
        assertTrue(stored.isDirect() && stored.capacity() >= 1000);
        assertSame(stored, b.stored(10));
        byte[] inflated = b.inflated(2000);
        assertSame(inflated, b.inflated(1500));
        ByteBuffer huge = b.stored(DecodeBuffers.KEEP_LIMIT + 1);
        assertEquals(DecodeBuffers.KEEP_LIMIT + 1, huge.capacity());
        assertNotSame(huge, b.stored(DecodeBuffers.KEEP_LIMIT + 1));
        assertSame(stored, b.stored(1000));
        byte[] big = b.inflated(DecodeBuffers.KEEP_LIMIT + 1);
        assertNotSame(big, b.inflated(DecodeBuffers.KEEP_LIMIT + 1));
        assertSame(inflated, b.inflated(2000));
    }

    @Test
    void eachThreadHasItsOwn() throws InterruptedException {
        DecodeBuffers[] other = new DecodeBuffers[1];
        Thread t = new Thread(() -> other[0] = DecodeBuffers.mine());
        t.start();
        t.join();
        assertNotSame(DecodeBuffers.mine(), other[0]);
    }
}
