package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every config zagg ships (in ../shared/data/zagg-configs) loads, or fails clearly if it uses a rectilinear grid. */
class ShippedConfigsTest {

    private static List<Path> shippedConfigs() throws IOException {
        Optional<Path> dir = SharedData.find("data/zagg-configs");
        assumeTrue(dir.isPresent(), "skipped: ../shared/data/zagg-configs is absent (zagg's shipped configs are not in this checkout)");
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedConfigLoadsOrNamesItsRectilinearGrid() throws IOException {
        List<Path> configs = shippedConfigs();
        assertEquals(16, configs.size(), "zagg ships 16 configs");
        int loaded = 0;
        for (Path p : configs) {
            String text = Files.readString(p);
            if (text.contains("type: rectilinear")) {
                ConfigException e = assertThrows(ConfigException.class, () -> ZaggConfig.load(p), p.toString());
                assertTrue(e.getMessage().startsWith(p + ": output.grid.type 'rectilinear' is not supported"), e.getMessage());
            } else {
                ZaggConfig c = ZaggConfig.load(p);
                assertEquals(p.toString(), c.source());
                loaded++;
            }
        }
        assertEquals(8, loaded, "the HEALPix configs: atl06, 3 gain/bias, scalar o11, 3 tdigest");
    }
}
