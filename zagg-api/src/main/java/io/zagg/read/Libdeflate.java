package io.zagg.read;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * The few functions of libdeflate (Debian's {@code libdeflate0}) that {@link LibdeflateInflate}
 * calls, bound by JNA's direct mapping (native static methods: no proxy, no argument conversion
 * beyond JNI's). Pointers and {@code size_t} pass as {@code long}, so it binds on 64-bit JVMs
 * only. Only {@link Inflation} loads this class, and only when libdeflate may be used: a run on
 * zlib never touches JNA.
 */
final class Libdeflate {

    /** {@code enum libdeflate_result}: the stream is fine. */
    static final int SUCCESS = 0;
    /** Not a valid zlib stream: corrupt, cut short, or its Adler-32 checksum differs. */
    static final int BAD_DATA = 1;
    /** The stream inflates to more bytes than the output holds. */
    static final int INSUFFICIENT_SPACE = 3;

    private static boolean bound;

    private Libdeflate() {
    }

    /**
     * Loads the library JNA finds by {@code name} ({@code "deflate"}: {@code libdeflate.so.0} on
     * Linux) and, the first time one loads, binds the functions to it (once per process).
     *
     * @throws UnsatisfiedLinkError when the library or one of its functions cannot be found
     */
    static synchronized void bind(String name) {
        if (Native.POINTER_SIZE != 8) {
            throw new UnsatisfiedLinkError("the libdeflate binding passes pointers as 64-bit values; this JVM's are "
                    + Native.POINTER_SIZE * 8 + "-bit");
        }
        NativeLibrary library = NativeLibrary.getInstance(name); // JNA keeps loaded libraries: cheap after the first time
        if (!bound) {
            Native.register(Libdeflate.class, library);
            bound = true;
        }
    }

    /** The address of a direct buffer's first byte (its position ignored). */
    static long address(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** {@code struct libdeflate_decompressor *libdeflate_alloc_decompressor(void)}; 0 when out of memory. */
    static native long libdeflate_alloc_decompressor();

    /** {@code void libdeflate_free_decompressor(struct libdeflate_decompressor *d)}. */
    static native void libdeflate_free_decompressor(long decompressor);

    /**
     * {@code enum libdeflate_result libdeflate_zlib_decompress(d, in, in_nbytes, out,
     * out_nbytes_avail, size_t *actual_out_nbytes_ret)}: with {@code actual} set, a stream that
     * inflates to fewer bytes than {@code outAvail} succeeds and writes its size there.
     */
    static native int libdeflate_zlib_decompress(long decompressor, long in, long inBytes, long out, long outAvail, long actual);
}
