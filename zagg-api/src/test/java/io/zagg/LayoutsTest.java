package io.zagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zagg.Layout.Filter;
import io.zagg.Layout.Level;
import io.zagg.Layout.Link;
import io.zagg.Layout.Op;
import io.zagg.Layout.ReadPlan;
import io.zagg.read.TestGranules;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The presets, the builder's rules and the bridge from zagg's YAML {@code data_source}. */
class LayoutsTest {

    private static final String ATL03_DATA_SOURCE = String.join("\n",
            "reader: h5coro",
            "driver: s3",
            "groups: [gt1l, gt1r, gt2l, gt2r, gt3l, gt3r]",
            "coordinates: {latitude: '/{group}/heights/lat_ph', longitude: '/{group}/heights/lon_ph'}",
            "variables: {h_ph: '/{group}/heights/h_ph'}",
            "filters: [{dataset: '/{group}/heights/signal_conf_ph', column: 0, op: ne, value: -2}]",
            "base_level: photons",
            "levels:",
            "  photons: {path: '/{group}/heights', coordinates: {latitude: lat_ph, longitude: lon_ph}, link: null}",
            "  segments:",
            "    path: '/{group}/geolocation'",
            "    coordinates: {latitude: reference_photon_lat, longitude: reference_photon_lon}",
            "    link: {to: photons, index_beg: '/{group}/geolocation/ph_index_beg', count: '/{group}/geolocation/segment_ph_cnt',",
            "           index_base: 1}",
            "read_plan: {spatial_index: segments, pad: 1}");

    private static final String ATL06_DATA_SOURCE = String.join("\n",
            "groups: [gt1l, gt1r, gt2l, gt2r, gt3l, gt3r]",
            "coordinates: {latitude: '/{group}/land_ice_segments/latitude', longitude: '/{group}/land_ice_segments/longitude'}",
            "variables: {h_li: '/{group}/land_ice_segments/h_li', s_li: '/{group}/land_ice_segments/h_li_sigma'}",
            "quality_filter: {dataset: '/{group}/land_ice_segments/atl06_quality_summary', value: 0}");

    static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Layouts.fromDataSource(yaml(text))).getMessage();
    }

    @Test
    void presetsAreZaggsShippedDataSources() {
        assertEquals(Layouts.atl03(), Layouts.fromDataSource(yaml(ATL03_DATA_SOURCE)));
        assertEquals(Layouts.atl06(), Layouts.fromDataSource(yaml(ATL06_DATA_SOURCE)));
        Layout atl03 = Layouts.atl03();
        assertEquals(List.of("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r"), atl03.groups());
        assertEquals("/{group}/geolocation/reference_photon_lat", atl03.levels().get("segments").latitude().orElseThrow());
        assertEquals(1, atl03.levels().get("segments").link().orElseThrow().indexBase());
        assertEquals(1, atl03.readPlan().orElseThrow().pad());
        assertEquals(0.9, atl03.readPlan().orElseThrow().fullReadThreshold());
    }

    @Test
    void everyShippedZaggConfigParsesAndTheTwoPresetsMatchTheirFiles() throws IOException {
        Path configs = TestGranules.sharedData().map(d -> d.resolve("zagg-configs")).orElse(null);
        assumeTrue(configs != null && Files.isDirectory(configs), "skipped: ../shared/data/zagg-configs is absent on this machine");
        int parsed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(configs, "*.yaml")) {
            for (Path file : files) {
                Map<String, Object> dataSource = dataSource(file);
                Layout layout = Layouts.fromDataSource(dataSource);
                if (file.getFileName().toString().equals("atl03.yaml")) {
                    assertEquals(Layouts.atl03(), layout);
                } else if (file.getFileName().toString().equals("atl06.yaml")) {
                    assertEquals(Layouts.atl06(), layout);
                }
                parsed++;
            }
        }
        assertTrue(parsed >= 2, "parsed " + parsed + " configs");
        Layout waveform = Layouts.fromDataSource(dataSource(configs.resolve("atl03_waveform_chunk.yaml")));
        assertEquals(Map.of("dem_h", "/{group}/geophys_corr/dem_h"), waveform.levels().get("segments").variables());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataSource(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            Map<String, Object> config = new Yaml().load(r);
            return (Map<String, Object>) config.get("data_source");
        }
    }

    @Test
    void qualityFilterIsSugarForOneEqFilter() {
        Layout sugar = Layouts.builder().groups("gt1l").coordinates("/{group}/lat", "/{group}/lon").qualityFilter("/{group}/q", 0).build();
        Layout explicit = Layouts.builder().groups("gt1l").coordinates("/{group}/lat", "/{group}/lon").filter(Filter.of("/{group}/q", Op.EQ, 0))
                .build();
        assertEquals(explicit, sugar);
        assertEquals(List.of(Filter.eq("/{group}/land_ice_segments/atl06_quality_summary", 0)), Layouts.atl06().filters());
        // an explicit filters list wins over quality_filter, as in zagg
        Layout both = Layouts.fromDataSource(yaml(ATL06_DATA_SOURCE + "\nfilters: [{dataset: '/{group}/x', op: gt, value: 1.5}]"));
        assertEquals(List.of(Filter.gt("/{group}/x", 1.5)), both.filters());
    }

    @Test
    void filterGrammarMessagesAreZaggs() {
        String base = ATL06_DATA_SOURCE.substring(0, ATL06_DATA_SOURCE.indexOf("quality_filter"));
        assertEquals("data_source.quality_filter only honors ['dataset', 'value'] (got extra keys ['column', 'op']); use the structured "
                + "'filters:' list to set 'op', 'column', 'keep', etc.",
                error(base + "quality_filter: {dataset: x, value: 0, op: gt, column: 1}"));
        assertEquals("data_source.filters must be a list", error(base + "filters: {dataset: x}"));
        assertEquals("filter[0] must be a mapping", error(base + "filters: [x]"));
        assertEquals("filter[0]: 'expression' filters take no 'op'/'dataset' (base-level aggregation-time escape hatch, no pushdown)",
                error(base + "filters: [{expression: 'h_li > 0', op: gt}]"));
        assertEquals("filter[0]: 'expression' filters are base-level only (level must be omitted)",
                error(base + "filters: [{expression: 'h_li > 0', level: segments}]"));
        assertEquals("filter[0]: 'expression' must be a string", error(base + "filters: [{expression: 3}]"));
        assertEquals("filter[1]: structured filter requires 'dataset'", error(base + "filters: [{expression: 'h_li > 0'}, {op: eq, value: 1}]"));
        assertEquals("filter[0]: unknown op 'between' (allowed: ['eq', 'ge', 'gt', 'in', 'le', 'lt', 'ne', 'not_in'])",
                error(base + "filters: [{dataset: x, op: between, value: 1}]"));
        assertEquals("filter[0]: unknown op None (allowed: ['eq', 'ge', 'gt', 'in', 'le', 'lt', 'ne', 'not_in'])",
                error(base + "filters: [{dataset: x, value: 1}]"));
        assertEquals("filter[0]: 'column' must be an integer index (got True)", error(base + "filters: [{dataset: x, op: eq, value: 1, column: true}]"));
        assertEquals("filter[0]: 'column' must be an integer index (got 'a')", error(base + "filters: [{dataset: x, op: eq, value: 1, column: a}]"));
        assertEquals("filter[0]: op 'in' requires a 'values' list", error(base + "filters: [{dataset: x, op: in, values: 1}]"));
        assertEquals("filter[0]: 'values' must be numeric (got True)", error(base + "filters: [{dataset: x, op: not_in, values: [1, true]}]"));
        assertEquals("filter[0]: op 'ge' requires a scalar 'value'", error(base + "filters: [{dataset: x, op: ge}]"));
        assertEquals("filter[0]: 'value' must be numeric (got 'high')", error(base + "filters: [{dataset: x, op: ge, value: high}]"));
        assertEquals("filter[0]: 'value' must be numeric (got False)", error(base + "filters: [{dataset: x, op: ge, value: false}]"));
        assertEquals("filter[0]: level 'segments' is not a key in levels (available: [])",
                error(base + "filters: [{dataset: x, op: eq, value: 0, level: segments}]"));
    }

    @Test
    void structuredFiltersParseToTheirValues() {
        Layout l = Layouts.fromDataSource(yaml(ATL03_DATA_SOURCE.replace("filters: [{dataset: '/{group}/heights/signal_conf_ph', column: 0, op: ne, value: -2}]",
                "filters: [{dataset: '/{group}/heights/signal_conf_ph', column: 0, op: ne, value: -2},"
                        + " {dataset: '/{group}/geolocation/podppd_flag', level: segments, op: in, values: [0, 4], keep: false},"
                        + " {expression: 'h_ph > 0'}]")));
        assertEquals(List.of(Filter.ne("/{group}/heights/signal_conf_ph", -2).column(0),
                Filter.in("/{group}/geolocation/podppd_flag", 0, 4).level("segments").drop(), Filter.expression("h_ph > 0")), l.filters());
        assertTrue(l.isBaseRate(l.filters().get(0)));
        assertFalse(l.isBaseRate(l.filters().get(1)));
    }

    @Test
    void levelMessagesAreZaggs() {
        String flat = ATL03_DATA_SOURCE.substring(0, ATL03_DATA_SOURCE.indexOf("base_level:"));
        assertEquals(Layouts.fromDataSource(yaml(flat)), Layouts.fromDataSource(yaml(flat + "base_level: photons")),
                "zagg ignores a base_level without levels");
        assertEquals("data_source.levels must be a non-empty mapping", error(flat + "base_level: photons\nlevels: {}"));
        assertEquals("data_source.base_level is required when levels is present", error(flat + "levels: {photons: {path: x}}"));
        assertEquals("data_source.base_level 'ph' is not a key in levels (available: ['photons'])",
                error(flat + "base_level: ph\nlevels: {photons: {path: x}}"));
        assertEquals("levels.photons must be a mapping", error(flat + "base_level: photons\nlevels: {photons: x}"));
        assertEquals("levels.photons: 'path' is required", error(flat + "base_level: photons\nlevels: {photons: {link: null}}"));
        String two = flat + "base_level: photons\nlevels: {photons: {path: x}, segments: {path: y, link: %s}}";
        assertEquals("levels.segments: non-base levels must have a 'link' (only 'photons' may omit it)", error(String.format(two, "null")));
        assertEquals("levels.segments.link must be a mapping", error(String.format(two, "[photons]")));
        assertEquals("levels.segments.link: 'count' is required", error(String.format(two, "{to: photons, index_beg: b}")));
        assertEquals("levels.segments.link: unknown fields ['stride'] (allowed: to, index_beg, count, index_base, reference_index)",
                error(String.format(two, "{to: photons, index_beg: b, count: c, stride: 2}")));
        assertEquals("level 'segments': link.to cannot reference the level itself", error(String.format(two, "{to: segments, index_beg: b, count: c}")));
        assertEquals("levels.segments.link.to 'rows' is not a key in levels (available: ['photons', 'segments'])",
                error(String.format(two, "{to: rows, index_beg: b, count: c}")));
        assertEquals("levels.segments.link.index_base must be a non-negative int (got -1)",
                error(String.format(two, "{to: photons, index_beg: b, count: c, index_base: -1}")));
        assertEquals("levels.segments.link.index_base must be a non-negative int (got True)",
                error(String.format(two, "{to: photons, index_beg: b, count: c, index_base: true}")));
        assertEquals("levels.segments.link.reference_index is reserved and must be null/omitted (explicit index-array variant not yet implemented)",
                error(String.format(two, "{to: photons, index_beg: b, count: c, reference_index: r}")));
    }

    @Test
    void segmentVariableRules() {
        String base = ATL03_DATA_SOURCE.replace("read_plan: {spatial_index: segments, pad: 1}", "");
        String seg = "    variables: %s\n";
        String withVars = base.replace("    path: '/{group}/geolocation'\n", "    path: '/{group}/geolocation'\n" + seg);
        Layout ok = Layouts.fromDataSource(yaml(String.format(withVars, "{dem_h: '/{group}/geophys_corr/dem_h'}")));
        assertEquals(Map.of("dem_h", "/{group}/geophys_corr/dem_h"), ok.levels().get("segments").variables());
        assertEquals(Map.of(), Layouts.fromDataSource(yaml(String.format(withVars, "[dem_h, segment_id]"))).levels().get("segments").variables(),
                "the list form is documentation only");
        assertEquals("segment-level variable 'h_ph' on level 'segments' collides with a data_source.variables column",
                error(String.format(withVars, "{h_ph: '/{group}/geophys_corr/dem_h'}")));
        assertEquals("levels.segments.variables.dem_h must be a non-empty string (got '')", error(String.format(withVars, "{dem_h: ''}")));
        assertEquals("levels.photons.variables: the {name: path} form is only for non-base levels; base-rate columns belong in data_source.variables",
                error(base.replace("  photons: {path: '/{group}/heights',", "  photons: {path: '/{group}/heights', variables: {x: '/{group}/x'},")));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Layouts.atl03().toBuilder()
                .level(Level.linked("a", "/{group}/a", Link.to("photons", "/{group}/b", "/{group}/c")).variable("dem_h", "/{group}/d"))
                .level(Level.linked("b", "/{group}/a", Link.to("photons", "/{group}/b", "/{group}/c")).variable("dem_h", "/{group}/e"))
                .build());
        assertEquals("segment-level variable 'dem_h' is declared on both level 'a' and level 'b'", twice.getMessage());
    }

    @Test
    void readPlanRules() {
        String flat = ATL06_DATA_SOURCE;
        assertEquals("data_source.read_plan.spatial_index requires a non-empty 'levels' mapping", error(flat + "\nread_plan: {spatial_index: segments}"));
        String levels = ATL03_DATA_SOURCE.replace("read_plan: {spatial_index: segments, pad: 1}", "read_plan: %s");
        assertEquals("read_plan.spatial_index level 'photons' requires a 'link'", error(String.format(levels, "{spatial_index: photons}")));
        assertEquals("read_plan.spatial_index 'rows' is not a key in levels (available: ['photons', 'segments'])",
                error(String.format(levels, "{spatial_index: rows}")));
        assertEquals("data_source.read_plan.pad must be a non-negative int (got -1)", error(String.format(levels, "{spatial_index: segments, pad: -1}")));
        assertEquals("data_source.read_plan.pad must be a non-negative int (got 1.5)", error(String.format(levels, "{spatial_index: segments, pad: 1.5}")));
        assertEquals("data_source.read_plan: unknown keys ['padding'] (allowed: ['spatial_index', 'pad', 'full_read_threshold'])",
                error(String.format(levels, "{spatial_index: segments, padding: 2}")));
        assertFalse(Layouts.fromDataSource(yaml(String.format(levels, "{spatial_index: null}"))).readPlan().isPresent(), "a falsy index: full read");
        assertEquals(ReadPlan.spatialIndex("segments").pad(3).fullReadThreshold(0.5),
                Layouts.fromDataSource(yaml(String.format(levels, "{spatial_index: segments, pad: 3, full_read_threshold: 0.5}"))).readPlan().orElseThrow());
        String noCoords = ATL03_DATA_SOURCE.replace("    coordinates: {latitude: reference_photon_lat, longitude: reference_photon_lon}\n", "");
        assertEquals("read_plan.spatial_index level 'segments' requires 'coordinates: {latitude: <name>, longitude: <name>}'", error(noCoords));
    }

    @Test
    void builderRules() {
        Layout.Builder b = Layouts.builder();
        assertEquals("data_source.groups must list at least one beam", assertThrows(IllegalArgumentException.class, b::build).getMessage());
        b.groups("gt1l");
        assertEquals("data_source.coordinates needs 'latitude' and 'longitude'", assertThrows(IllegalArgumentException.class, b::build).getMessage());
        assertEquals("data_source.groups lists 'gt1l' twice", assertThrows(IllegalArgumentException.class, () -> b.groups("gt1l", "gt1l")).getMessage());
        assertEquals("template '/{beam}/lat' uses {beam}; only {group} is defined",
                assertThrows(IllegalArgumentException.class, () -> b.coordinates("/{beam}/lat", "/{group}/lon")).getMessage());
        b.coordinates("/{group}/lat", "/{group}/lon").variable("h", "/{group}/h");
        assertEquals("data_source.variables.h is already set to '/{group}/h'",
                assertThrows(IllegalArgumentException.class, () -> b.variable("h", "/{group}/g")).getMessage());
        assertEquals("data_source.variables.latitude: the column name 'latitude' is reserved for the coordinate column every read returns; "
                + "choose another name", assertThrows(IllegalArgumentException.class, () -> Layouts.builder().groups("gt1l")
                        .coordinates("/{group}/lat", "/{group}/lon").variable("latitude", "/{group}/lat").build()).getMessage());
        Layout built = b.build();
        assertEquals(built, b.build(), "build() leaves the builder reusable");
        assertNotEquals(built, b.filter(Filter.gt("/{group}/h", 0)).build());
        assertEquals("an expression filter takes no 'column' (expression: h > 0)",
                assertThrows(IllegalStateException.class, () -> Filter.expression("h > 0").column(1)).getMessage());
        assertEquals("op 'in' takes a list of values, not one value",
                assertThrows(IllegalArgumentException.class, () -> Filter.of("/{group}/h", Op.IN, 1)).getMessage());
        IllegalArgumentException chained = assertThrows(IllegalArgumentException.class, () -> Layouts.atl03().toBuilder()
                .level(Level.linked("tracks", "/{group}/t", Link.to("segments", "/{group}/b", "/{group}/c")))
                .filter(Filter.eq("/{group}/t/flag", 0).level("tracks")).build());
        assertEquals("filter[1]: level 'tracks' links to 'segments', not to the base level 'photons'; only levels linked directly to the base "
                + "level can be expanded to base rows", chained.getMessage());
    }

    @Test
    void templatesSubstituteTheBeamAsPythonFormatDoes() {
        assertEquals("/gt2r/heights/h_ph", Layout.expand("/{group}/heights/h_ph", "gt2r"));
        assertEquals("/{literal}/gt1l", Layout.expand("/{{literal}}/{group}", "gt1l"));
        assertEquals("template '/{group/x' has an unclosed '{'",
                assertThrows(IllegalArgumentException.class, () -> Layout.expand("/{group/x", "gt1l")).getMessage());
    }

    @Test
    void exactVariantDropsOnlyTheReadPlan() {
        Layout exact = Layouts.atl03().toBuilder().noReadPlan().build();
        assertFalse(exact.readPlan().isPresent());
        assertEquals(Layouts.atl03().levels(), exact.levels());
        assertEquals(Layouts.atl03(), exact.toBuilder().readPlan(ReadPlan.spatialIndex("segments")).build());
    }
}
