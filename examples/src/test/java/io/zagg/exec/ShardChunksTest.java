package io.zagg.exec;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.Carriers;
import io.zagg.Layouts;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.store.Compressor;
import io.zagg.store.DirectoryStore;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each chunk's objects hold that chunk's rows and nothing else, whatever chunk came before it
 * in the shard: a dense chunk followed by a sparse one and by empty ones, with every carrier.
 * The expected values are counted from the rows directly, not by the engine's reduction.
 */
class ShardChunksTest {

    private static final int SHARD_ORDER = 6;
    private static final int CHUNK_ORDER = 7;
    private static final int CELL_ORDER = 10;
    private static final int CELLS = 64;
    private static final int CHUNKS = 4;
    private static final long SHARD = Healpix.nested(SHARD_ORDER, 10.3, 20.3);
    private static final List<Aggregation> FIELDS = List.of(count(), max("h"));

    @TempDir
    Path tmp;

    /** Rows over the shard; each row's cell (its position among the shard's 256) is kept beside it. */
    private record Rows(double[] lat, double[] lon, float[] h, int[] cell) {
        int chunkOf(int row) {
            return cell[row] / CELLS;
        }
    }

    private static Rows scatter(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] h = new float[n];
        int[] cell = new int[n];
        for (int kept = 0; kept < n; ) {
            double la = 10.3 + random.nextDouble(-1, 1);
            double lo = 20.3 + random.nextDouble(-1, 1);
            if (Healpix.nested(SHARD_ORDER, la, lo) == SHARD) {
                lat[kept] = la;
                lon[kept] = lo;
                h[kept] = (float) random.nextDouble(-50, 50);
                cell[kept] = (int) (Healpix.nested(CELL_ORDER, la, lo) - SHARD * CELLS * CHUNKS);
                kept++;
            }
        }
        return new Rows(lat, lon, h, cell);
    }

    /** The rows of chunk {@code dense}, and the first {@code sparse} rows of chunk {@code later}; none elsewhere. */
    private static Rows select(Rows all, int dense, int later, int sparse) {
        List<Integer> keep = new ArrayList<>();
        int taken = 0;
        for (int r = 0; r < all.cell().length; r++) {
            if (all.chunkOf(r) == dense || (all.chunkOf(r) == later && taken++ < sparse)) {
                keep.add(r);
            }
        }
        Rows out = new Rows(new double[keep.size()], new double[keep.size()], new float[keep.size()], new int[keep.size()]);
        for (int i = 0; i < keep.size(); i++) {
            int r = keep.get(i);
            out.lat()[i] = all.lat()[r];
            out.lon()[i] = all.lon()[r];
            out.h()[i] = all.h()[r];
            out.cell()[i] = all.cell()[r];
        }
        return out;
    }

    @Test
    void aSparseChunkAfterADenseOneHoldsOnlyItsOwnCells() throws IOException {
        Rows all = scatter(7, 20_000);
        int[] perChunk = new int[CHUNKS];
        for (int r = 0; r < all.cell().length; r++) {
            perChunk[all.chunkOf(r)]++;
        }
        assertTrue(perChunk[0] > 1000 && perChunk[2] > 1000, "the points cover chunks 0 and 2: " + Arrays.toString(perChunk));
        Rows rows = select(all, 0, 2, 5);
        int[] expectedCount = new int[CHUNKS * CELLS];
        float[] expectedMax = new float[CHUNKS * CELLS];
        Arrays.fill(expectedMax, Float.NaN);
        for (int r = 0; r < rows.h().length; r++) {
            int c = rows.cell()[r];
            expectedCount[c]++;
            expectedMax[c] = Float.isNaN(expectedMax[c]) ? rows.h()[r] : Math.max(expectedMax[c], rows.h()[r]);
        }
        long denseCells = Arrays.stream(expectedCount, 0, CELLS).filter(n -> n > 0).count();
        long sparseCells = Arrays.stream(expectedCount, 2 * CELLS, 3 * CELLS).filter(n -> n > 0).count();
        assertTrue(denseCells > 3 * sparseCells && sparseCells > 0, denseCells + " cells with data in chunk 0, " + sparseCells + " in chunk 2");

        for (String carrier : Carriers.names()) {
            Path root = tmp.resolve(carrier);
            write(carrier, rows, root);
            long firstChunk = SHARD * CHUNKS;
            for (int k = 0; k < CHUNKS; k++) {
                long chunk = firstChunk + k;
                String where = carrier + ", chunk " + k;
                long[] ids = new long[CELLS];
                long[] words = new long[CELLS];
                for (int i = 0; i < CELLS; i++) {
                    ids[i] = chunk * CELLS + i;
                    words[i] = MortonWord.fromNested(ids[i], CELL_ORDER);
                }
                assertArrayEquals(ids, longs(root.resolve("10/cell_ids/c/" + chunk)), where);
                assertArrayEquals(words, longs(root.resolve("10/morton/c/" + chunk)), where);
                Path count = root.resolve("10/count/c/" + chunk);
                Path hMax = root.resolve("10/h_max/c/" + chunk);
                if (k == 1 || k == 3) {
                    assertFalse(Files.exists(count) || Files.exists(hMax), where + " has no rows: no field object");
                    continue;
                }
                assertArrayEquals(Arrays.copyOfRange(expectedCount, k * CELLS, (k + 1) * CELLS), ints(count), where);
                assertArrayEquals(floatBits(Arrays.copyOfRange(expectedMax, k * CELLS, (k + 1) * CELLS)), floatBits(floats(hMax)), where);
            }
        }
    }

    private static void write(String carrier, Rows rows, Path root) throws IOException {
        HealpixGrid grid = HealpixGrid.of(SHARD_ORDER, CHUNK_ORDER, CELL_ORDER);
        StoreTemplate template = StoreTemplate.of(HealpixGeometry.of(grid, false), Compressor.none(),
                FIELDS.stream().map(Runner::storeField).toList());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), template, false);
        ShardTask task = new ShardTask(new GranuleReader(Layouts.atl03(), ReadOptions.defaults()), grid, FIELDS, List.of(),
                Carriers.named(carrier));
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h", Columns.wrap(rows.h(), DType.FLOAT32, 1));
        columns.put("latitude", Columns.wrap(rows.lat(), DType.FLOAT64, 1));
        columns.put("longitude", Columns.wrap(rows.lon(), DType.FLOAT64, 1));
        ShardReport report = task.runDecoded(MortonWord.fromNested(SHARD, SHARD_ORDER),
                List.of(new ShardTask.BeamInput("g.h5", "gt1l", columns, Map.of())), writer, 64L << 20);
        assertEquals(ShardStatus.OK, report.status(), carrier + ": " + report.error().orElse(""));
    }

    private static ByteBuffer read(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] longs(Path file) throws IOException {
        ByteBuffer b = read(file);
        long[] out = new long[b.remaining() / 8];
        b.asLongBuffer().get(out);
        return out;
    }

    private static int[] ints(Path file) throws IOException {
        ByteBuffer b = read(file);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = read(file);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static int[] floatBits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToIntBits(values[i]);
        }
        return out;
    }
}
