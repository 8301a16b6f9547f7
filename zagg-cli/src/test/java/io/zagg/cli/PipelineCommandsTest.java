package io.zagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.zagg.grid.Healpix;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zagg run}, {@code shardmap} and {@code demo}, in-process, against values computed here. */
class PipelineCommandsTest {

    @TempDir
    Path tmp;

    private Path resource(String name) throws IOException {
        Path target = tmp.resolve(Path.of(name).getFileName());
        try (InputStream in = PipelineCommandsTest.class.getResourceAsStream("/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** Non-TEP photons per order-19 cell, read with jhdf directly. */
    private static Map<Long, Integer> photonsPerCell(Path granule) {
        Map<Long, Integer> cells = new TreeMap<>();
        try (HdfFile f = new HdfFile(granule)) {
            for (String beam : List.of("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r")) {
                if (!f.getChildren().containsKey(beam)) {
                    continue;
                }
                double[] lat = (double[]) f.getDatasetByPath(beam + "/heights/lat_ph").getData();
                double[] lon = (double[]) f.getDatasetByPath(beam + "/heights/lon_ph").getData();
                byte[][] conf = (byte[][]) f.getDatasetByPath(beam + "/heights/signal_conf_ph").getData();
                for (int i = 0; i < lat.length; i++) {
                    if (conf[i][0] != -2) {
                        cells.merge(Healpix.nested(19, lat[i], lon[i]), 1, Integer::sum);
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void runWritesTheConfigsFieldsAndTheReport() throws IOException {
        Path granule = resource("granules/atl03_small.h5");
        Path config = resource("configs/photons_o11.yaml");
        Path store = tmp.resolve("out.zarr");
        Path report = tmp.resolve("report.json");
        CliRun r = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store", store.toString(),
                "--report", report.toString(), "--exact-read", "--carrier", "arrow", "--workers", "2");
        assertEquals(0, r.status(), r.err());
        Map<Long, Integer> expected = photonsPerCell(granule);
        long photons = expected.values().stream().mapToLong(Integer::longValue).sum();
        assertTrue(r.out().contains("; " + photons + " observations in " + expected.size() + " cells; "), r.out());

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(photons, json.get("total_obs").asLong());
        assertEquals("arrow", json.get("carrier").asText());
        assertEquals(0, json.get("shards_failed").asInt());

        StoreReader reader = StoreReader.open(DirectoryStore.open(store));
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            int count = reader.readRegion("19/count", e.getKey(), e.getKey() + 1).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertEquals(e.getValue(), count, "cell " + e.getKey());
            float min = reader.readRegion("19/h_min", e.getKey(), e.getKey() + 1).order(ByteOrder.LITTLE_ENDIAN).getFloat();
            float max = reader.readRegion("19/h_max", e.getKey(), e.getKey() + 1).order(ByteOrder.LITTLE_ENDIAN).getFloat();
            float span = reader.readRegion("19/h_span", e.getKey(), e.getKey() + 1).order(ByteOrder.LITTLE_ENDIAN).getFloat();
            assertEquals(max - min, span, "the expression field h_span of cell " + e.getKey());
        }
    }

    @Test
    void shardmapThenRunFromTheMapWritesTheSameStore() throws IOException {
        Path granule = resource("granules/atl03_small.h5");
        Path config = resource("configs/photons_o11.yaml");
        Path map = tmp.resolve("map.json");
        CliRun m = CliRun.zagg("shardmap", "--config", config.toString(), "--granules", tmp.toString(), "--out", map.toString());
        assertEquals(0, m.status(), m.err());
        JsonNode json = new ObjectMapper().readTree(map.toFile());
        assertEquals(11, json.get("grid_signature").get("parent_order").asInt());
        assertFalse(json.get("shard_keys").isEmpty());
        assertEquals(granule.toAbsolutePath().toString(), json.get("granules").get(0).get(0).get("path").asText());

        Path fromMap = tmp.resolve("from-map.zarr");
        Path fromGranules = tmp.resolve("from-granules.zarr");
        assertEquals(0, CliRun.zagg("run", "--config", config.toString(), "--shardmap", map.toString(), "--store", fromMap.toString()).status());
        assertEquals(0, CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store", fromGranules.toString()).status());
        assertEquals(objects(fromGranules), objects(fromMap));
    }

    @Test
    void dryRunPlansAndWritesNothing() throws IOException {
        Path granule = resource("granules/atl03_small.h5");
        Path config = resource("configs/photons_o11.yaml");
        Path store = tmp.resolve("dry.zarr");
        CliRun r = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store", store.toString(), "--dry-run");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("dry run: 4 shards, 4 granule-shard pairs"), r.out());
        assertFalse(Files.exists(store));
    }

    @Test
    void aFailingShardMakesExitStatusOne() throws IOException {
        Path granule = resource("granules/atl03_small.h5");
        Path config = resource("configs/zero_weights.yaml");
        CliRun r = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store", tmp.resolve("f.zarr").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED"), r.out());
        assertTrue(r.err().contains("FAILED: "), r.err());
    }

    @Test
    void usageErrorsAreOneLineWithExitStatusTwo() throws IOException {
        Path granule = resource("granules/atl03_small.h5");
        CliRun missing = CliRun.zagg("run", "--config", tmp.resolve("none.yaml").toString(), "--granules", granule.toString(),
                "--store", tmp.resolve("x.zarr").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("zagg run: " + tmp.resolve("none.yaml") + ": cannot be read"), missing.err());

        Path config = resource("configs/photons_o11.yaml");
        CliRun carrier = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store",
                tmp.resolve("x.zarr").toString(), "--carrier", "nope");
        assertEquals(2, carrier.status());
        assertTrue(carrier.err().startsWith("zagg run: "), carrier.err());
        assertTrue(carrier.err().contains("plain"), "an unknown carrier lists the ones found: " + carrier.err());

        CliRun both = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--shardmap", "m.json",
                "--store", "x.zarr");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        CliRun inflate = CliRun.zagg("run", "--config", config.toString(), "--granules", granule.toString(), "--store",
                tmp.resolve("x.zarr").toString(), "--inflate", "gzip");
        assertEquals(2, inflate.status());
        assertEquals("zagg run: --inflate 'gzip' is not one of auto, zlib, libdeflate\n", inflate.err());

        CliRun noGranule = CliRun.zagg("run", "--config", config.toString(), "--granules", tmp.resolve("gone.h5").toString(),
                "--store", tmp.resolve("x.zarr").toString(), "--verbose");
        assertEquals(2, noGranule.status());
        assertTrue(noGranule.err().startsWith("zagg run: granule " + tmp.resolve("gone.h5") + " does not exist\n"), noGranule.err());
        assertTrue(noGranule.err().contains("\tat io.zagg.cli."), "--verbose adds the stack trace");
    }

    @Test
    void demoAggregatesTheBundledGranules() throws IOException {
        Path store = tmp.resolve("demo.zarr");
        CliRun r = CliRun.zagg("demo", "--store", store.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("zagg demo: 1 sample ATL03 granule(s)"), r.out());
        assertTrue(r.out().contains("4 shards: 4 OK, 0 EMPTY, 0 FAILED; 11814 observations in 809 cells"), r.out());
        assertTrue(Files.exists(store.resolve("zagg_run.json")));
        assertEquals(0, CliRun.zagg("demo", "--store", store.toString()).status(), "a second demo replaces the first");
    }

    private static Map<String, String> objects(Path root) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), java.util.Arrays.toString(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
