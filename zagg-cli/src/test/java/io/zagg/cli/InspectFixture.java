package io.zagg.cli;

import io.zagg.spi.DType;
import io.zagg.store.Compressor;
import io.zagg.store.CsrBlock;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.FillValue;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.RunRecord;
import io.zagg.store.ShardWriter;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A small zagg store for {@code zagg inspect}: shard order 1, chunk order 2, cell order 4 (16
 * cells per chunk, 3072 cells, 192 chunks), one shard (40, chunks 160..163, base cell 10) with
 * coordinates for chunks 160..162, a few values in chunks 160 and 162, chunk 161 fill everywhere
 * (so not stored) and chunk 163 not written. The arrays below hold every cell of the shard.
 */
final class InspectFixture {

    static final long SHARD = 40;
    static final int CELLS = 16;
    static final long FIRST_CHUNK = 160;
    static final long FIRST_CELL = FIRST_CHUNK * CELLS;
    /** Chunks of the shard that are written (coordinates at least). */
    static final int WRITTEN_CHUNKS = 3;
    /** Morton words of base cell 10 start at 0xB << 60, above 2^63. */
    static final long MORTON_BASE = 0xB000000000000000L;

    final long[] cellIds = new long[WRITTEN_CHUNKS * CELLS];
    final long[] morton = new long[WRITTEN_CHUNKS * CELLS];
    final float[] hMean = new float[WRITTEN_CHUNKS * CELLS];
    final int[] count = new int[WRITTEN_CHUNKS * CELLS];
    final int[] hist = new int[WRITTEN_CHUNKS * CELLS * 3];
    final double[] offset = {-0.25, Double.NaN, 1e-7};
    final CsrBlock[] digests = new CsrBlock[WRITTEN_CHUNKS];

    InspectFixture() {
        Arrays.fill(hMean, Float.NaN);
        for (int i = 0; i < cellIds.length; i++) {
            cellIds[i] = FIRST_CELL + i;
            morton[i] = MORTON_BASE + FIRST_CELL + i;
        }
        setCell(0, 0.1f, 3);
        setCell(3, -2.25f, 1);
        setCell(7, 100.5f, 12);
        setCell(2 * CELLS + 5, 7f, 2);
        hist[0] = 1;
        hist[2] = 0xFFFFFFFF; // uint32 4294967295
        hist[3 * 7 + 2] = 2;
        digests[0] = CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(1.5f, 1f, 2f, 1f, 3f, 2f), new long[] {0, 1, 3}, new long[] {0, 7});
        digests[1] = CsrBlock.of(DType.FLOAT32, new int[] {2}, ByteBuffer.allocate(0), new long[] {0}, new long[0]);
        digests[2] = CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(7f, 1f, 7f, 1f, 8f, 1f), new long[] {0, 3}, new long[] {5});
    }

    private void setCell(int i, float h, int n) {
        hMean[i] = h;
        count[i] = n;
    }

    static StoreTemplate template(boolean sharded, Compressor compressor) {
        return StoreTemplate.of(HealpixGeometry.of(1, 2, 4).sharded(sharded), compressor, List.of(
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT32)),
                FieldSpec.scalar("count", FillValue.zero(DType.INT32)),
                FieldSpec.vector("hist", FillValue.zero(DType.UINT32), 3),
                FieldSpec.scalar("offset", FillValue.nan(DType.FLOAT64)).atChunkResolution(),
                FieldSpec.ragged("h_tdigest", DType.FLOAT32, 2)));
    }

    /** Writes the shard into a new store at {@code dir}; with a record, finishes the run. */
    void write(Path dir, boolean sharded, Compressor compressor, RunRecord record) throws IOException {
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), template(sharded, compressor), false);
        try (ShardWriter shard = writer.shard(SHARD)) {
            for (int c = 0; c < WRITTEN_CHUNKS; c++) {
                long chunk = FIRST_CHUNK + c;
                int from = c * CELLS;
                int to = from + CELLS;
                shard.writeChunk("cell_ids", chunk, LittleEndian.longs(Arrays.copyOfRange(cellIds, from, to)));
                shard.writeChunk("morton", chunk, LittleEndian.longs(Arrays.copyOfRange(morton, from, to)));
                shard.writeChunk("h_mean", chunk, LittleEndian.floats(Arrays.copyOfRange(hMean, from, to)));
                shard.writeChunk("count", chunk, LittleEndian.ints(Arrays.copyOfRange(count, from, to)));
                shard.writeChunk("hist", chunk, LittleEndian.ints(Arrays.copyOfRange(hist, 3 * from, 3 * to)));
                shard.writeChunk("offset", chunk, LittleEndian.doubles(offset[c]));
                shard.writeCsr("h_tdigest", chunk, digests[c]);
            }
            shard.commit();
        }
        if (record != null) {
            writer.finish(record);
        }
    }
}
