package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a run writes, our reader returns: random geometries (sharded or not), compressors,
 * fields of every element type, scalar or vector, per cell or per chunk, with random fills,
 * and shards whose chunks are random data, fill everywhere, or not given at all.
 */
class StoreRoundTripTest {

    private static final DType[] TYPES = DType.values();
    private static final Compressor[] COMPRESSORS = {Compressor.none(), Compressor.zstd(1), Compressor.gzip(1)};

    @TempDir
    Path dir;

    @Test
    void readerReturnsWhatRandomRunsWrote() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> CodecRoundTripTest.uncheck(() -> {
            roundTrip(seed, dir.resolve(Long.toHexString(seed)));
            return null;
        }));
    }

    /** One random run: its template, the bytes every array must hold afterwards, and the writes. */
    private static final class Run {
        final StoreTemplate template;
        final Map<String, byte[]> expected = new HashMap<>();
        final Map<Long, List<Write>> shardWrites = new HashMap<>();

        Run(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int shardOrder = random.nextInt(2);
            int chunkOrder = shardOrder + random.nextInt(3);
            int cellOrder = chunkOrder + random.nextInt(3);
            HealpixGeometry geometry = HealpixGeometry.of(shardOrder, chunkOrder, cellOrder);
            if (geometry.chunksPerShard() > 1 && random.nextBoolean()) {
                geometry = geometry.sharded(true);
            }
            List<FieldSpec> fields = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int f = 0; f < count; f++) {
                DType dtype = TYPES[random.nextInt(TYPES.length)];
                FillValue fill = dtype.isFloating() && random.nextBoolean() ? FillValue.nan(dtype) : FillValue.ofBits(dtype, random.nextInt(3) == 0 ? 0 : random.nextLong());
                int[] trailing = new int[random.nextInt(3)];
                for (int d = 0; d < trailing.length; d++) {
                    trailing[d] = 1 + random.nextInt(3);
                }
                FieldSpec field = trailing.length == 0 ? FieldSpec.scalar("f" + f, fill) : FieldSpec.vector("f" + f, fill, trailing);
                fields.add(random.nextInt(4) == 0 ? field.atChunkResolution() : field);
            }
            template = StoreTemplate.of(geometry, COMPRESSORS[random.nextInt(COMPRESSORS.length)], fields);
            for (ArraySpec spec : template.arrays()) {
                int elements = (int) Blocks.count(spec.shape());
                ByteBuffer filled = spec.fillValue().filled(elements);
                expected.put(spec.path(), BytesCodec.array(filled).clone());
            }
            int shards = 1 + random.nextInt(3);
            for (int s = 0; s < shards; s++) {
                long shard = random.nextLong(geometry.shardCount());
                if (shardWrites.containsKey(shard)) {
                    continue;
                }
                List<Write> writes = new ArrayList<>();
                shardWrites.put(shard, writes);
                for (long chunk = geometry.firstChunk(shard); chunk < geometry.firstChunk(shard) + geometry.chunksPerShard(); chunk++) {
                    int what = random.nextInt(3);
                    if (what == 0) {
                        continue;
                    }
                    for (ArraySpec spec : template.arrays()) {
                        StoreTemplate.Member member = template.member(spec.path().substring(spec.path().indexOf('/') + 1));
                        boolean companion = member.role == StoreTemplate.Role.COMPANION;
                        int bytes = companion ? spec.chunkBytes() : spec.innerChunkBytes();
                        byte[] data = BytesCodec.array(spec.fillValue().filled(bytes / spec.dtype().byteSize())).clone();
                        if (what == 2 || member.role == StoreTemplate.Role.COORDINATE) {
                            for (int b = 0; b < data.length; b++) {
                                if (random.nextInt(3) > 0) {
                                    data[b] = (byte) random.nextInt();
                                }
                            }
                        }
                        System.arraycopy(data, 0, expected.get(spec.path()), (int) (chunk * bytes), data.length);
                        writes.add(new Write(member.name, chunk, data));
                    }
                }
            }
        }
    }

    private static final class Write {
        final String array;
        final long chunk;
        final byte[] data;

        Write(String array, long chunk, byte[] data) {
            this.array = array;
            this.chunk = chunk;
            this.data = data;
        }
    }

    private static void roundTrip(long seed, Path root) throws IOException {
        Run run = new Run(seed);
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), run.template, false);
        for (Map.Entry<Long, List<Write>> shard : run.shardWrites.entrySet()) {
            try (ShardWriter shardWriter = writer.shard(shard.getKey())) {
                for (Write w : shard.getValue()) {
                    shardWriter.writeChunk(w.array, w.chunk, ByteBuffer.wrap(w.data));
                }
                shardWriter.commit();
            }
        }
        writer.finish(RunRecord.of(run.shardWrites.size(), 0, List.of()));
        StoreReader reader = StoreReader.open(DirectoryStore.open(root));
        for (ArraySpec spec : run.template.arrays()) {
            byte[] got = BytesCodec.array(reader.readRegion(spec.path(), 0, spec.shape()[0]));
            assertSameElements(spec, run.expected.get(spec.path()), got, seed);
        }
    }

    /** Equal bytes, except that any NaN reads back as the NaN fill where the chunk was all NaN. */
    private static void assertSameElements(ArraySpec spec, byte[] want, byte[] got, long seed) {
        assertEquals(want.length, got.length);
        int size = spec.dtype().byteSize();
        for (int e = 0; e < want.length / size; e++) {
            if (!ByteBuffer.wrap(want, e * size, size).equals(ByteBuffer.wrap(got, e * size, size))
                    && !(spec.fillValue().isNaN() && isNaN(want, e, spec.dtype()) && isNaN(got, e, spec.dtype()))) {
                fail("seed " + seed + ": " + spec + " element " + e + " differs");
            }
        }
    }

    private static boolean isNaN(byte[] bytes, int e, DType dtype) {
        ByteBuffer le = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return dtype == DType.FLOAT32 ? Float.isNaN(le.getFloat(4 * e)) : Double.isNaN(le.getDouble(8 * e));
    }

    @Test
    void concurrentShardWritersNeverCollide() throws Exception {
        // every shard of a small sphere, written by 6 threads at once into one store
        SampleRun sample = new SampleRun(true, Compressor.zstd(1));
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), sample.template, false);
        HealpixGeometry g = sample.template.geometry();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (long shard = 0; shard < g.shardCount(); shard++) {
                long s = shard;
                done.add(pool.submit(() -> {
                    try (ShardWriter w = writer.shard(s)) {
                        for (long chunk = g.firstChunk(s); chunk < g.firstChunk(s) + g.chunksPerShard(); chunk++) {
                            long[] ids = new long[g.cellsPerChunk()];
                            float[] values = new float[ids.length];
                            for (int i = 0; i < ids.length; i++) {
                                ids[i] = chunk * ids.length + i;
                                values[i] = ids[i] * 0.5f;
                            }
                            w.writeChunk("cell_ids", chunk, LittleEndian.longs(ids));
                            w.writeChunk("morton", chunk, LittleEndian.longs(ids));
                            w.writeChunk("h_mean", chunk, LittleEndian.floats(values));
                        }
                        w.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        writer.finish(RunRecord.of(g.shardCount(), 0, List.of()));
        StoreReader reader = StoreReader.open(DirectoryStore.open(dir));
        float[] all = LittleEndian.toFloats(reader.readRegion("4/h_mean", 0, g.cellCount()));
        long[] ids = LittleEndian.toLongs(reader.readRegion("4/cell_ids", 0, g.cellCount()));
        for (int i = 0; i < all.length; i++) {
            assertEquals(i * 0.5f, all[i]);
            assertEquals(i, ids[i]);
        }
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file is left");
        }
    }
}
