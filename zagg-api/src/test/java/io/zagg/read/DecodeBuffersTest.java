package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

/**
 * A thread's {@link DecodeBuffers}: it inflates with the kind {@link Inflation} chose (the
 * inflaters themselves: {@link InflateTest}), and keeps buffers for reuse up to
 * {@link DecodeBuffers#KEEP_LIMIT} only.
 */
class DecodeBuffersTest {

    @Test
    void inflatesWithTheKindChosenForTheProcess() throws Exception {
        byte[] plain = InflateTest.plain(3000, 5);
        byte[] broken = InflateTest.deflate(plain, 6);
        broken[broken.length - 1] ^= 1; // its Adler-32 checksum
        Inflation.Kind before = Inflation.kind();
        try {
            Inflation.use(Inflation.Kind.ZLIB);
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> DecodeBuffers.mine().inflate(ByteBuffer.wrap(broken), new byte[3000], 0, 3000));
            assertEquals("incorrect data check", e.getMessage(), "zlib's own message");
            InflateTest.assumeLibdeflate();
            Inflation.use(Inflation.Kind.LIBDEFLATE);
            e = assertThrows(DataFormatException.class, () -> DecodeBuffers.mine().inflate(ByteBuffer.wrap(broken), new byte[3000], 0, 3000));
            assertTrue(e.getMessage().startsWith("libdeflate: "), e.getMessage());
        } finally {
            Inflation.use(before);
        }
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
