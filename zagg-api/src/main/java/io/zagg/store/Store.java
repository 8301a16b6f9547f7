package io.zagg.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A key/value store holding a Zarr hierarchy: the few operations the writer and reader need,
 * so an object store (S3) can implement it as well as a directory does.
 *
 * <p>Keys are {@code /}-separated relative paths ({@code 19/h_mean/c/12}); no segment is empty
 * or starts with {@code .}. Implementations must be safe for concurrent use by many threads
 * writing <em>different</em> keys.
 */
public interface Store {

    /** The object at {@code key}, or empty when there is none. */
    Optional<byte[]> get(String key) throws IOException;

    /**
     * Stores {@code value} (its bytes from position to limit; the buffer is not modified) at
     * {@code key}, replacing any object there. Atomic: a reader sees the old object or the whole
     * new one, never a part, and a crash in the middle leaves the old object.
     */
    void put(String key, ByteBuffer value) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes the object at {@code key}; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /** Removes every object whose key starts with {@code prefix/} ({@code ""}: the whole store). */
    void deleteAll(String prefix) throws IOException;

    /**
     * The names one level below {@code prefix} ({@code ""}: the top), sorted: object names and
     * the next segment of longer keys, each once — the listing of S3's {@code delimiter="/"}.
     */
    List<String> list(String prefix) throws IOException;

    /** Where the store is, for messages: a directory path or a URL. */
    String location();
}
