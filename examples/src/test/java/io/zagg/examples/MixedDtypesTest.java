package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.Zagg;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Granules whose dataset dtypes differ: one promotion rule (safe widening) for every carrier,
 * else a failed shard naming the granule and dataset. The granules are written by the HDF5
 * library (h5py) here.
 */
class MixedDtypesTest {

    @TempDir
    Path tmp;

    /** Ten points at (10.05, 20.05) with {@code /gt1l/heights/h} of the given numpy dtype, values 1..10. */
    private Path granule(String name, String dtype) throws IOException, InterruptedException {
        Path file = tmp.resolve(name);
        String script = "import h5py, numpy as np, sys\n"
                + "with h5py.File(sys.argv[1], 'w') as f:\n"
                + "    g = f.create_group('gt1l/heights')\n"
                + "    g['lat_ph'] = np.full(10, 10.05)\n"
                + "    g['lon_ph'] = np.full(10, 20.05)\n"
                + "    g.create_dataset('h', data=np.arange(1, 11).astype(sys.argv[2]), chunks=(4,), compression='gzip')\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString(), dtype).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "h5py (python3-h5py, installed by .ci/run) wrote " + name + ": " + out);
        return file;
    }

    private static Layout layout() {
        return Layouts.builder().groups("gt1l").coordinates("/{group}/heights/lat_ph", "/{group}/heights/lon_ph")
                .variable("h", "/{group}/heights/h").noReadPlan().build();
    }

    @Test
    void float32AndFloat64GranulesWidenToFloat64ForEveryCarrier() throws Exception {
        List<Path> granules = List.of(granule("a.h5", "float32"), granule("b.h5", "float64"), granule("c.h5", "int16"));
        for (String carrier : List.of("plain", "arrow")) {
            Path out = tmp.resolve(carrier + ".zarr");
            RunReport r = Zagg.read(Granules.of(granules)).layout(layout()).grid(Grids.healpix(5).cells(12))
                    .aggregate(count(), max("h")).carrier(Carriers.named(carrier)).write(out);
            assertTrue(r.succeeded(), r.toJson());
            ShardReport s = r.shards().get(0);
            assertEquals(ShardStatus.OK, s.status());
            assertEquals(30, s.totalObs());
            StoreReader store = StoreReader.open(DirectoryStore.open(out));
            long cell = io.zagg.grid.Healpix.nested(12, 10.05, 20.05);
            assertEquals(30, store.readRegion("12/count", cell, cell + 1).order(ByteOrder.LITTLE_ENDIAN).getInt());
            assertEquals(10f, store.readRegion("12/h_max", cell, cell + 1).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        }
    }

    @Test
    void dtypesWithoutASafeCommonTypeFailTheShardNamingGranuleAndDataset() throws Exception {
        List<Path> granules = List.of(granule("a.h5", "float32"), granule("z.h5", "int64"));
        RunReport r = Zagg.read(Granules.of(granules)).layout(layout()).grid(Grids.healpix(5).cells(12))
                .aggregate(count(), max("h")).write(tmp.resolve("bad.zarr"));
        ShardReport s = r.shards().get(0);
        assertEquals(ShardStatus.FAILED, s.status());
        assertTrue(s.error().orElseThrow().startsWith("granule z.h5, dataset /gt1l/heights/h: int64 cannot be combined with float32"),
                s.error().orElseThrow());
    }
}
