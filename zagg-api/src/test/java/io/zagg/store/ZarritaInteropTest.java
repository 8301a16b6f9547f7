package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stores we write, read back by zarrita.js (npm {@code zarrita@0.7.5}, pinned in
 * {@code interop/package-lock.json}): another Zarr v3 implementation must see the values we
 * wrote, for unsharded and sharded arrays, uint64 words above 2^63, float32 with NaN fill,
 * vector fields, companions, CSR arrays, zstd and gzip, and the consolidated metadata.
 */
class ZarritaInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void findZarrita() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("interop/read-zarr.mjs"))) {
            root = root.getParent();
        }
        if (root == null) {
            fail("interop/read-zarr.mjs not found above " + System.getProperty("user.dir"));
        }
        script = root.resolve("interop/read-zarr.mjs");
        String missing = null;
        if (!Files.isDirectory(root.resolve("interop/node_modules/zarrita"))) {
            missing = "interop/node_modules is missing: run `npm ci` in " + root.resolve("interop");
        } else if (!nodeRuns()) {
            missing = "`node` is not on the PATH (Node 20 runs the zarrita reader)";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("zarrita interop tests cannot run in CI: " + missing);
            }
            Assumptions.abort("skipping zarrita interop tests: " + missing);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(false, Compressor.none()),
                Arguments.of(true, Compressor.none()),
                Arguments.of(false, Compressor.zstd(3)),
                Arguments.of(true, Compressor.zstd(9)),
                Arguments.of(false, Compressor.gzip(5)),
                Arguments.of(true, Compressor.gzip(1)));
    }

    @ParameterizedTest(name = "sharded={0} {1}")
    @MethodSource("layouts")
    void zarritaReadsWhatWeWrote(boolean sharded, Compressor compressor) throws Exception {
        SampleRun run = new SampleRun(sharded, compressor);
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        writer.finish(RunRecord.of(1, 0, List.of()));

        long cells0 = SampleRun.FIRST_CELL;
        long cells1 = cells0 + SampleRun.CHUNKS * SampleRun.CELLS;
        String region = ":" + cells0 + ":" + cells1;
        String chunkRegion = ":" + SampleRun.FIRST_CHUNK + ":" + (SampleRun.FIRST_CHUNK + SampleRun.CHUNKS);
        JsonNode out = zarrita(dir, false, "4", "4/cell_ids" + region, "4/morton" + region, "4/h_mean" + region,
                "4/count" + region, "4/hist" + region, "4/extent" + region, "4/offset_h" + chunkRegion,
                "4/h_tdigest/160/values", "4/h_tdigest/160/offsets", "4/h_tdigest/160/cell_ids", "4/h_tdigest/161/offsets");

        JsonNode dggs = out.path("4").path("attrs").path("dggs");
        assertEquals("healpix", dggs.path("name").asText());
        assertEquals(4, dggs.path("refinement_level").asInt());

        JsonNode hMean = out.path("4/h_mean" + region);
        assertEquals("float32", hMean.path("dtype").asText());
        assertEquals("NaN", hMean.path("fill_value").asText());
        assertEquals(3072, hMean.path("shape").get(0).asLong());
        // zarrita reports the chunk it reads: the inner chunk of a sharded array
        assertEquals(16, hMean.path("chunks").get(0).asInt());
        assertArrayEquals(floatBits(run.hMean), floatBits(toFloats(hMean.path("data"))));
        assertArrayEquals(run.cellIds, toUnsigned(out.path("4/cell_ids" + region).path("data")));
        assertEquals("uint64", out.path("4/morton" + region).path("dtype").asText());
        long[] morton = toUnsigned(out.path("4/morton" + region).path("data"));
        assertArrayEquals(run.morton, morton);
        assertTrue(Long.compareUnsigned(morton[0], 1L << 63) > 0, "morton words of base cell 10 are above 2^63");
        assertArrayEquals(run.count, toInts(out.path("4/count" + region).path("data")));
        assertArrayEquals(run.hist, toInts(out.path("4/hist" + region).path("data")));
        assertEquals(List.of(3072L, 3L), longs(out.path("4/hist" + region).path("shape")));
        assertArrayEquals(doubleBits(run.extent), doubleBits(toDoubles(out.path("4/extent" + region).path("data"))));
        assertEquals(List.of(3072L, 2L, 2L), longs(out.path("4/extent" + region).path("shape")));
        assertArrayEquals(floatBits(run.offsetH), floatBits(toFloats(out.path("4/offset_h" + chunkRegion).path("data"))));
        assertEquals(List.of(192L), longs(out.path("4/offset_h" + chunkRegion).path("shape")));

        CsrBlock digest = run.digests[0];
        assertArrayEquals(floatBits(LittleEndian.toFloats(digest.values())), floatBits(toFloats(out.path("4/h_tdigest/160/values").path("data"))));
        assertEquals(List.of(3L, 2L), longs(out.path("4/h_tdigest/160/values").path("shape")));
        assertArrayEquals(digest.offsets(), toUnsigned(out.path("4/h_tdigest/160/offsets").path("data")));
        assertArrayEquals(digest.cellIds(), toUnsigned(out.path("4/h_tdigest/160/cell_ids").path("data")));
        assertArrayEquals(new long[] {0}, toUnsigned(out.path("4/h_tdigest/161/offsets").path("data")));
    }

    @Test
    void zarritaOpensTheConsolidatedMetadata() throws Exception {
        SampleRun run = new SampleRun(true, Compressor.zstd(3));
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        writer.finish(RunRecord.of(1, 0, List.of()));

        JsonNode out = zarrita(dir, true, "4", "4/h_mean:2560:2576");
        List<String> contents = new ArrayList<>();
        out.path("contents").forEach(n -> contents.add(n.asText()));
        assertTrue(contents.containsAll(List.of("group /", "group /4", "array /4/cell_ids", "array /4/morton", "array /4/h_mean",
                "array /4/hist", "group /4/h_tdigest", "group /4/h_tdigest/160", "array /4/h_tdigest/163/values")), contents.toString());
        assertEquals("cell_ids", out.path("4").path("attrs").path("dggs").path("coordinate").asText());
        assertArrayEquals(floatBits(java.util.Arrays.copyOf(run.hMean, 16)), floatBits(toFloats(out.path("4/h_mean:2560:2576").path("data"))));
    }

    private static JsonNode zarrita(Path store, boolean consolidated, String... paths) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), store.toString()));
        if (consolidated) {
            command.add("--consolidated");
        }
        command.addAll(List.of(paths));
        Process p = new ProcessBuilder(command).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("zarrita failed on " + store + ": " + new String(stderr, StandardCharsets.UTF_8));
        }
        return JSON.readTree(stdout);
    }

    private static double number(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText().replace("Infinity", "Infinity")) : v.doubleValue();
    }

    private static float[] toFloats(JsonNode data) {
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) number(data.get(i));
        }
        return out;
    }

    private static double[] toDoubles(JsonNode data) {
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(data.get(i));
        }
        return out;
    }

    private static int[] toInts(JsonNode data) {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) data.get(i).longValue();
        }
        return out;
    }

    private static long[] toUnsigned(JsonNode data) {
        long[] out = new long[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseUnsignedLong(data.get(i).asText());
        }
        return out;
    }

    private static List<Long> longs(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.longValue()));
        return out;
    }

    static int[] floatBits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToIntBits(v[i]);
        }
        return out;
    }

    static long[] doubleBits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToLongBits(v[i]);
        }
        return out;
    }
}
