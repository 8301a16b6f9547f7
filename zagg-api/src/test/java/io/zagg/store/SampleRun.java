package io.zagg.store;

import io.zagg.grid.MortonWord;
import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A small run with every kind of member, written into one shard, and the values every array
 * must then hold over that shard. Geometry: shard order 1, chunk order 2, cell order 4 (16 cells
 * per chunk, 4 chunks per shard); shard 40 lies in base cell 10, so its morton words are above
 * 2^63. Chunk 161 carries no data (its field chunks are fill everywhere and must not be
 * stored), chunk 163 is not given at all except its coordinates.
 */
final class SampleRun {

    static final long SHARD = 40;
    static final int CELLS = 16;
    static final int CHUNKS = 4;
    static final long FIRST_CHUNK = SHARD * CHUNKS;
    static final long FIRST_CELL = FIRST_CHUNK * CELLS;

    final StoreTemplate template;
    final float[] hMean = new float[CHUNKS * CELLS];
    final int[] count = new int[CHUNKS * CELLS];
    final int[] hist = new int[CHUNKS * CELLS * 3];
    final double[] extent = new double[CHUNKS * CELLS * 4];
    final float[] offsetH = new float[CHUNKS];
    final long[] cellIds = new long[CHUNKS * CELLS];
    final long[] morton = new long[CHUNKS * CELLS];
    final CsrBlock[] digests = new CsrBlock[CHUNKS];

    SampleRun(boolean sharded, Compressor compressor) {
        HealpixGeometry geometry = HealpixGeometry.of(1, 2, 4).sharded(sharded);
        template = StoreTemplate.of(geometry, compressor, List.of(
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT32)),
                FieldSpec.scalar("count", FillValue.zero(DType.INT32)),
                FieldSpec.vector("hist", FillValue.zero(DType.UINT32), 3),
                FieldSpec.vector("extent", FillValue.nan(DType.FLOAT64), 2, 2),
                FieldSpec.scalar("offset_h", FillValue.nan(DType.FLOAT32)).atChunkResolution(),
                FieldSpec.ragged("h_tdigest", DType.FLOAT32, 2)));
        Arrays.fill(hMean, Float.NaN);
        Arrays.fill(extent, Double.NaN);
        Arrays.fill(offsetH, Float.NaN);
        for (int i = 0; i < cellIds.length; i++) {
            cellIds[i] = FIRST_CELL + i;
            morton[i] = MortonWord.fromNested(cellIds[i], 4);
        }
        for (int c = 0; c < CHUNKS; c++) {
            if (c == 1 || c == 3) {
                digests[c] = CsrBlock.of(DType.FLOAT32, new int[] {2}, ByteBuffer.allocate(0), new long[] {0}, new long[0]);
                continue;
            }
            int populated = c == 0 ? CELLS : 5;
            for (int k = 0; k < populated; k++) {
                int i = c * CELLS + k * (CELLS / populated);
                hMean[i] = 100.5f + i;
                count[i] = i + 1;
                for (int b = 0; b < 3; b++) {
                    hist[3 * i + b] = (int) (0xF0000000L + 7L * i + b);
                }
                for (int e = 0; e < 4; e++) {
                    extent[4 * i + e] = -1e-7 * i + e;
                }
            }
            offsetH[c] = -0.25f * (c + 1);
            float[] rows = {1.5f, 2f, 3.5f, 1f, -4f, 6f};
            digests[c] = CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(rows), new long[] {0, 1, 3}, new long[] {c, CELLS - 1});
        }
    }

    /** Writes the shard: coordinates for all four chunks, fields for chunks 0..2, digests for all. */
    void writeShard(StoreWriter writer) throws IOException {
        try (ShardWriter shard = writer.shard(SHARD)) {
            for (int c = 0; c < CHUNKS; c++) {
                long chunk = FIRST_CHUNK + c;
                int from = c * CELLS;
                shard.writeCoordinates(chunk);
                shard.writeCsr("h_tdigest", chunk, digests[c]);
                if (c == 3) {
                    continue;
                }
                shard.writeChunk("h_mean", chunk, LittleEndian.floats(Arrays.copyOfRange(hMean, from, from + CELLS)));
                shard.writeChunk("count", chunk, LittleEndian.ints(Arrays.copyOfRange(count, from, from + CELLS)));
                shard.writeChunk("hist", chunk, LittleEndian.ints(Arrays.copyOfRange(hist, 3 * from, 3 * (from + CELLS))));
                shard.writeChunk("extent", chunk, LittleEndian.doubles(Arrays.copyOfRange(extent, 4 * from, 4 * (from + CELLS))));
                shard.writeChunk("offset_h", chunk, LittleEndian.floats(offsetH[c]));
            }
            shard.commit();
        }
    }
}
