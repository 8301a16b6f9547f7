package io.zagg.read;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * One thread's chunk-decoding state, kept across chunks, datasets and granules: its inflater
 * ({@link Inflate}, of the kind {@link Inflation} chose: zlib's state and window, or a
 * libdeflate decompressor, set up once instead of once per chunk), a direct buffer for stored
 * chunk bytes and a byte array for inflated ones. Each grows to the largest chunk seen; buffers
 * beyond {@link #KEEP_LIMIT} serve one chunk and are not kept, so an odd dataset with huge chunks
 * leaves no lasting memory behind on pool threads.
 */
final class DecodeBuffers {

    static final int KEEP_LIMIT = 4 << 20;

    private static final ThreadLocal<DecodeBuffers> MINE = ThreadLocal.withInitial(DecodeBuffers::new);

    private final DirectScratch stored = new DirectScratch();
    private final Inflate[] inflaters = new Inflate[Inflation.Kind.values().length]; // made on first use
    private byte[] inflated = new byte[0];

    private DecodeBuffers() {
    }

    /** The calling thread's buffers. */
    static DecodeBuffers mine() {
        return MINE.get();
    }

    /** A direct buffer with room for {@code bytes}, its contents undefined. */
    ByteBuffer stored(int bytes) {
        return stored.room(bytes);
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
     * fill exactly, with this thread's inflater of the chosen kind: see {@link Inflate#inflate}.
     */
    void inflate(ByteBuffer in, byte[] out, int offset, int length) throws DataFormatException, InflateMismatch {
        Inflation.Kind kind = Inflation.kind();
        Inflate inflater = inflaters[kind.ordinal()];
        if (inflater == null) {
            inflater = inflaters[kind.ordinal()] = kind.newInflate();
        }
        inflater.inflate(in, out, offset, length);
    }

    /** A chunk whose stream inflates to the wrong number of bytes. */
    static final class InflateMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        InflateMismatch(String message) {
            super(message);
        }

        static String shorter(long got, int length) {
            return "it inflates to " + got + " bytes, not " + length;
        }

        static String longer(int length) {
            return "it inflates to more than " + length + " bytes";
        }
    }
}
