package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layouts;
import io.zagg.Pipeline;
import io.zagg.RunPlan;
import io.zagg.RunReport;
import io.zagg.ShardStatus;
import io.zagg.Zagg;
import io.zagg.grid.Healpix;
import io.zagg.spi.CarrierProvider;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole pipeline through the DSL on a generated ATL03-shaped granule and checks the
 * store against statistics computed here, independently: the photons read with jhdf directly,
 * the TEP filter applied by hand, cells found by hashing, reductions written out plainly.
 */
class PipelineEndToEndTest {

    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        return Fixtures.copy(name, tmp);
    }

    /** count, min, max and sum of h_ph per order-19 cell, from the file with jhdf. */
    private static TreeMap<Long, double[]> expected(Path granule) {
        TreeMap<Long, double[]> cells = new TreeMap<>();
        try (HdfFile f = new HdfFile(granule)) {
            for (String beam : List.of("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r")) {
                if (!f.getChildren().containsKey(beam)) {
                    continue;
                }
                double[] lat = (double[]) dataset(f, beam, "lat_ph").getData();
                double[] lon = (double[]) dataset(f, beam, "lon_ph").getData();
                float[] h = (float[]) dataset(f, beam, "h_ph").getData();
                byte[][] conf = (byte[][]) dataset(f, beam, "signal_conf_ph").getData();
                for (int i = 0; i < lat.length; i++) {
                    if (conf[i][0] == -2) {
                        continue; // the ATL03 layout's TEP filter
                    }
                    double[] s = cells.computeIfAbsent(Healpix.nested(19, lat[i], lon[i]),
                            k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
                    s[0]++;
                    s[1] = Math.min(s[1], h[i]);
                    s[2] = Math.max(s[2], h[i]);
                    s[3] += h[i];
                }
            }
        }
        return cells;
    }

    private static Dataset dataset(HdfFile f, String beam, String name) {
        return f.getDatasetByPath("/" + beam + "/heights/" + name);
    }

    private static Pipeline pipeline(Path granule) {
        return Zagg.read(Granules.of(granule))
                .layout(Layouts.atl03())
                .grid(Grids.healpix(11).chunks(13).cells(19))
                .aggregate(count(), min("h_ph"), max("h_ph"), mean("h_ph"), var("h_ph"))
                .exactRead()
                .workers(2);
    }

    private static ByteBuffer cell(StoreReader store, String array, long cell) throws IOException {
        return store.readRegion("19/" + array, cell, cell + 1).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void dslRunWritesTheStatisticsOfEveryCell() throws IOException {
        Path granule = fixture("atl03_small.h5");
        Path out = tmp.resolve("out.zarr");
        RunReport report = pipeline(granule).carrier(Carriers.PLAIN).write(out);

        TreeMap<Long, double[]> expected = expected(granule);
        assertTrue(report.succeeded(), report.toJson());
        long photons = expected.values().stream().mapToLong(s -> (long) s[0]).sum();
        assertEquals(photons, report.totalObs());
        assertEquals(expected.size(), report.cellsWithData());
        assertTrue(report.shards().stream().allMatch(s -> s.status() == ShardStatus.OK));

        StoreReader store = StoreReader.open(DirectoryStore.open(out));
        for (Map.Entry<Long, double[]> e : expected.entrySet()) {
            long c = e.getKey();
            double[] s = e.getValue();
            assertEquals((int) s[0], cell(store, "count", c).getInt(), "count of cell " + c);
            assertEquals((float) s[1], cell(store, "h_ph_min", c).getFloat(), "min of cell " + c);
            assertEquals((float) s[2], cell(store, "h_ph_max", c).getFloat(), "max of cell " + c);
            assertEquals(s[3] / s[0], cell(store, "h_ph_mean", c).getFloat(), 1e-3, "mean of cell " + c);
            assertEquals(c, cell(store, "cell_ids", c).getLong(), "cell_ids[i] == i");
        }
        long empty = expected.firstKey() + 1;
        while (expected.containsKey(empty)) {
            empty++;
        }
        // an empty cell inside a written chunk keeps the fill: count 0, statistics NaN
        if (empty / 4096 == expected.firstKey() / 4096) {
            assertEquals(0, cell(store, "count", empty).getInt());
            assertTrue(Float.isNaN(cell(store, "h_ph_min", empty).getFloat()));
        }
        assertTrue(store.runRecord().isPresent(), "the run record marks a finished run");
    }

    @Test
    void everyCarrierWritesTheSameBytes() throws IOException {
        Path granule = fixture("atl03_small.h5");
        Map<String, Map<String, byte[]>> stores = new TreeMap<>();
        for (String name : Carriers.names()) {
            CarrierProvider carrier = Carriers.named(name);
            Path out = tmp.resolve("out-" + name + ".zarr");
            RunReport report = pipeline(granule).carrier(carrier).write(out);
            assertTrue(report.succeeded(), name + ": " + report.toJson());
            stores.put(name, objects(out));
        }
        assertTrue(stores.size() >= 3, "plain, arrow and the example carrier are discovered: " + stores.keySet());
        Map<String, byte[]> reference = stores.get("plain");
        assertFalse(reference.isEmpty());
        for (Map.Entry<String, Map<String, byte[]>> s : stores.entrySet()) {
            assertEquals(reference.keySet(), s.getValue().keySet(), s.getKey() + " writes the same objects");
            for (Map.Entry<String, byte[]> o : reference.entrySet()) {
                assertTrue(java.util.Arrays.equals(o.getValue(), s.getValue().get(o.getKey())),
                        s.getKey() + " differs from plain in " + o.getKey());
            }
        }
    }

    @Test
    void plannedReadIsASubsetOfTheExactRead() {
        Path granule;
        try {
            granule = fixture("atl03_small.h5");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Pipeline exact = pipeline(granule);
        Pipeline planned = Zagg.read(Granules.of(granule)).layout(Layouts.atl03()).grid(Grids.healpix(11)).aggregate(count());
        RunPlan exactPlan = exact.plan();
        RunPlan plannedPlan = planned.plan();
        assertFalse(exactPlan.shards().isEmpty());
        for (RunPlan.Shard s : plannedPlan.shards()) {
            assertTrue(exactPlan.shards().stream().anyMatch(e -> e.key() == s.key()), "planned shard " + s + " is an exact one");
        }
        RunReport r = planned.write(tmp.resolve("planned.zarr"));
        RunReport e = exact.write(tmp.resolve("exact.zarr"));
        assertTrue(r.totalObs() <= e.totalObs());
        assertTrue(r.totalObs() > 0);
    }

    private static Map<String, byte[]> objects(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

}
