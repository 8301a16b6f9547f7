package io.zagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code zagg inspect} in-process on small stores built with the store writer. */
class InspectCommandTest {

    @TempDir
    Path dir;

    private Path finishedZstdStore() throws IOException {
        Path store = dir.resolve("plain.zarr");
        new InspectFixture().write(store, false, Compressor.zstd(3), RunRecord.of(1, 2, List.of(7L)));
        return store;
    }

    private Path unfinishedShardedStore() throws IOException {
        Path store = dir.resolve("sharded.zarr");
        new InspectFixture().write(store, true, Compressor.none(), null);
        return store;
    }

    @Test
    void describesAFinishedUnshardedZstdStore() throws IOException {
        Path store = finishedZstdStore();
        CliRun r = CliRun.zagg("inspect", store.toString());
        assertEquals(new CliRun(0, String.join("\n",
                "store  " + store.toAbsolutePath().normalize(),
                "run    finished: 1 shard with data, 2 empty, 1 failed (shard 7)",
                "",
                "group        attributes",
                "/            -",
                "4            dggs healpix, refinement_level 4, indexing_scheme nested",
                "4/h_tdigest  ragged csr, float32 rows of (2,), per cell",
                "",
                "array       dtype    shape      chunks   codecs         fill  chunk objects",
                "4/cell_ids  uint64   (3072,)    (16,)    bytes+zstd(3)  0     3 of 192",
                "4/count     int32    (3072,)    (16,)    bytes+zstd(3)  0     2 of 192",
                "4/h_mean    float32  (3072,)    (16,)    bytes+zstd(3)  NaN   2 of 192",
                "4/hist      uint32   (3072, 3)  (16, 3)  bytes+zstd(3)  0     1 of 192",
                "4/morton    uint64   (3072,)    (16,)    bytes+zstd(3)  0     3 of 192",
                "4/offset    float64  (192,)     (1,)     bytes+zstd(3)  NaN   2 of 192",
                "",
                SUMMARY,
                "",
                "ragged field  csr groups  cells  rows",
                "4/h_tdigest   3           3      6",
                ""), ""), r);
    }

    /** The summary of the fixture's values, whatever the layout: checked against independent sums in {@link #jsonHoldsTheSameReportWithExactValues}. */
    private static final String SUMMARY = String.join("\n",
            "array       over      non-fill  min                   max                   mean",
            "4/cell_ids  cells     48        2560                  2607                  2583.5",
            "4/count     cells     4         1                     12                    4.5",
            "4/h_mean    cells     4         -2.25                 100.5                 26.33750000037253",
            "4/hist      elements  3         1                     4294967295            1431655766.0",
            "4/morton    cells     48        12682136550675319296  12682136550675319343  1.2682136550675319e+19",
            "4/offset    chunks    2         -0.25                 1e-07                 -0.12499995");

    @Test
    void describesAnUnfinishedShardedStoreWithTheSameValues() throws IOException {
        Path store = unfinishedShardedStore();
        CliRun r = CliRun.zagg("inspect", store.toString());
        assertEquals(0, r.status());
        assertEquals("", r.err());
        String[] parts = r.out().split("\n\n", -1);
        assertEquals("store  " + store.toAbsolutePath().normalize() + "\nrun    not finished (no zagg_run.json)", parts[0]);
        assertEquals(String.join("\n",
                "array       dtype    shape      chunks   codecs                               fill  chunk objects",
                "4/cell_ids  uint64   (3072,)    (64,)    sharding_indexed(inner 16, bytes)    0     1 of 48",
                "4/count     int32    (3072,)    (64,)    sharding_indexed(inner 16, bytes)    0     1 of 48",
                "4/h_mean    float32  (3072,)    (64,)    sharding_indexed(inner 16, bytes)    NaN   1 of 48",
                "4/hist      uint32   (3072, 3)  (64, 3)  sharding_indexed(inner 16x3, bytes)  0     1 of 48",
                "4/morton    uint64   (3072,)    (64,)    sharding_indexed(inner 16, bytes)    0     1 of 48",
                "4/offset    float64  (192,)     (1,)     bytes                                NaN   2 of 192"), parts[2]);
        assertEquals(SUMMARY, parts[3], "the inner chunks of the shards hold the same values");
        assertEquals("ragged field  csr groups  cells  rows\n4/h_tdigest   3           3      6\n", parts[4]);
    }

    @Test
    void jsonHoldsTheSameReportWithExactValues() throws IOException {
        Path store = finishedZstdStore();
        CliRun r = CliRun.zagg("inspect", "--json", store.toString());
        assertEquals(0, r.status());
        assertEquals("", r.err());
        assertEquals(r, CliRun.zagg("inspect", store.toString(), "--json"), "deterministic");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("store", "run", "groups", "arrays", "ragged"), keys(report));
        assertEquals(store.toAbsolutePath().normalize().toString(), report.get("store").asText());
        assertEquals("{\"finished\":true,\"shards_with_data\":1,\"shards_empty\":2,\"failed_shards\":[7]}", report.get("run").toString());
        JsonNode dggs = report.get("groups").get(1).get("dggs");
        assertEquals("{\"name\":\"healpix\",\"refinement_level\":4,\"indexing_scheme\":\"nested\"}", dggs.toString());

        Map<String, JsonNode> arrays = new LinkedHashMap<>();
        report.get("arrays").forEach(a -> arrays.put(a.get("path").asText(), a));
        assertEquals(List.of("4/cell_ids", "4/count", "4/h_mean", "4/hist", "4/morton", "4/offset"), new ArrayList<>(arrays.keySet()));
        JsonNode hMean = arrays.get("4/h_mean");
        assertEquals(List.of("path", "data_type", "shape", "chunk_shape", "codecs", "fill_value", "chunk_objects", "chunk_grid_size", "summary"), keys(hMean));
        assertEquals("[3072]", hMean.get("shape").toString());
        assertEquals("\"NaN\"", hMean.get("fill_value").toString());
        assertEquals("bytes+zstd(3)", hMean.get("codecs").asText());

        // every statistic, computed here from the values the fixture wrote
        InspectFixture f = new InspectFixture();
        List<BigDecimal> cellIds = new ArrayList<>();
        List<BigDecimal> morton = new ArrayList<>();
        for (int i = 0; i < f.cellIds.length; i++) {
            cellIds.add(new BigDecimal(f.cellIds[i]));
            morton.add(new BigDecimal(new BigInteger(Long.toUnsignedString(f.morton[i]))));
        }
        assertTrue(morton.get(0).compareTo(new BigDecimal(BigInteger.ONE.shiftLeft(63))) > 0, "morton words above 2^63");
        List<BigDecimal> counts = new ArrayList<>();
        for (int c : f.count) {
            if (c != 0) {
                counts.add(new BigDecimal(c));
            }
        }
        List<BigDecimal> hist = new ArrayList<>();
        for (int h : f.hist) {
            if (h != 0) {
                hist.add(new BigDecimal(Integer.toUnsignedLong(h)));
            }
        }
        assertIntegerSummary(arrays.get("4/cell_ids"), "cells", cellIds);
        assertIntegerSummary(arrays.get("4/morton"), "cells", morton);
        assertIntegerSummary(arrays.get("4/count"), "cells", counts);
        assertIntegerSummary(arrays.get("4/hist"), "elements", hist);
        double[] h = new double[f.hMean.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = f.hMean[i];
        }
        assertFloatSummary(hMean, "cells", h);
        assertFloatSummary(arrays.get("4/offset"), "chunks", f.offset);

        JsonNode ragged = report.get("ragged").get(0);
        long cells = 0;
        long rows = 0;
        for (CsrBlock block : f.digests) {
            cells += block.cells();
            rows += block.rows();
        }
        assertEquals("4/h_tdigest", ragged.get("path").asText());
        assertEquals(f.digests.length, ragged.get("csr_groups").asLong());
        assertEquals(cells, ragged.get("cells").asLong());
        assertEquals(rows, ragged.get("rows").asLong());
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static void assertIntegerSummary(JsonNode array, String over, List<BigDecimal> values) {
        JsonNode s = array.get("summary");
        String path = array.get("path").asText();
        assertEquals(over, s.get("over").asText(), path);
        assertEquals(values.size(), s.get("non_fill").asLong(), path);
        assertEquals(values.stream().min(BigDecimal::compareTo).orElseThrow().toBigInteger(), s.get("min").bigIntegerValue(), path);
        assertEquals(values.stream().max(BigDecimal::compareTo).orElseThrow().toBigInteger(), s.get("max").bigIntegerValue(), path);
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(sum.divide(new BigDecimal(values.size()), MathContext.DECIMAL128).doubleValue(), s.get("mean").doubleValue(), path);
    }

    private static void assertFloatSummary(JsonNode array, String over, double[] values) {
        JsonNode s = array.get("summary");
        String path = array.get("path").asText();
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum = sum.add(new BigDecimal(v));
            }
        }
        assertEquals(over, s.get("over").asText(), path);
        assertEquals(n, s.get("non_fill").asLong(), path);
        boolean float32 = array.get("data_type").asText().equals("float32");
        // float32 extremes are written with float32's shortest digits: they read back as the same float
        assertEquals(float32 ? (double) (float) min : min, float32 ? (double) s.get("min").floatValue() : s.get("min").doubleValue(), path);
        assertEquals(float32 ? (double) (float) max : max, float32 ? (double) s.get("max").floatValue() : s.get("max").doubleValue(), path);
        assertEquals(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue(), s.get("mean").doubleValue(), path);
    }

    @Test
    void aFullsphereOrder19StoreIsSummarisedFromItsStoredChunksOnly() throws IOException {
        // 12·4^19 cells per array: inspect must touch only the one chunk written (cells 4096..8191 of chunk 1)
        StoreTemplate template = StoreTemplate.of(HealpixGeometry.of(11, 13, 19), Compressor.zstd(3),
                List.of(FieldSpec.scalar("h_min", FillValue.nan(DType.FLOAT32))));
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), template, false);
        long[] ids = new long[4096];
        float[] h = new float[4096];
        Arrays.fill(h, Float.NaN);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 4096 + i;
        }
        h[17] = -3.5f;
        h[4095] = 1250f;
        try (ShardWriter shard = writer.shard(0)) {
            shard.writeChunk("cell_ids", 1, LittleEndian.longs(ids));
            shard.writeChunk("morton", 1, LittleEndian.longs(ids));
            shard.writeChunk("h_min", 1, LittleEndian.floats(h));
            shard.commit();
        }
        writer.finish(RunRecord.of(1, 0, List.of()));
        List<String> lines = CliRun.zagg("inspect", dir.toString()).out().lines().toList();
        assertEquals(List.of(
                "array        dtype    shape             chunks   codecs         fill  chunk objects",
                "19/cell_ids  uint64   (3298534883328,)  (4096,)  bytes+zstd(3)  0     1 of 805306368",
                "19/h_min     float32  (3298534883328,)  (4096,)  bytes+zstd(3)  NaN   1 of 805306368",
                "19/morton    uint64   (3298534883328,)  (4096,)  bytes+zstd(3)  0     1 of 805306368",
                "",
                "array        over   non-fill  min   max     mean",
                "19/cell_ids  cells  4096      4096  8191    6143.5",
                "19/h_min     cells  2         -3.5  1250.0  623.25",
                "19/morton    cells  4096      4096  8191    6143.5"), lines.subList(7, 16));
    }

    @Test
    void anyZarrV3ArrayIsSummarisedInsideItsShapeWithoutItsFill() throws IOException {
        // a root array (5, 3) int16, fill -1, chunks (2, 2), keys c.i.j: chunk (2, 1) has one element inside the array
        Files.writeString(dir.resolve("zarr.json"), """
                {"zarr_format": 3, "node_type": "array", "shape": [5, 3], "data_type": "int16",
                 "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
                 "chunk_key_encoding": {"name": "default", "configuration": {"separator": "."}},
                 "fill_value": -1, "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""");
        Files.write(dir.resolve("c.0.0"), new byte[] {1, 0, 2, 0, 3, 0, -1, -1});
        Files.write(dir.resolve("c.2.1"), new byte[] {9, 0, 99, 0, 0, 1, 0, 2});
        CliRun r = CliRun.zagg("inspect", dir.toString());
        assertEquals(new CliRun(0, String.join("\n",
                "store  " + dir.toAbsolutePath().normalize(),
                "run    not finished (no zagg_run.json)",
                "",
                "array  dtype  shape   chunks  codecs  fill  chunk objects",
                "/      int16  (5, 3)  (2, 2)  bytes   -1    2 of 6",
                "",
                "array  over      non-fill  min  max  mean",
                "/      elements  4         1    9    3.75",
                ""), ""), r);
    }

    @Test
    void aStoreWithoutArraysSaysSo() throws IOException {
        Files.writeString(dir.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"group\", \"attributes\": {\"b\": 1, \"a\": 2}}");
        assertEquals(new CliRun(0, String.join("\n",
                "store  " + dir.toAbsolutePath().normalize(),
                "run    not finished (no zagg_run.json)",
                "",
                "group  attributes",
                "/      b, a",
                "",
                "no arrays",
                ""), ""), CliRun.zagg("inspect", dir.toString()));
    }

    @Test
    void pathsThatAreNoStoreAreUsageErrorsOfOneLine() throws IOException {
        Path missing = dir.resolve("missing.zarr");
        assertEquals(new CliRun(2, "", "zagg inspect: " + missing.toAbsolutePath().normalize() + " does not exist\n"),
                CliRun.zagg("inspect", missing.toString()));

        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.writeString(folder.resolve(".zgroup"), "{\"zarr_format\": 2}");
        assertEquals(new CliRun(2, "", "zagg inspect: " + folder.toAbsolutePath().normalize() + " is not a Zarr v3 store: it has no zarr.json\n"),
                CliRun.zagg("inspect", folder.toString()));

        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertEquals(new CliRun(2, "", "zagg inspect: " + file.toAbsolutePath().normalize() + " is a file, not a Zarr store directory\n"),
                CliRun.zagg("inspect", file.toString()));

        CliRun none = CliRun.zagg("inspect");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Missing required parameter: 'STORE'\n"), none.err());
    }

    @Test
    void unreadableStoresFailWithOneLineAndTheStackTraceOnlyWhenVerbose() throws IOException {
        Path store = finishedZstdStore();
        Path chunk = store.resolve("4/h_mean/c/160");
        Files.write(chunk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        CliRun r = CliRun.zagg("inspect", store.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("zagg inspect: 4/h_mean/c/160: zstd data is broken"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        for (String[] args : new String[][] {{"inspect", store.toString(), "--verbose"}, {"--verbose", "inspect", store.toString()}}) {
            CliRun verbose = CliRun.zagg(args);
            assertEquals(1, verbose.status());
            List<String> lines = verbose.err().lines().toList();
            assertEquals(r.err().strip(), lines.get(0));
            assertTrue(lines.get(1).startsWith("java.io.IOException: 4/h_mean/c/160: zstd data is broken"), lines.get(1));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("\tat io.zagg.store.")), verbose.err());
        }

        Files.writeString(store.resolve("4/zarr.json"), "{not json");
        CliRun broken = CliRun.zagg("inspect", store.toString());
        assertEquals(1, broken.status());
        assertTrue(broken.err().startsWith("zagg inspect: 4/zarr.json is not valid JSON: "), broken.err());
        assertEquals(1, broken.err().lines().count(), broken.err());
    }

    @Test
    void helpDocumentsTheExitStatus() {
        CliRun help = CliRun.zagg("inspect", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: zagg inspect [-h] [--json] [--verbose] STORE\n"), help.out());
        assertTrue(help.out().contains("\nExit status:\n  0   the store was described\n  1   the store could not be read"), help.out());
        String commands = CliRun.zagg("--help").out();
        assertTrue(commands.contains("\n  inspect   Describes a Zarr v3 store: groups, arrays, chunks written, a\n"), commands);
    }
}
