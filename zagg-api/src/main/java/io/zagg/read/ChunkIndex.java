package io.zagg.read;

import io.jhdf.HdfFile;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkOffset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.storage.HdfBackingStorage;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the chunks of one chunked dataset lie in its file, and their stored bytes.
 *
 * <p>jhdf maps every chunk it hands out into memory ({@code FileChannel.map}, then an unmap
 * when the buffer is collected): two system calls and a page fault per 4 KB for each chunk.
 * Reading the same bytes with one positional read into a buffer the caller reuses costs a copy
 * from the page cache instead. jhdf 0.13 keeps the chunk records (file address, stored size,
 * filter mask) in a map that only its protected {@code getChunkLookup()} returns; the automatic
 * module {@code io.jhdf} opens its packages, so it is called reflectively, once per dataset.
 */
final class ChunkIndex {

    private static final Method LOOKUP = lookupMethod();
    /**
     * jhdf hands out one dataset object per open file and path, and every shard over a granule
     * reads its datasets again: each index is made once and kept while jhdf keeps its dataset.
     */
    private static final Map<ChunkedDatasetBase, ChunkIndex> MADE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final long UNDEFINED = -1L;

    /** Chunk k starts at row k × chunkRows (every other coordinate 0); null where none does. */
    private final Chunk[] byRow;
    private final long chunkRows;
    private final HdfBackingStorage storage;
    private final FileChannel channel; // null when jhdf holds the file in memory (or behind a URL)
    private final long base;

    private ChunkIndex(Chunk[] byRow, long chunkRows, HdfBackingStorage storage) {
        this.byRow = byRow;
        this.chunkRows = chunkRows;
        this.storage = storage;
        this.channel = storage instanceof HdfFileChannel ? storage.getFileChannel() : null;
        this.base = storage.getSuperblock().getBaseAddressByte();
    }

    private static Method lookupMethod() {
        try {
            Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError("this jhdf version has no ChunkedDatasetBase.getChunkLookup(); "
                    + "io.zagg.read.ChunkIndex needs jhdf 0.13's chunk index: " + e);
        }
    }

    /** The chunk index of {@code dataset}, a dataset of {@code file}; jhdf reads it on first use. */
    static ChunkIndex of(HdfFile file, ChunkedDatasetBase dataset) {
        ChunkIndex made = MADE.get(dataset);
        if (made == null) {
            made = make(file, dataset);
            MADE.put(dataset, made);
        }
        return made;
    }

    @SuppressWarnings("unchecked")
    private static ChunkIndex make(HdfFile file, ChunkedDatasetBase dataset) {
        Map<ChunkOffset, Chunk> chunks;
        try {
            chunks = (Map<ChunkOffset, Chunk>) LOOKUP.invoke(dataset);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call jhdf's chunk lookup: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
        return new ChunkIndex(byRow(chunks.values(), dataset.getChunkDimensions()[0]), dataset.getChunkDimensions()[0],
                file.getHdfBackingStorage());
    }

    /**
     * jhdf's map hashes a chunk offset as {@code 31 + row}; rows are multiples of the chunk size
     * (10,000 in ATL03), which fall into a few of the map's bins, so its lookups walk tree bins.
     * The chunks are placed once into an array by their first row instead.
     */
    private static Chunk[] byRow(Collection<Chunk> chunks, long chunkRows) {
        int count = 0;
        for (Chunk c : chunks) {
            if (alongFirst(c, chunkRows)) {
                count = Math.max(count, Math.toIntExact(c.getChunkOffset()[0] / chunkRows) + 1);
            }
        }
        Chunk[] byRow = new Chunk[count];
        for (Chunk c : chunks) {
            if (alongFirst(c, chunkRows)) {
                byRow[(int) (c.getChunkOffset()[0] / chunkRows)] = c;
            }
        }
        return byRow;
    }

    /** Whether the chunk starts on a chunk boundary of the first dimension and at 0 in every other. */
    private static boolean alongFirst(Chunk c, long chunkRows) {
        long[] offset = c.getChunkOffset();
        for (int d = 1; d < offset.length; d++) {
            if (offset[d] != 0) {
                return false;
            }
        }
        return offset[0] % chunkRows == 0;
    }

    /** The chunk whose first row is {@code row} (every other coordinate 0), or {@code null} when none was written. */
    Chunk chunkAt(long row) {
        long k = row / chunkRows;
        Chunk chunk = row % chunkRows != 0 || row < 0 || k >= byRow.length ? null : byRow[(int) k];
        // array indices (HDF5 1.10+) list unwritten chunks too, at HDF5's undefined address (all ones)
        return chunk == null || chunk.getAddress() == UNDEFINED ? null : chunk;
    }

    /**
     * The stored bytes of {@code chunk}: read into {@code into} (a buffer with room for
     * {@link Chunk#getSize()} bytes, direct so the read needs no copy of its own) or, for a file
     * jhdf does not read through a file channel, a view of them; positioned at the first byte,
     * limited after the last.
     *
     * @throws IOException when the file ends inside the chunk or cannot be read
     */
    ByteBuffer read(Chunk chunk, ByteBuffer into) throws IOException {
        long address = base + chunk.getAddress();
        int size = chunk.getSize();
        if (channel == null) {
            return storage.mapNoOffset(address, size);
        }
        into.clear().limit(size);
        while (into.hasRemaining()) {
            if (channel.read(into, address + into.position()) < 0) {
                throw new IOException("the file ends at byte " + (address + into.position()) + ", inside the chunk of "
                        + size + " bytes that starts at byte " + address);
            }
        }
        return into.flip();
    }
}
