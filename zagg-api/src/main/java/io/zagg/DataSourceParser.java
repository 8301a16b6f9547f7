package io.zagg;

import io.zagg.Layout.Filter;
import io.zagg.Layout.Level;
import io.zagg.Layout.Link;
import io.zagg.Layout.Op;
import io.zagg.Layout.ReadPlan;
import io.zagg.config.PyRepr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a parsed YAML {@code data_source} mapping (as SnakeYAML returns it) into a
 * {@link Layout}, checking the YAML shapes with zagg's messages ({@code config.py}
 * {@code _validate_filters}, {@code _validate_levels}) in zagg's order: filters, then levels;
 * the rules that span settings are checked by {@link Layout.Builder#build()}.
 */
final class DataSourceParser {

    private static final List<String> KEYS = List.of("reader", "driver", "groups", "coordinates", "variables", "quality_filter",
            "filters", "base_level", "levels", "read_plan");
    private static final List<String> LINK_KEYS = List.of("to", "index_beg", "count", "index_base", "reference_index");
    private static final List<String> READ_PLAN_KEYS = List.of("spatial_index", "pad", "full_read_threshold");

    private DataSourceParser() {
    }

    static Layout parse(Map<?, ?> ds) {
        if (ds == null || ds.isEmpty()) {
            throw new IllegalArgumentException("Missing required section: data_source");
        }
        rejectUnknown(ds, KEYS, "data_source");
        Layout.Builder b = new Layout.Builder();
        List<Filter> filters = filters(ds);
        Map<String, Level> levels = levels(ds);
        b.groups(stringList(ds.get("groups"), "data_source.groups"));
        Map<?, ?> coords = mapping(ds.get("coordinates"), "data_source.coordinates");
        rejectUnknown(coords, List.of("latitude", "longitude"), "data_source.coordinates");
        b.coordinates(string(coords.get("latitude"), "data_source.coordinates.latitude"),
                string(coords.get("longitude"), "data_source.coordinates.longitude"));
        Object vars = ds.get("variables");
        if (vars != null) {
            mapping(vars, "data_source.variables").forEach((k, v) -> b.variable(string(k, "data_source.variables key"),
                    string(v, "data_source.variables." + k)));
        }
        filters.forEach(b::filter);
        levels.values().forEach(b::level);
        if (!levels.isEmpty()) {
            // zagg ignores a base_level without levels; so do we
            b.baseLevel(string(ds.get("base_level"), "data_source.base_level"));
        }
        readPlan(ds.get("read_plan"), b);
        return b.build();
    }

    private static List<Filter> filters(Map<?, ?> ds) {
        Object qf = ds.get("quality_filter");
        if (qf != null) {
            Map<?, ?> q = mapping(qf, "data_source.quality_filter");
            Set<String> unknown = unknownKeys(q, List.of("dataset", "value"));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("data_source.quality_filter only honors ['dataset', 'value'] (got extra keys "
                        + PyRepr.repr(new ArrayList<>(unknown)) + "); use the structured 'filters:' list to set 'op', 'column', 'keep', etc.");
            }
        }
        Object raw = ds.get("filters");
        if (raw == null) {
            if (qf == null) {
                return List.of();
            }
            Map<?, ?> q = (Map<?, ?>) qf;
            if (!q.containsKey("dataset") || !q.containsKey("value")) {
                throw new IllegalArgumentException("data_source.quality_filter requires 'dataset' and 'value'");
            }
            return List.of(Filter.eq(string(q.get("dataset"), "data_source.quality_filter.dataset"),
                    number(q.get("value"), "data_source.quality_filter: 'value'")));
        }
        // an explicit filters list wins; quality_filter is then ignored, as in zagg
        if (!(raw instanceof List)) {
            throw new IllegalArgumentException("data_source.filters must be a list");
        }
        List<Filter> out = new ArrayList<>();
        List<?> list = (List<?>) raw;
        for (int i = 0; i < list.size(); i++) {
            out.add(filter(list.get(i), "filter[" + i + "]"));
        }
        return out;
    }

    private static Filter filter(Object raw, String at) {
        if (!(raw instanceof Map)) {
            throw new IllegalArgumentException(at + " must be a mapping");
        }
        Map<?, ?> f = (Map<?, ?>) raw;
        if (f.containsKey("expression")) {
            if (f.containsKey("op") || f.containsKey("dataset")) {
                throw new IllegalArgumentException(at + ": 'expression' filters take no 'op'/'dataset' "
                        + "(base-level aggregation-time escape hatch, no pushdown)");
            }
            if (f.get("level") != null) {
                throw new IllegalArgumentException(at + ": 'expression' filters are base-level only (level must be omitted)");
            }
            if (!(f.get("expression") instanceof String)) {
                throw new IllegalArgumentException(at + ": 'expression' must be a string");
            }
            rejectUnknown(f, List.of("expression", "level"), at);
            return Filter.expression((String) f.get("expression"));
        }
        rejectUnknown(f, List.of("level", "dataset", "column", "op", "keep", "value", "values"), at);
        if (!f.containsKey("dataset")) {
            throw new IllegalArgumentException(at + ": structured filter requires 'dataset'");
        }
        Object opName = f.get("op");
        Op op = opName instanceof String ? Op.fromYaml((String) opName).orElse(null) : null;
        if (op == null) {
            List<String> allowed = new ArrayList<>();
            Arrays.stream(Op.values()).forEach(o -> allowed.add(o.yamlName()));
            allowed.sort(null);
            throw new IllegalArgumentException(at + ": unknown op " + PyRepr.repr(opName) + " (allowed: " + PyRepr.repr(allowed) + ")");
        }
        Object col = f.get("column");
        if (col != null && !(col instanceof Integer || col instanceof Long)) {
            throw new IllegalArgumentException(at + ": 'column' must be an integer index (got " + PyRepr.repr(col) + ")");
        }
        String dataset = string(f.get("dataset"), at + ": 'dataset'");
        Filter filter;
        if (op.isSetOp()) {
            if (!(f.get("values") instanceof List)) {
                throw new IllegalArgumentException(at + ": op " + PyRepr.repr(opName) + " requires a 'values' list");
            }
            List<Number> values = new ArrayList<>();
            for (Object v : (List<?>) f.get("values")) {
                values.add(number(v, at + ": 'values'"));
            }
            filter = Filter.ofSet(dataset, op, values);
        } else {
            if (!f.containsKey("value")) {
                throw new IllegalArgumentException(at + ": op " + PyRepr.repr(opName) + " requires a scalar 'value'");
            }
            filter = Filter.of(dataset, op, number(f.get("value"), at + ": 'value'"));
        }
        if (col != null) {
            filter = filter.column(Math.toIntExact(((Number) col).longValue()));
        }
        if (f.get("level") != null) {
            filter = filter.level(string(f.get("level"), at + ": 'level'"));
        }
        Object keep = f.containsKey("keep") ? f.get("keep") : Boolean.TRUE;
        if (!(keep instanceof Boolean)) {
            throw new IllegalArgumentException(at + ": 'keep' must be true or false (got " + PyRepr.repr(keep) + ")");
        }
        return (Boolean) keep ? filter : filter.drop();
    }

    private static Map<String, Level> levels(Map<?, ?> ds) {
        Object raw = ds.get("levels");
        Map<String, Level> out = new java.util.LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map) || ((Map<?, ?>) raw).isEmpty()) {
            throw new IllegalArgumentException("data_source.levels must be a non-empty mapping");
        }
        if (ds.get("base_level") == null) {
            throw new IllegalArgumentException("data_source.base_level is required when levels is present");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            String name = string(e.getKey(), "data_source.levels key");
            if (!(e.getValue() instanceof Map)) {
                throw new IllegalArgumentException("levels." + name + " must be a mapping");
            }
            out.put(name, level(name, (Map<?, ?>) e.getValue()));
        }
        return out;
    }

    private static Level level(String name, Map<?, ?> lvl) {
        rejectUnknown(lvl, List.of("path", "coordinates", "variables", "link"), "levels." + name);
        if (!lvl.containsKey("path")) {
            throw new IllegalArgumentException("levels." + name + ": 'path' is required");
        }
        String path = string(lvl.get("path"), "levels." + name + ".path");
        Object link = lvl.get("link");
        Level level = link == null ? Level.base(name, path) : Level.linked(name, path, link(name, link));
        Object coords = lvl.get("coordinates");
        // the list form is documentation only, as in zagg
        if (coords instanceof Map) {
            Map<?, ?> c = (Map<?, ?>) coords;
            rejectUnknown(c, List.of("latitude", "longitude"), "levels." + name + ".coordinates");
            level = level.coordinates(string(c.get("latitude"), "levels." + name + ".coordinates.latitude"),
                    string(c.get("longitude"), "levels." + name + ".coordinates.longitude"));
        } else if (coords != null && !(coords instanceof List)) {
            throw new IllegalArgumentException("levels." + name + ".coordinates must be a {latitude, longitude} mapping or a list (got "
                    + PyRepr.repr(coords) + ")");
        }
        Object vars = lvl.get("variables");
        if (vars instanceof Map) {
            for (Map.Entry<?, ?> v : ((Map<?, ?>) vars).entrySet()) {
                String column = string(v.getKey(), "levels." + name + ".variables: a variable name");
                level = level.variable(column, string(v.getValue(), "levels." + name + ".variables." + column));
            }
        } else if (vars != null && !(vars instanceof List)) {
            throw new IllegalArgumentException("levels." + name + ".variables must be a {name: path} mapping or a list (got "
                    + PyRepr.repr(vars) + ")");
        }
        return level;
    }

    private static Link link(String name, Object raw) {
        if (!(raw instanceof Map)) {
            throw new IllegalArgumentException("levels." + name + ".link must be a mapping");
        }
        Map<?, ?> link = (Map<?, ?>) raw;
        for (String field : List.of("to", "index_beg", "count")) {
            if (!link.containsKey(field)) {
                throw new IllegalArgumentException("levels." + name + ".link: '" + field + "' is required");
            }
        }
        Set<String> unknown = unknownKeys(link, LINK_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("levels." + name + ".link: unknown fields " + PyRepr.repr(new ArrayList<>(unknown))
                    + " (allowed: to, index_beg, count, index_base, reference_index)");
        }
        Object base = link.containsKey("index_base") ? link.get("index_base") : 0;
        if (!(base instanceof Integer) || (Integer) base < 0) {
            throw new IllegalArgumentException("levels." + name + ".link.index_base must be a non-negative int (got " + PyRepr.repr(base) + ")");
        }
        if (link.get("reference_index") != null) {
            throw new IllegalArgumentException("levels." + name + ".link.reference_index is reserved and must be null/omitted "
                    + "(explicit index-array variant not yet implemented)");
        }
        return Link.to(string(link.get("to"), "levels." + name + ".link.to"), string(link.get("index_beg"), "levels." + name + ".link.index_beg"),
                string(link.get("count"), "levels." + name + ".link.count")).indexBase((Integer) base);
    }

    private static void readPlan(Object raw, Layout.Builder b) {
        if (raw == null) {
            return;
        }
        Map<?, ?> rp = mapping(raw, "data_source.read_plan");
        rejectUnknown(rp, READ_PLAN_KEYS, "data_source.read_plan");
        Object index = rp.get("spatial_index");
        if (index == null || "".equals(index) || Boolean.FALSE.equals(index)) {
            return; // a falsy spatial_index means a full read, as in zagg
        }
        ReadPlan plan = ReadPlan.spatialIndex(string(index, "data_source.read_plan.spatial_index"));
        if (rp.containsKey("pad")) {
            Object pad = rp.get("pad");
            if (!(pad instanceof Integer)) {
                throw new IllegalArgumentException("data_source.read_plan.pad must be a non-negative int (got " + PyRepr.repr(pad) + ")");
            }
            plan = plan.pad((Integer) pad);
        }
        if (rp.containsKey("full_read_threshold")) {
            plan = plan.fullReadThreshold(number(rp.get("full_read_threshold"), "data_source.read_plan.full_read_threshold").doubleValue());
        }
        b.readPlan(plan);
    }

    private static Number number(Object v, String what) {
        if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float) {
            return v instanceof Float ? (Number) ((Float) v).doubleValue() : (Number) v;
        }
        if (v instanceof BigInteger) {
            BigInteger big = (BigInteger) v;
            return big.bitLength() < 64 ? (Number) big.longValue() : (Number) big.doubleValue();
        }
        throw new IllegalArgumentException(what + " must be numeric (got " + PyRepr.repr(v) + ")");
    }

    private static String string(Object v, String what) {
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty string (got " + PyRepr.repr(v) + ")");
        }
        return (String) v;
    }

    private static List<String> stringList(Object v, String what) {
        if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty list of beam names (got " + PyRepr.repr(v) + ")");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(string(o, what + " entry"));
        }
        return out;
    }

    private static Map<?, ?> mapping(Object v, String what) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a mapping (got " + PyRepr.repr(v) + ")");
        }
        return (Map<?, ?>) v;
    }

    private static Set<String> unknownKeys(Map<?, ?> m, List<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (Object k : m.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        return unknown;
    }

    private static void rejectUnknown(Map<?, ?> m, List<String> allowed, String what) {
        Set<String> unknown = unknownKeys(m, allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown keys " + PyRepr.repr(new ArrayList<>(unknown)) + " (allowed: "
                    + PyRepr.repr(allowed) + ")");
        }
    }
}
