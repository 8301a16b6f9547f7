package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.DType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loading the test configs in src/test/resources/configs into the model. */
class ConfigLoaderTest {

    static Path resource(String name) {
        try {
            return Path.of(ConfigLoaderTest.class.getResource("/configs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void atl06StyleConfig() {
        Path path = resource("atl06_healpix.yaml");
        ZaggConfig c = ZaggConfig.load(path);
        assertEquals(path.toString(), c.source());
        assertEquals(List.of("gt1l", "gt2l"), c.dataSource().groups());
        assertEquals(List.of("h_li", "s_li"), new ArrayList<>(c.dataSource().variables().keySet()));
        assertEquals("/{group}/land_ice_segments/h_li_sigma", c.dataSource().variables().get("s_li"));
        assertEquals("https", c.dataSource().raw().get("driver"));
        assertTrue(c.dataSource().expressionFilters().isEmpty());

        assertEquals(List.of("cell_ids", "morton"), c.aggregation().coordinates().stream().map(CoordinateSpec::name).toList());
        assertEquals(DType.UINT64, c.aggregation().coordinates().get(1).dtype());

        List<FieldSpec> f = c.aggregation().fields();
        assertEquals(List.of("n", "lowest", "weighted", "sigma", "p90", "spread"), f.stream().map(FieldSpec::name).toList());
        FieldSpec n = f.get(0);
        assertTrue(n.isCount());
        assertEquals("count", n.function().get().reducerName());
        assertEquals(DType.INT32, n.dtype());
        assertEquals(0.0, n.fillValue());
        FieldSpec lowest = f.get(1);
        assertEquals("min", lowest.function().get().reducerName());
        assertEquals(DType.FLOAT32, lowest.dtype(), "float32 unless declared");
        assertEquals(Optional.empty(), lowest.declaredDtype());
        assertTrue(Double.isNaN(lowest.fillValue()), "fill NaN unless declared");
        FunctionRef weighted = f.get(2).function().get();
        assertEquals(Optional.of("h_li"), weighted.source());
        Param weights = weighted.params().get("weights");
        assertInstanceOf(Param.Computed.class, weights);
        assertEquals("1.0 / s_li**2", ((Param.Computed) weights).expression().text());
        FieldSpec sigma = f.get(3);
        assertEquals("1.0 / np.sqrt(np.sum(1.0 / s_li**2))", sigma.expression().get().text());
        assertTrue(sigma.function().isEmpty());
        FieldSpec p90 = f.get(4);
        assertEquals("quantile", p90.function().get().reducerName(), "numpy. prefix dropped");
        assertEquals(new Param.Literal(0.9), p90.function().get().params().get("q"));
        assertEquals(DType.FLOAT64, p90.dtype());
        assertEquals(Optional.of("float64"), p90.declaredDtype());
        FunctionRef spread = f.get(5).function().get();
        assertEquals(Optional.of("h_li"), spread.source(), "zagg's default source");
        assertEquals(new Param.Literal(1L), spread.params().get("ddof"), "a numeric string param is its number");

        HealpixGridSpec g = c.output().grid();
        assertEquals(new HealpixGridSpec(5, 10, 5, false, HealpixGridSpec.Layout.FULLSPHERE, Optional.empty()), g);
        assertEquals(1, g.chunksPerShard());
        assertEquals(Optional.of("/tmp/atl06_test.zarr"), c.output().store());
        assertEquals(Optional.of("shardmaps/atl06.json"), c.catalog());
        assertEquals(Optional.empty(), c.bounds());
    }

    @Test
    void gainBiasStyleConfig() {
        ZaggConfig c = ZaggConfig.load(resource("gain_bias_healpix.yaml"));
        assertEquals(List.of("ref_h"), new ArrayList<>(c.dataSource().segmentVariables()));
        assertEquals(List.of("h_ph", "ref_h"), new ArrayList<>(c.dataSource().columns()));
        List<PrecomputeSpec> pre = c.aggregation().chunkPrecompute();
        assertEquals(List.of("gain", "anchor", "middle"), pre.stream().map(PrecomputeSpec::name).toList());
        assertEquals(Optional.of(DType.FLOAT32), pre.get(0).dtype());
        assertEquals("np.median(h_ph)", pre.get(2).expression().text(), "a function entry is the numpy call it stands for");
        assertEquals(Optional.empty(), pre.get(2).dtype());

        FieldSpec waveform = c.aggregation().fields().get(0);
        assertEquals(FieldSpec.Kind.VECTOR, waveform.kind());
        assertEquals(List.of(64), waveform.trailingShape());
        assertEquals(DType.UINT32, waveform.dtype());
        FieldSpec anchor = c.aggregation().fields().get(1);
        assertEquals(FieldSpec.Resolution.CHUNK, anchor.resolution());
        assertEquals(FieldSpec.Kind.SCALAR, anchor.kind());

        HealpixGridSpec g = c.output().grid();
        assertEquals(10, g.parentOrder());
        assertEquals(12, g.chunkOrder());
        assertEquals(18, g.childOrder());
        assertTrue(g.sharded());
        assertEquals(16, g.chunksPerShard());
        assertEquals(Optional.of("nested"), g.indexingScheme());
    }

    @Test
    void raggedFieldsAndDenseLayout() {
        ZaggConfig c = ZaggConfig.load(resource("tdigest_healpix.yaml"));
        FieldSpec digest = c.aggregation().fields().get(1);
        assertEquals(FieldSpec.Kind.RAGGED, digest.kind());
        assertEquals(List.of(2), digest.innerShape(), "an int inner_shape is a one-dimensional shape");
        assertEquals("tdigest", digest.function().get().reducerName());
        assertEquals(new Param.Literal(128L), digest.function().get().params().get("delta"));
        assertEquals(DType.UINT32, c.aggregation().fields().get(0).dtype());
        assertEquals(HealpixGridSpec.Layout.DENSE, c.output().grid().layout());
    }

    @Test
    void expressionFiltersBoundsAndOutputSettings() {
        ZaggConfig c = ZaggConfig.load(resource("expression_filter.yaml"));
        List<RowFilter> filters = c.dataSource().expressionFilters();
        assertEquals(2, filters.size(), "only the expression filters; the structured one is the layout's");
        assertEquals(0, filters.get(0).index());
        assertEquals(2, filters.get(1).index());
        assertEquals("~np.isnan(h_li)", filters.get(1).expression().text());
        List<?> raw = (List<?>) c.dataSource().raw().get("filters");
        assertEquals(3, raw.size(), "the raw section keeps every filter for the layout");
        assertEquals(Optional.of("s3://bucket/prefix/out.zarr"), c.output().store());
        assertEquals(Optional.of("https://s3.example.org"), c.output().endpointUrl());
        assertEquals(Optional.of("us-west-2"), c.output().region());
        BoundsSpec b = c.bounds().get();
        assertEquals("2019-01-01", b.temporal().get().startDate());
        assertEquals(List.of(-180L, -90L, 180L, 90L), b.spatial().get());
    }

    @Test
    void functionNamesForTheReducerRegistry() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("len", "count");
        expected.put("count", "count");
        expected.put("median", "median");
        expected.put("np.nanmean", "nanmean");
        expected.put("numpy.quantile", "quantile");
        expected.put("zagg.stats.tdigest.build_tdigest", "tdigest");
        expected.put("org.example.reducers.trimmed_mean", "org.example.reducers.trimmed_mean");
        expected.forEach((written, registry) -> assertEquals(registry, FunctionRef.reducerName(written), written));
        assertTrue(new FunctionRef("len", null, Map.of()).isCount());
        assertFalse(new FunctionRef("np.nanmean", "h", Map.of()).isCount());
    }

    @Test
    void rectilinearGridIsRejectedNamingTheConfig() {
        Path path = resource("rectilinear_grid.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ZaggConfig.load(path));
        assertEquals(path + ": output.grid.type 'rectilinear' is not supported by zagg for Java, which writes HEALPix grids only"
                + " (use type: healpix with parent_order and child_order)", e.getMessage());
        assertEquals(path.toString(), e.source());
    }

    @Test
    void rawSectionIsUnmodifiable() {
        ZaggConfig c = ZaggConfig.load(resource("gain_bias_healpix.yaml"));
        Map<String, Object> raw = c.dataSource().raw();
        assertThrows(UnsupportedOperationException.class, () -> raw.put("x", 1));
        Map<?, ?> levels = (Map<?, ?>) raw.get("levels");
        assertThrows(UnsupportedOperationException.class, () -> levels.clear());
        assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) levels.get("segments")).get("link")).get("index_base"),
                "values as SnakeYAML read them, for the layout's parser");
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = Path.of("no/such/config.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ZaggConfig.load(missing));
        assertTrue(e.getMessage().startsWith("no/such/config.yaml: cannot be read (java.nio.file.NoSuchFileException"), e.getMessage());
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.standard().parse("data_source:\n  variables: [a, b\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml: is not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains(" at line 3, column 1"), e.getMessage());
    }

    @Test
    void safeLoadingRefusesArbitraryTypes() {
        String yaml = "data_source: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.standard().parse(yaml, "evil.yaml"));
        assertEquals("evil.yaml: is not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager"
                + " at line 1, column 14", e.getMessage());
    }

    @Test
    void topLevelMustBeAMapping() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.standard().parse("- a\n- b\n", "list.yaml"));
        assertEquals("list.yaml: the top level must be a mapping with data_source, aggregation and output (got ['a', 'b'])",
                e.getMessage());
        ConfigException empty = assertThrows(ConfigException.class, () -> ConfigLoader.standard().parse("", "empty.yaml"));
        assertEquals("empty.yaml: Missing required section: data_source", empty.getMessage());
    }

    @Test
    void dataSourceRulesRunBeforeTheAggregationRules() {
        String yaml = "data_source: {variables: {h: /h}, filters: [{dataset: /q, op: near, value: 0}]}\n"
                + "aggregation: {variables: {x: {function: max, source: nope}}}\n"
                + "output: {grid: {type: healpix, parent_order: 1, child_order: 2}}\n";
        ConfigLoader strict = ConfigLoader.standard().withDataSourceRules(ds -> {
            throw new IllegalArgumentException("filter[0]: unknown op 'near' (allowed: [...])");
        });
        ConfigException e = assertThrows(ConfigException.class, () -> strict.parse(yaml, "c.yaml"));
        assertEquals("c.yaml: filter[0]: unknown op 'near' (allowed: [...])", e.getMessage());
        ConfigException standard = assertThrows(ConfigException.class, () -> ConfigLoader.standard().parse(yaml, "c.yaml"));
        assertEquals("c.yaml: Variable 'x': source 'nope' not in data_source.variables", standard.getMessage());
        assertFalse(standard.getMessage().contains("filter"));
    }
}
