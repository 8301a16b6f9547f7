package io.zagg.read;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates with {@link java.util.zip.Inflater} (the JDK's zlib), one kept per thread: zlib's state
 * and 32 KB window are set up once instead of once per chunk.
 */
final class ZlibInflate implements Inflate {

    private final Inflater inflater = new Inflater();
    private final byte[] probe = new byte[1];

    @Override
    public void inflate(ByteBuffer in, byte[] out, int offset, int length) throws DataFormatException, DecodeBuffers.InflateMismatch {
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
            throw new DecodeBuffers.InflateMismatch(DecodeBuffers.InflateMismatch.shorter(got, length)
                    + (inflater.finished() ? "" : ": the stream is cut short"));
        }
        if (!streamEnds()) {
            throw new DecodeBuffers.InflateMismatch(DecodeBuffers.InflateMismatch.longer(length));
        }
    }

    // zlib may stop at a full output buffer before it reads the end of the stream and its checksum
    private boolean streamEnds() throws DataFormatException {
        return inflater.finished() || inflater.inflate(probe) == 0 && inflater.finished();
    }
}
