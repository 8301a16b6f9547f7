package io.zagg.read;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One thread's chunk-decoding state, kept across chunks, datasets and granules: an
 * {@link Inflater} (zlib's state and 32 KB window, set up once instead of once per chunk), a
 * direct buffer for stored chunk bytes and a byte array for inflated ones. Each grows to the
 * largest chunk seen; buffers beyond {@link #KEEP_LIMIT} serve one chunk and are not kept, so an
 * odd dataset with huge chunks leaves no lasting memory behind on pool threads.
 */
final class DecodeBuffers {

    static final int KEEP_LIMIT = 4 << 20;

    private static final ThreadLocal<DecodeBuffers> MINE = ThreadLocal.withInitial(DecodeBuffers::new);

    private final Inflater inflater = new Inflater();
    private final byte[] probe = new byte[1];
    private ByteBuffer stored = ByteBuffer.allocateDirect(0);
    private byte[] inflated = new byte[0];

    private DecodeBuffers() {
    }

    /** The calling thread's buffers. */
    static DecodeBuffers mine() {
        return MINE.get();
    }

    /** A direct buffer with room for {@code bytes}, its contents undefined. */
    ByteBuffer stored(int bytes) {
        if (stored.capacity() >= bytes) {
            return stored;
        }
        ByteBuffer b = ByteBuffer.allocateDirect(bytes);
        if (bytes <= KEEP_LIMIT) {
            stored = b;
        }
        return b;
    }

    /** An array of at least {@code bytes}, its contents undefined. */
    byte[] inflated(int bytes) {
        if (inflated.length >= bytes) {
            return inflated;
        }
        byte[] b = new byte[bytes];
        if (bytes <= KEEP_LIMIT) {
            inflated = b;
        }
        return b;
    }

    /**
     * Inflates the zlib stream {@code in} into {@code out[offset, offset + length)}, which it must
     * fill exactly: a stream that ends early, is cut short or runs on past {@code length} bytes
     * is an {@link InflateMismatch}, one that is not valid zlib (Adler-32 checksum included) a
     * {@link DataFormatException}.
     */
    void inflate(ByteBuffer in, byte[] out, int offset, int length) throws DataFormatException, InflateMismatch {
        inflater.reset();
        inflater.setInput(in);
        int got = 0;
        while (got < length) { // one call fills the output unless the stream ends early
            int n = inflater.inflate(out, offset + got, length - got);
            if (n == 0) {
                break; // finished, cut short, or asking for a preset dictionary: none will fill it
            }
            got += n;
        }
        if (got < length) {
            throw new InflateMismatch("it inflates to " + got + " bytes, not " + length
                    + (inflater.finished() ? "" : ": the stream is cut short"));
        }
        if (!streamEnds()) {
            throw new InflateMismatch("it inflates to more than " + length + " bytes");
        }
    }

    // zlib may stop at a full output buffer before it reads the end of the stream and its checksum
    private boolean streamEnds() throws DataFormatException {
        return inflater.finished() || inflater.inflate(probe) == 0 && inflater.finished();
    }

    /** A chunk whose stream inflates to the wrong number of bytes. */
    static final class InflateMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        InflateMismatch(String message) {
            super(message);
        }
    }
}
