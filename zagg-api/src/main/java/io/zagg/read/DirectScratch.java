package io.zagg.read;

import java.nio.ByteBuffer;

/**
 * A direct buffer one thread reuses chunk after chunk: it grows to the largest size asked for up
 * to {@link DecodeBuffers#KEEP_LIMIT}; a larger request gets a buffer of its own that is not kept,
 * so an odd dataset with huge chunks leaves no lasting memory behind on pool threads.
 */
final class DirectScratch {

    private ByteBuffer kept = ByteBuffer.allocateDirect(0);

    /** A direct buffer with room for {@code bytes}, its contents undefined. */
    ByteBuffer room(int bytes) {
        if (kept.capacity() >= bytes) {
            return kept;
        }
        ByteBuffer b = ByteBuffer.allocateDirect(bytes);
        if (bytes <= DecodeBuffers.KEEP_LIMIT) {
            kept = b;
        }
        return b;
    }
}
