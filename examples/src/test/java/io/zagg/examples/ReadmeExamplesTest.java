package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's code, as the examples run it. */
class ReadmeExamplesTest {

    @TempDir
    Path tmp;

    private Path granules() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("granules"));
        try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream("/granules/atl03_small.h5")) {
            Files.copy(in, dir.resolve("atl03_small.h5"));
        }
        return dir;
    }

    @Test
    void quickstartAggregatesTheGranulesWithArrow() throws IOException {
        RunReport report = Quickstart.run(granules(), tmp.resolve("out.zarr"));
        assertTrue(report.succeeded(), report.toJson());
        assertEquals("arrow", report.carrier());
        assertEquals(4, report.shards().size());
        assertEquals(11814, report.totalObs(), "the sample's photons in planned reads, as bin/zagg demo reports");
        for (ShardReport s : report.shards()) {
            assertEquals(ShardStatus.OK, s.status());
            assertTrue(s.decodedInputBytes() > 0 && s.peakCarrierBytes() >= s.decodedInputBytes(), s.toString());
        }
        assertTrue(Files.exists(tmp.resolve("out.zarr/19/h_ph_var/zarr.json")));
    }

    @Test
    void configRunTakesAZaggConfig() throws IOException {
        Path config = tmp.resolve("scalar.yaml");
        Files.writeString(config, String.join("\n",
                "data_source:",
                "  groups: [gt1l, gt2l]",
                "  coordinates: {latitude: \"/{group}/heights/lat_ph\", longitude: \"/{group}/heights/lon_ph\"}",
                "  variables: {h_ph: \"/{group}/heights/h_ph\"}",
                "aggregation:",
                "  coordinates:",
                "    cell_ids: {dtype: uint64, fill_value: 0}",
                "    morton: {dtype: uint64, fill_value: 0}",
                "  variables:",
                "    count: {function: len, source: h_ph, dtype: int32, fill_value: 0}",
                "    h_q50: {function: quantile, source: h_ph, params: {q: 0.5}}",
                "output:",
                "  grid: {type: healpix, parent_order: 11, child_order: 19}",
                ""));
        RunReport report = ConfigRun.run(config, granules(), tmp.resolve("cfg.zarr"));
        assertTrue(report.succeeded(), report.toJson());
        assertEquals(12000, report.totalObs(), "two beams of 6000 photons, no filter");
        assertTrue(Files.exists(tmp.resolve("cfg.zarr/19/h_q50/zarr.json")));
    }
}
