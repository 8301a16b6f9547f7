package io.zagg.jmh;

import io.zagg.spi.DType;
import io.zagg.store.Compressor;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.FillValue;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.ShardWriter;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the store writes chunks: 16M float32 values (64 MiB) per operation, as a vector field
 * {@code (cells, 128)} in zagg's worked-example layout (shard order 11, chunk order 13, cell order
 * 19: 2 shards × 16 chunks of 4096 × 128 values, 2 MiB each), plus each chunk's {@code cell_ids}
 * and {@code morton} as the engine writes them ({@link ShardWriter#writeCoordinates}: 2 MiB per
 * operation, 3 % more bytes), into a directory under {@code java.io.tmpdir}. One operation = 64 MiB of float32 payload, so MB/s = ops/s × 67.1.
 *
 * <p>Values are noisy heights ({@code 100 + 5·N(0,1)} as float32), which zstd shrinks to about
 * 90 %. The store is rewritten in place by every operation (atomic renames over the same keys).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class StoreWriteBenchmark {

    private static final int TRAILING = 128;
    private static final long FIRST_SHARD = 15_259_420L;
    private static final int SHARDS = 2;

    @Param({"none", "zstd"})
    public String compressor;

    @Param({"false", "true"})
    public boolean sharded;

    private Path dir;
    private StoreWriter writer;
    private HealpixGeometry geometry;
    private ByteBuffer[] values;

    @Setup
    public void setUp() throws IOException {
        geometry = HealpixGeometry.of(11, 13, 19).sharded(sharded);
        StoreTemplate template = StoreTemplate.of(geometry, Compressor.parse(compressor),
                List.of(FieldSpec.vector("waveform", FillValue.nan(DType.FLOAT32), TRAILING)));
        dir = Files.createTempDirectory("zagg-store-bench");
        writer = StoreWriter.create(DirectoryStore.open(dir.resolve("out.zarr")), template, false);
        int chunks = (int) (SHARDS * geometry.chunksPerShard());
        int cells = geometry.cellsPerChunk();
        SplittableRandom random = new SplittableRandom(42);
        values = new ByteBuffer[chunks];
        for (int c = 0; c < chunks; c++) {
            values[c] = ByteBuffer.allocate(cells * TRAILING * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < cells * TRAILING; i++) {
                values[c].putFloat(4 * i, (float) (100 + 5 * gaussian(random)));
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Writes 2 shards: 32 chunks of float32 values and their coordinates. */
    @Benchmark
    public long writeChunks() throws IOException {
        long bytes = 0;
        int k = (int) geometry.chunksPerShard();
        for (int s = 0; s < SHARDS; s++) {
            long shard = FIRST_SHARD + s;
            try (ShardWriter w = writer.shard(shard)) {
                for (int c = 0; c < k; c++) {
                    long chunk = geometry.firstChunk(shard) + c;
                    w.writeCoordinates(chunk);
                    w.writeChunk("waveform", chunk, values[s * k + c]);
                }
                w.commit();
                bytes += w.bytesWritten();
            }
        }
        return bytes;
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
