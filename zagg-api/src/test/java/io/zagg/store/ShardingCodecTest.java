package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code sharding_indexed}: shards of random rank, shape, element type, inner compressor and
 * index position, with random inner chunks absent, decode to the elements they were built from
 * (absent chunks as fill), also after the codec's JSON is read back.
 */
class ShardingCodecTest {

    private static final DType[] TYPES = {DType.UINT8, DType.INT16, DType.FLOAT32, DType.UINT64, DType.FLOAT64};
    private static final Compressor[] COMPRESSORS = {Compressor.none(), Compressor.zstd(3), Compressor.gzip(1)};

    @Test
    void shardsDecodeToTheirInnerChunks() {
        qt().forAll(longs().all(), integers().between(0, TYPES.length - 1), integers().between(0, COMPRESSORS.length - 1), booleans().all())
                .checkAssert((seed, type, compressor, atEnd) -> CodecRoundTripTest.uncheck(() -> {
                    check(seed, TYPES[type], COMPRESSORS[compressor], atEnd);
                    return null;
                }));
    }

    private static void check(long seed, DType dtype, Compressor compressor, boolean atEnd) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rank = 1 + random.nextInt(3);
        int[] inner = new int[rank];
        int[] grid = new int[rank];
        int[] shard = new int[rank];
        for (int d = 0; d < rank; d++) {
            inner[d] = 1 + random.nextInt(5);
            grid[d] = 1 + random.nextInt(4);
            shard[d] = inner[d] * grid[d];
        }
        FillValue fill = FillValue.ofBits(dtype, random.nextLong());
        int size = dtype.byteSize();
        int chunks = (int) Blocks.count(grid);
        int innerBytes = (int) Blocks.count(inner) * size;
        CodecChain innerCodecs = CodecChain.plain(compressor);
        ShardingCodec codec = new ShardingCodec(inner, innerCodecs, atEnd);
        byte[][] raw = new byte[chunks][];
        ByteBuffer[] encoded = new ByteBuffer[chunks];
        for (int i = 0; i < chunks; i++) {
            if (random.nextInt(3) > 0) {
                raw[i] = new byte[innerBytes];
                for (int b = 0; b < innerBytes; b++) {
                    raw[i][b] = (byte) (random.nextInt(4) == 0 ? random.nextInt() : b % 5);
                }
                ByteBuffer e = innerCodecs.encode(ByteBuffer.wrap(raw[i]));
                encoded[i] = ByteBuffer.allocate(e.remaining()).put(e).flip();
            }
        }
        ByteBuffer stored = codec.encode(encoded);
        ShardingCodec parsed = ShardingCodec.fromJson(codec.toJson(dtype).get("configuration"), "test");
        for (ShardingCodec reader : new ShardingCodec[] {codec, parsed}) {
            ByteBuffer decoded = reader.decode(stored, shard, dtype, fill, "test shard");
            ByteBuffer fillBytes = fill.filled(1);
            int elements = (int) Blocks.count(shard);
            assertEquals(elements * size, decoded.remaining());
            for (int e = 0; e < elements; e++) {
                int[] at = Blocks.unravel(e, shard);
                int chunk = 0;
                int within = 0;
                for (int d = 0; d < rank; d++) {
                    chunk = chunk * grid[d] + at[d] / inner[d];
                    within = within * inner[d] + at[d] % inner[d];
                }
                for (int b = 0; b < size; b++) {
                    byte want = raw[chunk] == null ? fillBytes.get(b) : raw[chunk][within * size + b];
                    assertEquals(want, decoded.get(e * size + b), "element " + e + " byte " + b);
                }
            }
        }
    }

    @Test
    void arrivalOrderDoesNotChangeTheShardBytes() {
        // a shard writer may receive inner chunks in any order; the object always lists them in C order
        qt().forAll(longs().all(), integers().between(1, 40)).checkAssert((seed, chunks) -> {
            SplittableRandom random = new SplittableRandom(seed);
            ShardingCodec codec = new ShardingCodec(new int[] {3}, CodecChain.plain(Compressor.none()), true);
            ByteBuffer[] inner = new ByteBuffer[chunks];
            for (int i = 0; i < chunks; i++) {
                if (random.nextBoolean()) {
                    byte[] b = new byte[1 + random.nextInt(30)];
                    random.nextBytes(b);
                    inner[i] = ByteBuffer.wrap(b);
                }
            }
            int[] order = random.ints(0, chunks).distinct().limit(chunks).toArray();
            ShardBuffer shuffled = codec.newShard(chunks, 10);
            for (int i : order) {
                if (inner[i] != null) {
                    shuffled.add(i, inner[i]);
                }
            }
            assertEquals(codec.encode(inner), shuffled.finish(true));
        });
    }

    @Test
    void anEmptyShardIsItsIndexAlone() throws IOException {
        ShardingCodec codec = new ShardingCodec(new int[] {2}, CodecChain.plain(Compressor.none()), true);
        ByteBuffer stored = codec.encode(new ByteBuffer[2]);
        assertEquals(2 * 16 + 4, stored.remaining());
        assertNull(codec.innerChunk(stored, codec.readIndex(stored, 2, "t"), 1, DType.FLOAT32, FillValue.nan(DType.FLOAT32), "t"));
    }

    @Test
    void indexLayoutIsOffsetsAndSizesThenChecksum() throws IOException {
        ShardingCodec codec = new ShardingCodec(new int[] {2}, CodecChain.plain(Compressor.none()), true);
        ByteBuffer a = LittleEndian.floats(1f, 2f);
        ByteBuffer stored = codec.encode(new ByteBuffer[] {null, a, null});
        assertEquals(8 + 3 * 16 + 4, stored.remaining());
        ByteBuffer le = stored.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-1L, le.getLong(8), "absent: offset 2^64-1");
        assertEquals(-1L, le.getLong(16), "absent: nbytes 2^64-1");
        assertEquals(0L, le.getLong(24));
        assertEquals(8L, le.getLong(32));
        long[] table = codec.readIndex(stored, 3, "t");
        assertNull(codec.innerChunk(stored, table, 0, DType.FLOAT32, FillValue.nan(DType.FLOAT32), "t"));
        assertEquals(a, codec.innerChunk(stored, table, 1, DType.FLOAT32, FillValue.nan(DType.FLOAT32), "t"));
        stored.put(20, (byte) 0);
        assertTrue(assertThrows(IOException.class, () -> codec.readIndex(stored, 3, "4/h/c/1")).getMessage().contains("crc32c checksum mismatch"));
    }

    @Test
    void codecJsonIsZaggs() {
        CodecChain chain = CodecChain.sharded(new int[] {4096, 128}, CodecChain.plain(Compressor.zstd(3)));
        assertEquals(List.of("sharding_indexed"), List.of(chain.toJson(DType.UINT32).get(0).get("name").asText()));
        assertEquals("{\"name\":\"sharding_indexed\",\"configuration\":{\"chunk_shape\":[4096,128],\"codecs\":[{\"name\":\"bytes\",\"configuration\":"
                + "{\"endian\":\"little\"}},{\"name\":\"zstd\",\"configuration\":{\"level\":3,\"checksum\":false}}],\"index_codecs\":[{\"name\":\"bytes\","
                + "\"configuration\":{\"endian\":\"little\"}},{\"name\":\"crc32c\"}],\"index_location\":\"end\"}}",
                chain.toJson(DType.UINT32).get(0).toString());
    }
}
