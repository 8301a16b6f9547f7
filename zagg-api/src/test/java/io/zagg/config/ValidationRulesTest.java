package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * One test per validation rule, each asserting the exact message (zagg's words where zagg has a
 * rule, prefixed by the config's name), plus the order in which rules fire.
 */
class ValidationRulesTest {

    private static final String DATA_SOURCE = "data_source: {groups: [gt1l], variables: {h: '/{group}/h', s: '/{group}/s'}}\n";
    private static final String AGGREGATION = "aggregation: {variables: {n: {function: len, source: h, dtype: int32, fill_value: 0}}}\n";
    private static final String OUTPUT = "output: {grid: {type: healpix, parent_order: 6, child_order: 12}}\n";

    private static String reject(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.standard().parse(yaml, "t.yaml")).getMessage();
    }

    /** A config whose aggregation variables are {@code variables} (YAML flow mapping entries). */
    private static String variables(String variables) {
        return reject(DATA_SOURCE + "aggregation: {variables: {" + variables + "}}\n" + OUTPUT);
    }

    private static String precompute(String entries) {
        return reject(DATA_SOURCE + "aggregation: {chunk_precompute: {" + entries + "}, variables: {m: {function: max, source: h}}}\n"
                + OUTPUT);
    }

    private static String grid(String grid) {
        return reject(DATA_SOURCE + AGGREGATION + "output: {grid: " + grid + "}\n");
    }

    // ---- 1. sections --------------------------------------------------------------------------

    @Test
    void missingSections() {
        assertEquals("t.yaml: Missing required section: data_source", reject(AGGREGATION + OUTPUT));
        assertEquals("t.yaml: Missing required section: aggregation", reject(DATA_SOURCE + OUTPUT));
        assertEquals("t.yaml: Missing required section: output", reject(DATA_SOURCE + AGGREGATION));
        assertEquals("t.yaml: Missing required section: aggregation", reject(DATA_SOURCE + "aggregation: {}\n" + OUTPUT),
                "an empty section is missing, as Python's truth test says");
        assertEquals("t.yaml: aggregation must be a mapping (got ['x'])", reject(DATA_SOURCE + "aggregation: [x]\n" + OUTPUT));
    }

    // ---- 2. grid --------------------------------------------------------------------------------

    @Test
    void gridStructure() {
        assertEquals("t.yaml: output.grid must be a mapping (e.g. type: healpix, child_order: 12)", grid("healpix"));
        assertEquals("t.yaml: output.grid.type is required", grid("{parent_order: 6, child_order: 12}"));
        assertEquals("t.yaml: output.grid.child_order is required for healpix grid", grid("{type: healpix, parent_order: 6}"));
        assertEquals("t.yaml: output.grid.parent_order is required for healpix grid", grid("{type: healpix, child_order: 12}"));
        assertEquals("t.yaml: output.grid.crs is required for rectilinear grid", grid("{type: rectilinear, resolution: 1, bounds: [0, 0, 1, 1]}"));
        assertEquals("t.yaml: output.grid.bounds must be [xmin, ymin, xmax, ymax]",
                grid("{type: rectilinear, crs: 'EPSG:4326', resolution: 1, bounds: [0, 0, 1]}"));
        assertEquals("t.yaml: output.grid.layout must be 'dense' or 'fullsphere' (got 'sparse')",
                grid("{type: healpix, parent_order: 6, child_order: 12, layout: sparse}"));
    }

    @Test
    void onlyHealpixGrids() {
        assertEquals("t.yaml: output.grid.type 'rectilinear' is not supported by zagg for Java, which writes HEALPix grids only"
                + " (use type: healpix with parent_order and child_order)",
                grid("{type: rectilinear, crs: 'EPSG:4326', resolution: 1, bounds: [0, 0, 1, 1]}"));
        assertEquals("t.yaml: Unknown output.grid.type: 'hexagonal' (zagg for Java supports 'healpix')", grid("{type: hexagonal}"));
    }

    // ---- 3. bounds ------------------------------------------------------------------------------

    @Test
    void bounds() {
        String base = DATA_SOURCE + AGGREGATION + OUTPUT;
        assertEquals("t.yaml: Unknown bounds keys: {'time', 'zone'} (allowed: {'spatial', 'temporal'})",
                reject(base + "bounds: {zone: 1, time: 2}\n"));
        assertEquals("t.yaml: bounds.temporal requires start_date and end_date",
                reject(base + "bounds: {temporal: {start_date: '2020-01-01'}}\n"));
        assertEquals("t.yaml: bounds must be a mapping with temporal and/or spatial (got 'global')", reject(base + "bounds: global\n"));
    }

    // ---- 5. columns -----------------------------------------------------------------------------

    @Test
    void dataSourceVariables() {
        assertEquals("t.yaml: data_source.variables must be a mapping of column name to dataset path (got ['h'])",
                reject("data_source: {variables: [h]}\n" + AGGREGATION + OUTPUT));
        assertEquals("t.yaml: data_source.variables.h must be a dataset path (got 3)",
                reject("data_source: {variables: {h: 3}}\n" + AGGREGATION + OUTPUT));
        assertEquals("t.yaml: data_source.groups must be a list of group names (got 'gt1l')",
                reject("data_source: {groups: gt1l, variables: {h: /h}}\n" + AGGREGATION + OUTPUT));
    }

    // ---- 6. chunk_precompute --------------------------------------------------------------------

    @Test
    void chunkPrecomputeEntries() {
        assertEquals("t.yaml: aggregation.chunk_precompute must be a mapping of name -> entry",
                reject(DATA_SOURCE + "aggregation: {chunk_precompute: [a], variables: {m: {function: max, source: h}}}\n" + OUTPUT));
        assertEquals("t.yaml: chunk_precompute entry names must be non-empty strings", precompute("' ': {expression: 'np.max(h)'}"));
        assertEquals("t.yaml: chunk_precompute 'h': name collides with a data_source.variables column or the reserved 'leaf_id';"
                + " the per-cell namespace merge would shadow the real column with a chunk scalar. Rename the precompute entry.",
                precompute("h: {expression: 'np.max(h)'}"));
        assertEquals("t.yaml: chunk_precompute 'leaf_id': name collides with a data_source.variables column or the reserved 'leaf_id';"
                + " the per-cell namespace merge would shadow the real column with a chunk scalar. Rename the precompute entry.",
                precompute("leaf_id: {expression: 'np.max(h)'}"));
        assertEquals("t.yaml: chunk_precompute 'a': entry must be a mapping", precompute("a: 'np.max(h)'"));
        assertEquals("t.yaml: chunk_precompute 'a': 'function' and 'expression' are mutually exclusive",
                precompute("a: {function: max, expression: 'np.max(h)', source: h}"));
        assertEquals("t.yaml: chunk_precompute 'a': must specify 'function' or 'expression'", precompute("a: {source: h}"));
        assertEquals("t.yaml: chunk_precompute 'a': source 'z' not in data_source.variables", precompute("a: {function: max, source: z}"));
        assertEquals("t.yaml: chunk_precompute 'a': param value 'linear' references unknown column (available: {'h', 's'})",
                precompute("a: {function: quantile, source: h, params: {method: linear}}"));
        assertEquals("t.yaml: chunk_precompute 'a': dtype 'float16' is not a valid numpy dtype"
                + " (int8 ... int64, uint8 ... uint64, float32, float64)", precompute("a: {expression: 'np.max(h)', dtype: float16}"));
    }

    @Test
    void chunkPrecomputeExpressions() {
        assertEquals("t.yaml: chunk_precompute 'a': expression references 'z' which is not in data_source.variables or numpy namespace",
                precompute("a: {expression: 'np.max(z)'}"));
        assertEquals("t.yaml: chunk_precompute 'b': expression references 'a' which is not in data_source.variables or numpy namespace",
                precompute("a: {expression: 'np.max(h)'}, b: {expression: 'a * 2'}"), "entries cannot reference each other");
        assertEquals("t.yaml: chunk_precompute 'a': expression 'h.max()' uses unsupported method 'max' (supported: astype)",
                precompute("a: {expression: 'h.max()'}"));
        assertEquals("t.yaml: chunk_precompute 'a': a 'function' entry needs a 'source' column", precompute("a: {function: max}"));
        assertEquals("t.yaml: chunk_precompute 'a': function 'zagg.stats.tdigest.build_tdigest' cannot be evaluated per chunk"
                + " (supported: len, count, " + Functions.numpyNames() + ")",
                precompute("a: {function: zagg.stats.tdigest.build_tdigest, source: h}"));
        assertEquals("t.yaml: chunk_precompute 'a': function 'median' calls np.median() with unsupported keyword 'q' (supported: a)",
                precompute("a: {function: median, source: h, params: {q: 0.5}}"));
    }

    // ---- 7. expression filters ------------------------------------------------------------------

    @Test
    void expressionFilters() {
        String rest = AGGREGATION + OUTPUT;
        assertEquals("t.yaml: data_source.filters must be a list",
                reject("data_source: {variables: {h: /h}, filters: {expression: 'h > 0'}}\n" + rest));
        assertEquals("t.yaml: filter[1] must be a mapping",
                reject("data_source: {variables: {h: /h}, filters: [{expression: 'h > 0'}, 'h < 9']}\n" + rest));
        assertEquals("t.yaml: filter[0]: 'expression' must be a string",
                reject("data_source: {variables: {h: /h}, filters: [{expression: 5}]}\n" + rest));
        assertEquals("t.yaml: filter[0]: expression references 'q' which is not in data_source.variables or numpy namespace",
                reject("data_source: {variables: {h: /h}, filters: [{expression: '(h > 0) & (q < 1)'}]}\n" + rest));
        assertEquals("t.yaml: filter[0]: expression 'h > 0 and h < 9' uses unsupported keyword 'and' (combine boolean arrays with & | ~)",
                reject("data_source: {variables: {h: /h}, filters: [{expression: 'h > 0 and h < 9'}]}\n" + rest));
    }

    // ---- 8. output fields -----------------------------------------------------------------------

    @Test
    void functionOrExpression() {
        assertEquals("t.yaml: Variable 'x': 'function' and 'expression' are mutually exclusive",
                variables("x: {function: max, expression: 'np.max(h)', source: h}"));
        assertEquals("t.yaml: Variable 'x': must specify 'function' or 'expression'", variables("x: {source: h}"));
        assertEquals("t.yaml: Variable 'x': definition must be a mapping (got 'max')", variables("x: max"));
    }

    @Test
    void sourceMustBeAColumn() {
        assertEquals("t.yaml: Variable 'h_q25': source 'h_x' not in data_source.variables",
                variables("h_q25: {function: quantile, source: h_x, params: {q: 0.25}}"));
    }

    @Test
    void functionNameForm() {
        assertEquals("t.yaml: Variable 'x': Cannot resolve 'max-1' as numpy function", variables("x: {function: max-1, source: h}"));
        assertEquals("t.yaml: Variable 'x': Cannot resolve 'my..reducer': not a dotted module path",
                variables("x: {function: my..reducer, source: h}"));
        assertEquals("t.yaml: Variable 'x': function must be the name of a function (got 3)", variables("x: {function: 3, source: h}"));
    }

    @Test
    void params() {
        assertEquals("t.yaml: Variable 'x': param value 'linear' references unknown column (available: {'h', 's'})",
                variables("x: {function: quantile, source: h, params: {q: 0.5, method: linear}}"));
        // 'nearest' contains the column name 's', so zagg's substring rule lets it through and zagg would
        // fail at run time evaluating it; here the expression is compiled, so it fails at load time
        assertEquals("t.yaml: Variable 'x': param 'method': expression references 'nearest' which is not in data_source.variables"
                + " or numpy namespace", variables("x: {function: quantile, source: h, params: {q: 0.5, method: nearest}}"));
        assertEquals("t.yaml: Variable 'x': params must be a mapping of keyword -> value (got [0.5])",
                variables("x: {function: quantile, source: h, params: [0.5]}"));
        assertEquals("t.yaml: Variable 'x': param 'weights': expression '1.0 / s**' is not valid: unexpected end of expression",
                variables("x: {function: average, source: h, params: {weights: '1.0 / s**'}}"));
        assertEquals("t.yaml: Variable 'x': param 'weights': expression 'len(s)' uses the builtin 'len', which params do not provide"
                + " (use numpy functions)", variables("x: {function: average, source: h, params: {weights: 'len(s)'}}"));
    }

    @Test
    void expressionNamesAndLanguage() {
        assertEquals("t.yaml: Variable 'x': expression references 'h_x' which is not in data_source.variables or numpy namespace",
                variables("x: {expression: 'np.max(h_x)'}"));
        assertEquals("t.yaml: Variable 'foo': expression 'h.mean()' uses unsupported method 'mean' (supported: astype)",
                variables("foo: {expression: 'h.mean()'}"));
        assertEquals("t.yaml: Variable 'x': expression must be a string (got 5)", variables("x: {expression: 5}"));
        assertEquals("t.yaml: Variable 'x': expression '' is not valid: it is empty", variables("x: {expression: ''}"));
    }

    @Test
    void outputKindAndResolution() {
        assertEquals("t.yaml: Variable 'x': output kind 'matrix' is not supported (allowed: scalar, vector, ragged)",
                variables("x: {function: max, source: h, kind: matrix}"));
        assertEquals("t.yaml: Variable 'x': resolution 'shard' is not supported (allowed: cell, chunk)",
                variables("x: {function: max, source: h, resolution: shard}"));
        assertEquals("t.yaml: Variable 'x': dtype 'complex64' is not a valid numpy dtype (int8 ... int64, uint8 ... uint64, float32,"
                + " float64)", variables("x: {function: max, source: h, dtype: complex64}"));
    }

    @Test
    void shapes() {
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' is only valid for kind 'vector', not 'scalar'",
                variables("x: {function: max, source: h, trailing_shape: 3}"));
        assertEquals("t.yaml: Variable 'x': kind 'vector' requires 'trailing_shape'",
                variables("x: {expression: 'np.histogram(h, 4)[0]', kind: vector}"));
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' must be an int or a sequence of ints (got '4')",
                variables("x: {expression: 'np.histogram(h, 4)[0]', kind: vector, trailing_shape: '4'}"));
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' must have at least one dimension",
                variables("x: {expression: 'np.histogram(h, 4)[0]', kind: vector, trailing_shape: []}"));
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' entries must be positive integers (got 0)",
                variables("x: {expression: 'np.histogram(h, 4)[0]', kind: vector, trailing_shape: [4, 0]}"));
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' entries must be positive integers (got True)",
                variables("x: {expression: 'np.histogram(h, 4)[0]', kind: vector, trailing_shape: true}"));
        assertEquals("t.yaml: Variable 'x': function 'len' produces a scalar count and cannot be combined with kind 'vector'",
                variables("x: {function: len, source: h, kind: vector, trailing_shape: 2}"));
        assertEquals("t.yaml: Variable 'x': 'trailing_shape' is only valid for 'vector', not 'ragged'",
                variables("x: {function: tdigest, source: h, kind: ragged, trailing_shape: 2, inner_shape: 2}"));
        assertEquals("t.yaml: Variable 'x': kind 'ragged' requires 'inner_shape'", variables("x: {function: tdigest, source: h, kind: ragged}"));
        assertEquals("t.yaml: Variable 'x': 'inner_shape' entries must be positive integers (got -2)",
                variables("x: {function: tdigest, source: h, kind: ragged, inner_shape: [-2]}"));
        assertEquals("t.yaml: Variable 'x': function 'count' produces a scalar count and cannot be combined with kind 'ragged'",
                variables("x: {function: count, source: h, kind: ragged, inner_shape: 1}"));
    }

    @Test
    void beyondZaggsLoadTimeRules() {
        assertEquals("t.yaml: Variable 'x': fill_value 'none' is not a number or \"NaN\"",
                variables("x: {function: max, source: h, fill_value: none}"));
        assertEquals("t.yaml: Variable 'x': fill_value NaN cannot be stored in int32; declare a numeric fill_value (e.g. fill_value: 0)",
                variables("x: {function: len, source: h, dtype: int32}"));
        assertEquals("t.yaml: Variable 'x': fill_value -1 is not a uint32 value",
                variables("x: {function: len, source: h, dtype: uint32, fill_value: -1}"));
        assertEquals("t.yaml: Variable 'x': fill_value 0.5 is not a int16 value",
                variables("x: {function: max, source: h, dtype: int16, fill_value: 0.5}"));
        assertEquals("t.yaml: Variable 'x': function 'max' has no 'source', and zagg's default source 'h_li' is not in"
                + " data_source.variables", variables("x: {function: max}"));
    }

    // ---- after zagg's rules: grid values, coordinates, settings ---------------------------------

    @Test
    void healpixOrders() {
        assertEquals("t.yaml: output.grid.child_order is required", reject(DATA_SOURCE + AGGREGATION + "output: {store: out.zarr}\n"));
        assertEquals("t.yaml: output.grid.parent_order must be an integer (got '6')", grid("{type: healpix, parent_order: '6', child_order: 12}"));
        assertEquals("t.yaml: output.grid.child_order 30 is outside 0..29", grid("{type: healpix, parent_order: 6, child_order: 30}"));
        assertEquals("t.yaml: output.grid.child_order 5 is coarser than output.grid.parent_order 6",
                grid("{type: healpix, parent_order: 6, child_order: 5}"));
        assertEquals("t.yaml: output.grid.chunk_inner 13 is outside [parent_order 6, child_order 12]",
                grid("{type: healpix, parent_order: 6, child_order: 12, chunk_inner: 13}"));
        assertEquals("t.yaml: output.grid.chunk_inner 8 finer than parent_order 6 needs layout 'fullsphere' (got 'dense')",
                grid("{type: healpix, parent_order: 6, child_order: 12, chunk_inner: 8, layout: dense}"));
        assertEquals("t.yaml: output.grid.sharded must be true or false (got 'always')",
                grid("{type: healpix, parent_order: 6, child_order: 12, chunk_inner: 8, sharded: always}"));
        assertEquals("t.yaml: output.grid.sharded needs several chunks per shard: set output.grid.chunk_inner finer than parent_order 6"
                + " (e.g. chunk_inner: 8)", grid("{type: healpix, parent_order: 6, child_order: 12, sharded: true}"));
    }

    @Test
    void coordinatesAndSettings() {
        assertEquals("t.yaml: aggregation.coordinates.morton: dtype 'u16' is not supported (int8 ... int64, uint8 ... uint64, float32,"
                + " float64)", reject(DATA_SOURCE + "aggregation: {coordinates: {morton: {dtype: u16}}, variables: {}}\n" + OUTPUT));
        assertEquals("t.yaml: output.store must be a string (got 7)",
                reject(DATA_SOURCE + AGGREGATION + "output: {store: 7, grid: {type: healpix, parent_order: 6, child_order: 12}}\n"));
        assertEquals("t.yaml: catalog must be the path of a shard map (got ['a.json'])",
                reject(DATA_SOURCE + AGGREGATION + OUTPUT + "catalog: [a.json]\n"));
    }

    // ---- order --------------------------------------------------------------------------------------

    @Test
    void rulesFireInZaggsOrder() {
        String badVariable = "aggregation: {chunk_precompute: {c: {expression: 'np.max(q)'}}, variables: {x: {function: max, source: z}}}\n";
        String badFilter = "data_source: {variables: {h: /h}, filters: [{expression: 'w > 0'}]}\n";
        String badGrid = "output: {grid: {type: healpix, parent_order: 6}}\n";
        assertEquals("t.yaml: output.grid.child_order is required for healpix grid",
                reject(badFilter + badVariable + badGrid + "bounds: {when: 1}\n"), "grid before bounds");
        assertEquals("t.yaml: Unknown bounds keys: {'when'} (allowed: {'spatial', 'temporal'})",
                reject(badFilter + badVariable + OUTPUT + "bounds: {when: 1}\n"), "bounds before precompute");
        assertEquals("t.yaml: chunk_precompute 'c': expression references 'q' which is not in data_source.variables or numpy namespace",
                reject(badFilter + badVariable + OUTPUT), "precompute before filters");
        assertEquals("t.yaml: filter[0]: expression references 'w' which is not in data_source.variables or numpy namespace",
                reject(badFilter + "aggregation: {variables: {x: {function: max, source: z}}}\n" + OUTPUT), "filters before fields");
        assertEquals("t.yaml: Variable 'x': source 'z' not in data_source.variables",
                reject(DATA_SOURCE + "aggregation: {variables: {x: {function: max, source: z}}}\n"
                        + "output: {grid: {type: healpix, parent_order: 6, child_order: 40}}\n"), "fields before grid orders");
    }
}
