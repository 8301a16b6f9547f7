package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repeated end-to-end run: every run writes the same photons, and the summary is the median run. */
class WarmEndToEndTest {

    // the benchmark's own config and the project's small ATL03-shaped granule (six beams, deflated chunks)
    private static final Path CONFIG = Path.of("../tools/scalar_healpix_o11.yaml");
    private static final Path GRANULE = Path.of("../zagg-api/src/test/resources/granules/atl03_small.h5");

    @Test
    void everyRunAggregatesTheSamePhotonsIntoAFreshStore(@TempDir Path dir) throws Exception {
        Path granules = Files.createDirectory(dir.resolve("granules"));
        Files.copy(GRANULE, granules.resolve("ATL03_small.h5"));
        Path store = dir.resolve("out.zarr");
        List<Integer> seen = new ArrayList<>();
        List<WarmEndToEnd.Run> runs = WarmEndToEnd.measure(CONFIG, granules, store, "plain", 2, 3, (run, i) -> seen.add(i));

        assertEquals(List.of(0, 1, 2), seen);
        long photons = runs.get(0).photons();
        assertTrue(photons > 1000, "photons " + photons);
        for (WarmEndToEnd.Run r : runs) {
            assertEquals(photons, r.photons());
            assertTrue(r.wallSeconds() > 0 && r.cpuSeconds() > 0, r.toString());
        }
        assertTrue(Files.isRegularFile(store.resolve("zarr.json")));
    }

    @Test
    void theSummaryIsTheRunWithTheMedianRatePerCpuSecond() {
        WarmEndToEnd.Run slow = new WarmEndToEnd.Run(100, 1, 4, 0, 0);
        WarmEndToEnd.Run middle = new WarmEndToEnd.Run(100, 1, 2, 0, 0);
        WarmEndToEnd.Run fast = new WarmEndToEnd.Run(100, 1, 1, 0, 0);
        assertSame(middle, WarmEndToEnd.median(List.of(fast, slow, middle)));
        assertEquals(50.0, middle.photonsPerCpuSecond());
        assertEquals(100.0, middle.photonsPerSecond());
    }
}
