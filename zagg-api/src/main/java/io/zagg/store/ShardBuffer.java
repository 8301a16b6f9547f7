package io.zagg.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One shard object being assembled: encoded inner chunks are copied in as they arrive, and the
 * finished object lists them in C order of position. When they arrive in that order (a shard
 * writer's usual case) the collected bytes already are the object and only the index is
 * appended, so an uncompressed chunk is copied once on its way to the store.
 */
final class ShardBuffer {

    private final CodecChain index;
    private final long[] table;
    private final int indexBytes;
    private final long fullBytes;
    private byte[] data = new byte[0];
    private int size;
    private int lastSlot = -1;
    private boolean inOrder = true;

    /**
     * A shard of {@code chunks} inner chunks of at most {@code chunkBytes} bytes together. The
     * buffer holds the first chunk alone (a sparse shard stays small) and grows to the whole
     * shard's size at the second, so a dense uncompressed shard is copied no more than once.
     */
    ShardBuffer(CodecChain index, int chunks, long chunkBytes) {
        this.index = index;
        this.table = new long[2 * chunks];
        Arrays.fill(table, ShardingCodec.ABSENT);
        this.indexBytes = table.length * 8 + index.fixedOverhead("shard index");
        this.fullBytes = chunkBytes + indexBytes;
    }

    /** Copies in the encoded inner chunk at C-order position {@code slot} (position to limit). */
    void add(int slot, ByteBuffer encoded) {
        if (table[2 * slot] != ShardingCodec.ABSENT) {
            throw new IllegalStateException("inner chunk " + slot + " of the shard was already added");
        }
        int n = encoded.remaining();
        if ((long) size + n + indexBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a shard of over " + ((long) size + n) + " bytes is over the 2 GiB one object may hold");
        }
        if ((long) size + n + indexBytes > data.length) {
            long grown = Math.max((long) size + n + indexBytes, size == 0 ? 0 : Math.max(fullBytes, data.length + (long) data.length / 2));
            data = Arrays.copyOf(data, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        encoded.duplicate().get(data, size, n);
        table[2 * slot] = size;
        table[2 * slot + 1] = n;
        size += n;
        inOrder &= slot > lastSlot;
        lastSlot = slot;
    }

    boolean isEmpty() {
        return size == 0 && lastSlot < 0;
    }

    /** The shard object: chunks in C order, then the index (or the index first). */
    ByteBuffer finish(boolean indexAtEnd) {
        byte[] out;
        long[] offsets = table.clone();
        if (indexAtEnd && inOrder) {
            out = data.length >= size + indexBytes ? data : Arrays.copyOf(data, size + indexBytes);
        } else {
            out = new byte[size + indexBytes];
            int at = indexAtEnd ? 0 : indexBytes;
            for (int slot = 0; slot < table.length / 2; slot++) {
                if (table[2 * slot] != ShardingCodec.ABSENT) {
                    System.arraycopy(data, (int) table[2 * slot], out, at, (int) table[2 * slot + 1]);
                    offsets[2 * slot] = at;
                    at += (int) table[2 * slot + 1];
                }
            }
        }
        ByteBuffer raw = ByteBuffer.allocate(table.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(offsets);
        ByteBuffer encodedIndex = index.encode(raw);
        encodedIndex.get(out, indexAtEnd ? size : 0, indexBytes);
        data = null;
        return ByteBuffer.wrap(out, 0, size + indexBytes);
    }
}
