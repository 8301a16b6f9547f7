package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.test.SharedData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every config zagg ships (in ../shared/data/zagg-configs) loads, or fails clearly if it uses a rectilinear grid. */
class ShippedConfigsTest {

    private static List<Path> shippedConfigs() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.require("data/zagg-configs"))) {
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

    private static ZaggConfig shipped(String name) throws IOException {
        return ZaggConfig.load(SharedData.require("data/zagg-configs").resolve(name));
    }

    @Test
    void atl06() throws IOException {
        ZaggConfig c = shipped("atl06.yaml");
        assertEquals(List.of("count", "h_min", "h_max", "h_mean", "h_sigma", "h_variance", "h_q25", "h_q50", "h_q75"),
                c.aggregation().fields().stream().map(FieldSpec::name).toList());
        assertEquals(List.of("count", "min", "max", "average", "var", "quantile"),
                c.aggregation().fields().stream().flatMap(f -> f.function().stream()).map(FunctionRef::reducerName).distinct().toList());
        assertEquals(new Param.Literal(0.25), c.aggregation().fields().get(6).function().get().params().get("q"));
        assertEquals(6, c.output().grid().parentOrder());
        assertEquals(12, c.output().grid().childOrder());
        assertEquals(1, c.output().grid().chunksPerShard());
    }

    /** The shipped gain/bias chain on a chunk of one photon and a chunk of three: precompute, waveform, companions. */
    @Test
    void gainBiasChainRunsOnTheShippedConfig() throws IOException {
        ZaggConfig c = shipped("atl03_gain_bias_healpix.yaml");
        assertEquals(16, c.output().grid().chunksPerShard());
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h_ph", Columns.of(250.2f, 240f, 260.5f, 330f));
        columns.put("dem_h", Columns.of(251.9f, 239.4f, 239.4f, 239.4f));
        columns.put("leaf_id", Columns.wrap(new long[] {-7L, 1L, 1L, 2L}, io.zagg.spi.DType.UINT64, 1));

        Namespace onePhoton = Namespace.of(columns, 0, 1);
        ChunkValues single = c.aggregation().evaluateChunk(onePhoton);
        assertEquals(0.5, single.scalar("chunk_gain"), "a single photon: the gain floors at 0.5 m");
        assertEquals(251.0, single.scalar("chunk_offset"));
        FieldSpec waveform = c.aggregation().fields().get(0);
        Column w = ((CellValue.VectorValue) waveform.evaluate(onePhoton.with(single))).values();
        // window [251 - 27 * 0.5, 251 + 101 * 0.5] = [237.5, 301.5]: 250.2 is (250.2 - 237.5) / 0.5 = 25.4 -> bin 25
        assertEquals(1, w.getLong(25));
        assertEquals(1, total(w));

        Namespace three = Namespace.of(columns, 1, 4);
        ChunkValues chunk = c.aggregation().evaluateChunk(three);
        assertEquals(1.0, chunk.scalar("chunk_gain"), "range 90 / 128 = 0.70 -> 2^ceil(-0.51) = 1");
        assertEquals(239.0, chunk.scalar("chunk_offset"));
        // window [239 - 27, 239 + 101] = [212, 340], 1 m bins; the anchor 239 is bin 27
        Column cell = ((CellValue.VectorValue) waveform.evaluate(three.rows(1, 3).with(chunk))).values();
        assertEquals(List.of(1L, 1L), List.of(cell.getLong(28), cell.getLong(48)));
        assertEquals(2, total(cell));
        Namespace emptyCell = three.rows(4, 4).with(chunk);
        assertEquals(new CellValue.ScalarValue(239.0), c.aggregation().fields().get(1).evaluate(emptyCell), "offset_h");
        assertEquals(new CellValue.ScalarValue(1.0), c.aggregation().fields().get(2).evaluate(emptyCell), "gain_h");
        assertEquals(0, total(((CellValue.VectorValue) waveform.evaluate(emptyCell)).values()));
    }

    private static long total(Column counts) {
        long t = 0;
        for (int i = 0; i < counts.rows(); i++) {
            t += counts.getLong(i);
        }
        return t;
    }
}
