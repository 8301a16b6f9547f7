package io.zagg.store;

import io.zagg.grid.MortonWord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of a chunk's coordinate chunks, {@code cell_ids} and {@code morton}: the NESTED ids
 * of the chunk's cells in ascending order and their {@link MortonWord morton words}, uint64
 * little-endian. They depend on the geometry and the chunk alone, so the writer makes them
 * itself instead of taking them from a carrier. Immutable.
 *
 * <p>Why no {@link MortonWord#fromNested} per cell: a morton word is a sum of terms, each linear
 * in one group of the NESTED digits (the base cell, the body digits, and at orders 28 and 29 the
 * one or two lowest digits that go into the suffix as {@code 5·d28 + d29}). Cell {@code j} of a
 * chunk has the id {@code first + j} with {@code j} below {@code 4^depth} and {@code first} a
 * multiple of it, so the two never share a digit and the word of cell {@code j} is the chunk's
 * first word plus an offset that depends on {@code j} only. By the same argument the offset of
 * {@code 16h + l} (l below 16: the two digits the suffix may hold) is {@code h} times the offset
 * of 16 plus the offset of {@code l}. So a chunk needs one {@code fromNested} and the sixteen
 * offsets below, the same for every chunk of the grid.
 */
final class ChunkCoordinates {

    /** Cells whose offsets are tabled: two NESTED digits, the most the suffix folds in. */
    private static final int BLOCK = 16;

    private final int cellOrder;
    private final int cells;
    /** The word offset of cell {@code l} of a chunk, for l below {@code min(16, cells)}. */
    private final long[] offsets;
    /** The word offset of cell 16, i.e. of each further block of 16 cells (0 when a chunk has fewer). */
    private final long blockStep;

    ChunkCoordinates(HealpixGeometry geometry) {
        this.cellOrder = geometry.cellOrder();
        this.cells = geometry.cellsPerChunk();
        this.offsets = new long[Math.min(BLOCK, cells)];
        long zero = MortonWord.fromNested(0, cellOrder);
        for (int l = 0; l < offsets.length; l++) {
            offsets[l] = MortonWord.fromNested(l, cellOrder) - zero;
        }
        this.blockStep = cells > BLOCK ? MortonWord.fromNested(BLOCK, cellOrder) - zero : 0;
    }

    /** Bytes of one coordinate chunk: 8 per cell. */
    int chunkBytes() {
        return cells * Long.BYTES;
    }

    /**
     * Writes the {@code cell_ids} chunk of chunk {@code chunk} (its NESTED id at the chunk order)
     * into {@code scratch} (at least {@link #chunkBytes()}), and returns the bytes: a little-endian
     * view of {@code scratch} from 0 to {@code chunkBytes()}.
     */
    ByteBuffer cellIds(long chunk, ByteBuffer scratch) {
        ByteBuffer out = view(scratch);
        long first = chunk * cells;
        for (int i = 0; i < cells; i++) {
            out.putLong(i * Long.BYTES, first + i);
        }
        return out;
    }

    /** Writes the {@code morton} chunk of chunk {@code chunk} into {@code scratch}, as {@link #cellIds}. */
    ByteBuffer morton(long chunk, ByteBuffer scratch) {
        ByteBuffer out = view(scratch);
        long block = MortonWord.fromNested(chunk * cells, cellOrder);
        for (int i = 0; i < cells; block += blockStep) {
            for (long offset : offsets) {
                out.putLong(i * Long.BYTES, block + offset);
                i++;
            }
        }
        return out;
    }

    private ByteBuffer view(ByteBuffer scratch) {
        if (scratch.capacity() < chunkBytes()) {
            throw new IllegalArgumentException("a coordinate chunk of " + cells + " cells needs " + chunkBytes() + " bytes, the buffer holds "
                    + scratch.capacity());
        }
        return scratch.duplicate().clear().limit(chunkBytes()).order(ByteOrder.LITTLE_ENDIAN);
    }
}
