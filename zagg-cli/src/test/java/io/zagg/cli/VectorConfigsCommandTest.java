package io.zagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.TDigestReader;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import io.zagg.test.Resources;
import io.zagg.test.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zagg run} with the gain/bias waveform and t-digest configs: ours, and zagg's shipped ones when {@code ../shared} is there. */
class VectorConfigsCommandTest {

    @TempDir
    Path tmp;

    private CliRun run(Path config, Path store) throws IOException {
        return CliRun.zagg("run", "--config", config.toString(), "--granules", Resources.copy("granules/atl03_small.h5", tmp).toString(),
                "--store", store.toString(), "--workers", "2");
    }

    @Test
    void theGainBiasConfigWritesWaveformsAndCompanions() throws IOException {
        Path store = tmp.resolve("gain_bias.zarr");
        CliRun r = run(Resources.copy("configs/atl03_gain_bias_o11.yaml", tmp), store);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" 0 FAILED"), r.out());
        StoreReader reader = StoreReader.open(DirectoryStore.open(store));
        assertEquals(12L << 26, reader.array("19/gain_h").shape()[0], "one gain per order-13 chunk");
        assertTrue(reader.storedChunkCount("19/gain_h") > 0);
        assertEquals(reader.storedChunkCount("19/gain_h"), reader.storedChunkCount("19/waveform_counts"),
                "a chunk with photons has both its waveforms and its gain");
    }

    @Test
    void theTDigestConfigWritesDigestsTheReaderOpens() throws IOException {
        Path store = tmp.resolve("tdigest.zarr");
        CliRun r = run(Resources.copy("configs/atl03_tdigest_o11.yaml", tmp), store);
        assertEquals(0, r.status(), r.err());
        assertEquals(19, TDigestReader.open(store, "h_tdigest").cellOrder());
    }

    @Test
    void zaggsShippedConfigsRunUnchanged() throws IOException {
        for (String name : new String[] {"atl03_gain_bias_healpix.yaml", "atl03_tdigest_healpix.yaml"}) {
            Path config = SharedData.require("data/zagg-configs/" + name);
            CliRun r = run(config, tmp.resolve(name + ".zarr"));
            assertEquals(0, r.status(), name + ": " + r.err());
            assertTrue(r.out().contains(" 0 FAILED"), name + ": " + r.out());
        }
    }
}
