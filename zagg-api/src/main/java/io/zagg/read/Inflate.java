package io.zagg.read;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * One thread's inflater of the zlib streams that HDF5's deflate filter writes: each call turns a
 * whole stream into exactly the bytes its chunk holds. {@link ZlibInflate} (java.util.zip) is
 * always there; {@link LibdeflateInflate} calls the OS's libdeflate when {@link Inflation} chose
 * it. Both check the stream's Adler-32 checksum, both fail the same way.
 */
interface Inflate {

    /**
     * Inflates the zlib stream {@code in} (from its position to its limit) into
     * {@code out[offset, offset + length)}, which it must fill exactly: a stream that inflates to
     * fewer or more bytes is an {@link DecodeBuffers.InflateMismatch}, one that is not valid zlib
     * (checksum included) a {@link DataFormatException}. The inflater stays usable after either.
     */
    void inflate(ByteBuffer in, byte[] out, int offset, int length) throws DataFormatException, DecodeBuffers.InflateMismatch;
}
