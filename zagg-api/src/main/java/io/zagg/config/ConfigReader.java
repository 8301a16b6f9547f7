package io.zagg.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Validates a parsed config in zagg's order ({@code validate_config}) and builds the model:
 * <ol>
 * <li>{@code data_source}, {@code aggregation}, {@code output} present and non-empty;</li>
 * <li>{@code output.grid} structure (then: only HEALPix grids are supported here);</li>
 * <li>{@code bounds} keys;</li>
 * <li>structured filters and levels (the layout's rules, see {@link ConfigLoader});</li>
 * <li>the column names: variables and segment-level variables;</li>
 * <li>{@code chunk_precompute};</li>
 * <li>expression filters;</li>
 * <li>each output field;</li>
 * </ol>
 * then what zagg only finds when it builds the grid or runs: HEALPix orders, coordinates,
 * store settings.
 */
final class ConfigReader {

    private final String source;
    private final Consumer<Map<String, Object>> dataSourceRules;

    ConfigReader(String source, Consumer<Map<String, Object>> dataSourceRules) {
        this.source = source;
        this.dataSourceRules = dataSourceRules;
    }

    ConfigException fail(String detail) {
        return new ConfigException(source, detail);
    }

    ZaggConfig read(Map<?, ?> document) {
        Map<String, Object> doc = mapOf(document);
        // 1. required sections
        Map<String, Object> dataSource = section(doc, "data_source");
        Map<String, Object> aggregation = section(doc, "aggregation");
        Map<String, Object> output = section(doc, "output");
        // 2. output.grid
        Map<String, Object> grid = gridStructure(output);
        // 3. bounds
        BoundsSpec bounds = bounds(doc.get("bounds"));
        // 4. structured filters and levels
        if (dataSourceRules != null) {
            try {
                dataSourceRules.accept(dataSource);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, e.getMessage(), e);
            }
        }
        // 5. the column names
        Map<String, String> variables = variables(dataSource);
        Set<String> segmentVariables = segmentVariables(dataSource);
        Set<String> columns = new LinkedHashSet<>(variables.keySet());
        columns.addAll(segmentVariables);
        FieldReader fields = new FieldReader(this, columns);
        // 6. chunk_precompute
        List<PrecomputeSpec> precompute = fields.chunkPrecompute(aggregation.get("chunk_precompute"));
        // 7. expression filters
        List<RowFilter> filters = expressionFilters(dataSource, columns);
        // 8. output fields
        List<FieldSpec> outputFields = fields.variables(aggregation.get("variables"), precompute);

        HealpixGridSpec healpix = healpix(grid);
        DataSourceSpec ds = new DataSourceSpec(dataSource, groups(dataSource), variables, segmentVariables, filters);
        AggregationSpec agg = new AggregationSpec(coordinates(aggregation.get("coordinates")), outputFields, precompute);
        OutputSpec out = new OutputSpec(healpix, optionalString(output, "store", "output.store"),
                optionalString(output, "endpoint_url", "output.endpoint_url"), optionalString(output, "region", "output.region"));
        Object catalog = doc.get("catalog");
        if (catalog != null && !(catalog instanceof String)) {
            throw fail("catalog must be the path of a shard map (got " + PyRepr.repr(catalog) + ")");
        }
        return new ZaggConfig(source, ds, agg, out, (String) catalog, bounds);
    }

    // ---- 1. sections ----------------------------------------------------------------------

    private Map<String, Object> section(Map<String, Object> doc, String name) {
        Object v = doc.get(name);
        if (isFalsy(v)) {
            throw fail("Missing required section: " + name);
        }
        if (!(v instanceof Map)) {
            throw fail(name + " must be a mapping (got " + PyRepr.repr(v) + ")");
        }
        return asMap(v);
    }

    /** Python's truth test, which zagg's {@code if not val} applies. */
    private static boolean isFalsy(Object v) {
        return v == null || v instanceof Map && ((Map<?, ?>) v).isEmpty() || v instanceof Collection && ((Collection<?>) v).isEmpty()
                || v instanceof String && ((String) v).isEmpty() || Boolean.FALSE.equals(v)
                || v instanceof Number && ((Number) v).doubleValue() == 0;
    }

    // ---- 2. grid structure ----------------------------------------------------------------

    private Map<String, Object> gridStructure(Map<String, Object> output) {
        Object g = output.get("grid");
        if (g == null) {
            return null;
        }
        if (!(g instanceof Map)) {
            throw fail("output.grid must be a mapping (e.g. type: healpix, child_order: 12)");
        }
        Map<String, Object> grid = asMap(g);
        if (!grid.containsKey("type")) {
            throw fail("output.grid.type is required");
        }
        Object type = grid.get("type");
        if ("healpix".equals(type)) {
            if (!grid.containsKey("child_order")) {
                throw fail("output.grid.child_order is required for healpix grid");
            }
            if (!grid.containsKey("parent_order")) {
                throw fail("output.grid.parent_order is required for healpix grid");
            }
        }
        if ("rectilinear".equals(type)) {
            for (String field : List.of("crs", "resolution", "bounds")) {
                if (!grid.containsKey(field)) {
                    throw fail("output.grid." + field + " is required for rectilinear grid");
                }
            }
            Object b = grid.get("bounds");
            if (!(b instanceof List) || ((List<?>) b).size() != 4) {
                throw fail("output.grid.bounds must be [xmin, ymin, xmax, ymax]");
            }
        }
        Object layout = grid.get("layout");
        if (layout != null && !"dense".equals(layout) && !"fullsphere".equals(layout)) {
            throw fail("output.grid.layout must be 'dense' or 'fullsphere' (got " + PyRepr.repr(layout) + ")");
        }
        if ("rectilinear".equals(type)) {
            throw fail("output.grid.type 'rectilinear' is not supported by zagg for Java, which writes HEALPix grids only"
                    + " (use type: healpix with parent_order and child_order)");
        }
        if (!"healpix".equals(type)) {
            throw fail("Unknown output.grid.type: " + PyRepr.repr(type) + " (zagg for Java supports 'healpix')");
        }
        return grid;
    }

    // ---- 3. bounds ------------------------------------------------------------------------

    private BoundsSpec bounds(Object b) {
        if (b == null) {
            return null;
        }
        if (!(b instanceof Map)) {
            throw fail("bounds must be a mapping with temporal and/or spatial (got " + PyRepr.repr(b) + ")");
        }
        Map<String, Object> bounds = asMap(b);
        Set<String> unknown = new TreeSet<>(bounds.keySet());
        unknown.removeAll(Set.of("temporal", "spatial"));
        if (!unknown.isEmpty()) {
            throw fail("Unknown bounds keys: " + PyRepr.set(unknown) + " (allowed: {'spatial', 'temporal'})");
        }
        Object t = bounds.get("temporal");
        BoundsSpec.Temporal temporal = null;
        if (t != null) {
            if (!(t instanceof Map) || !((Map<?, ?>) t).containsKey("start_date") || !((Map<?, ?>) t).containsKey("end_date")) {
                throw fail("bounds.temporal requires start_date and end_date");
            }
            temporal = new BoundsSpec.Temporal(((Map<?, ?>) t).get("start_date"), ((Map<?, ?>) t).get("end_date"));
        }
        return new BoundsSpec(Optional.ofNullable(temporal), Optional.ofNullable(normalized(bounds.get("spatial"))));
    }

    // ---- 5. columns -----------------------------------------------------------------------

    private Map<String, String> variables(Map<String, Object> dataSource) {
        Object v = dataSource.get("variables");
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw fail("data_source.variables must be a mapping of column name to dataset path (got " + PyRepr.repr(v) + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        asMap(v).forEach((name, path) -> {
            if (!(path instanceof String) || ((String) path).isEmpty()) {
                throw fail("data_source.variables." + name + " must be a dataset path (got " + PyRepr.repr(path) + ")");
            }
            out.put(name, (String) path);
        });
        return out;
    }

    /** zagg's {@code _segment_variable_names}: the names of non-base levels' {@code variables} mappings. */
    private static Set<String> segmentVariables(Map<String, Object> dataSource) {
        Object levels = dataSource.get("levels");
        Object base = dataSource.get("base_level");
        Set<String> names = new LinkedHashSet<>();
        if (!(levels instanceof Map) || base == null) {
            return names;
        }
        asMap(levels).forEach((name, level) -> {
            if (!name.equals(String.valueOf(base)) && level instanceof Map) {
                Object vars = ((Map<?, ?>) level).get("variables");
                if (vars instanceof Map) {
                    ((Map<?, ?>) vars).keySet().forEach(k -> names.add(String.valueOf(k)));
                }
            }
        });
        return names;
    }

    private List<String> groups(Map<String, Object> dataSource) {
        Object g = dataSource.get("groups");
        if (g == null) {
            return List.of();
        }
        if (!(g instanceof List) || !((List<?>) g).stream().allMatch(x -> x instanceof String)) {
            throw fail("data_source.groups must be a list of group names (got " + PyRepr.repr(g) + ")");
        }
        List<String> out = new ArrayList<>();
        ((List<?>) g).forEach(x -> out.add((String) x));
        return out;
    }

    // ---- 7. expression filters ------------------------------------------------------------

    private List<RowFilter> expressionFilters(Map<String, Object> dataSource, Set<String> columns) {
        Object f = dataSource.get("filters");
        List<RowFilter> out = new ArrayList<>();
        if (f == null) {
            return out;
        }
        if (!(f instanceof List)) {
            throw fail("data_source.filters must be a list");
        }
        List<?> filters = (List<?>) f;
        for (int i = 0; i < filters.size(); i++) {
            if (!(filters.get(i) instanceof Map)) {
                throw fail("filter[" + i + "] must be a mapping");
            }
            Map<?, ?> filter = (Map<?, ?>) filters.get(i);
            if (!filter.containsKey("expression")) {
                continue;
            }
            Object text = filter.get("expression");
            if (!(text instanceof String)) {
                throw fail("filter[" + i + "]: 'expression' must be a string");
            }
            Expression e = compile("filter[" + i + "]", (String) text, new Checker.Scope(columns, true));
            out.add(new RowFilter(i, e));
        }
        return out;
    }

    /** Compiles an expression, reporting a failure as {@code <what>: expression ...} in zagg's words. */
    Expression compile(String what, String text, Checker.Scope scope) {
        try {
            return Expression.compile(text, scope);
        } catch (ExpressionException e) {
            throw fail(what + ": expression " + (e.namesUnknownIdentifier() ? "" : "'" + text + "' ") + e.getMessage());
        }
    }

    // ---- after zagg's rules ----------------------------------------------------------------

    private HealpixGridSpec healpix(Map<String, Object> grid) {
        if (grid == null) {
            throw fail("output.grid.child_order is required");
        }
        int parent = order(grid, "parent_order");
        int child = order(grid, "child_order");
        if (child < parent) {
            throw fail("output.grid.child_order " + child + " is coarser than output.grid.parent_order " + parent);
        }
        HealpixGridSpec.Layout layout = "dense".equals(grid.get("layout")) ? HealpixGridSpec.Layout.DENSE : HealpixGridSpec.Layout.FULLSPHERE;
        int chunk = parent;
        if (grid.get("chunk_inner") != null) {
            chunk = order(grid, "chunk_inner");
            if (chunk < parent || chunk > child) {
                throw fail("output.grid.chunk_inner " + chunk + " is outside [parent_order " + parent + ", child_order " + child + "]");
            }
            if (chunk > parent && layout != HealpixGridSpec.Layout.FULLSPHERE) {
                throw fail("output.grid.chunk_inner " + chunk + " finer than parent_order " + parent + " needs layout 'fullsphere'"
                        + " (got 'dense')");
            }
        }
        Object s = grid.getOrDefault("sharded", false);
        if (!(s instanceof Boolean)) {
            throw fail("output.grid.sharded must be true or false (got " + PyRepr.repr(s) + ")");
        }
        boolean sharded = (Boolean) s;
        if (sharded && chunk == parent) {
            throw fail("output.grid.sharded needs several chunks per shard: set output.grid.chunk_inner finer than parent_order "
                    + parent + " (e.g. chunk_inner: " + Math.min(child, parent + 2) + ")");
        }
        Object scheme = grid.get("indexing_scheme");
        return new HealpixGridSpec(parent, child, chunk, sharded, layout, Optional.ofNullable(scheme).map(String::valueOf));
    }

    private int order(Map<String, Object> grid, String key) {
        Object v = grid.get(key);
        Long order = integer(v);
        if (order == null) {
            throw fail("output.grid." + key + " must be an integer (got " + PyRepr.repr(v) + ")");
        }
        if (order < 0 || order > 29) {
            throw fail("output.grid." + key + " " + order + " is outside 0..29");
        }
        return order.intValue();
    }

    private List<CoordinateSpec> coordinates(Object c) {
        List<CoordinateSpec> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        if (!(c instanceof Map)) {
            throw fail("aggregation.coordinates must be a mapping of name to {dtype, fill_value} (got " + PyRepr.repr(c) + ")");
        }
        asMap(c).forEach((name, meta) -> {
            Map<String, Object> m = meta == null ? Map.of() : meta instanceof Map ? asMap(meta) : null;
            if (m == null) {
                throw fail("aggregation.coordinates." + name + " must be a mapping with dtype and fill_value");
            }
            Object d = m.getOrDefault("dtype", "uint64");
            io.zagg.spi.DType dtype = FieldReader.dtype(d);
            if (dtype == null) {
                throw fail("aggregation.coordinates." + name + ": dtype " + PyRepr.repr(d) + " is not supported"
                        + " (int8 ... int64, uint8 ... uint64, float32, float64)");
            }
            Object fill = normalized(m.getOrDefault("fill_value", 0L));
            if (!(fill instanceof Number)) {
                throw fail("aggregation.coordinates." + name + ": fill_value must be a number (got " + PyRepr.repr(fill) + ")");
            }
            out.add(new CoordinateSpec(name, dtype, (Number) fill));
        });
        return out;
    }

    private Optional<String> optionalString(Map<String, Object> section, String key, String what) {
        Object v = section.get(key);
        if (v != null && !(v instanceof String)) {
            throw fail(what + " must be a string (got " + PyRepr.repr(v) + ")");
        }
        return Optional.ofNullable((String) v);
    }

    // ---- YAML values ----------------------------------------------------------------------

    /** A mapping inside the document, which {@link #mapOf} already copied with string keys. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v) {
        return (Map<String, Object>) v;
    }

    /**
     * The document as deeply unmodifiable maps and lists with string keys (zagg's keys are
     * strings); values stay as SnakeYAML read them, which is what the layout's parser expects.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Map<?, ?> document) {
        return (Map<String, Object>) deepCopy(document, false);
    }

    /** A YAML value for the model: unmodifiable, with every integer a {@link Long}. */
    static Object normalized(Object v) {
        return deepCopy(v, true);
    }

    /** A YAML integer (SnakeYAML reads small ones as Integer) as a Long, or null for anything else. */
    static Long integer(Object v) {
        return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
    }

    private static Object deepCopy(Object v, boolean longs) {
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> m.put(String.valueOf(k), deepCopy(x, longs)));
            return Collections.unmodifiableMap(m);
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            ((List<?>) v).forEach(x -> l.add(deepCopy(x, longs)));
            return Collections.unmodifiableList(l);
        }
        return longs && v instanceof Integer ? (Object) ((Integer) v).longValue() : v;
    }
}
