package io.zagg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What to read from a granule: zagg's {@code data_source} section as an immutable value.
 *
 * <p>Dataset paths are templates in which {@code {group}} stands for the beam
 * ({@code "/{group}/heights/h_ph"}), as Python's {@code str.format} would substitute it
 * ({@code {{}} and {@code }}} are literal braces; no other placeholder exists). A layout names
 * the beams ({@code groups}), the base-rate coordinate datasets, the variables (output column
 * name → dataset), structured and expression {@linkplain Filter filters}, optional
 * hierarchical {@linkplain Level levels} (ATL03 photons and geolocation segments, with the
 * {@linkplain Link link} between them and segment-rate variables broadcast to photons) and an
 * optional {@linkplain ReadPlan read plan}.
 *
 * <p>Make one with {@link Layouts#atl03()}, {@link Layouts#atl06()},
 * {@link Layouts#fromDataSource(Map)} or {@link Layouts#builder()}. Every rule is checked
 * when the layout is built; messages follow zagg's ({@code "levels.segments.link.to 'x' is not
 * a key in levels (available: ['photons', 'segments'])"}).
 */
public final class Layout {

    /** The names of the two coordinate columns every read returns, after the variables. */
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";

    private final List<String> groups;
    private final String latitude;
    private final String longitude;
    private final Map<String, String> variables;
    private final List<Filter> filters;
    private final String baseLevel;
    private final Map<String, Level> levels;
    private final ReadPlan readPlan;

    private Layout(Builder b) {
        this.groups = List.copyOf(b.groups);
        this.latitude = b.latitude;
        this.longitude = b.longitude;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        this.filters = List.copyOf(b.filters);
        this.baseLevel = b.baseLevel;
        this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(b.levels));
        this.readPlan = b.readPlan;
    }

    /** The beams, in read order. */
    public List<String> groups() {
        return groups;
    }

    /** Template of the base-rate latitude dataset. */
    public String latitude() {
        return latitude;
    }

    /** Template of the base-rate longitude dataset. */
    public String longitude() {
        return longitude;
    }

    /** Output column name → dataset template, in declaration order. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The filters, in declaration order (all must hold for a row to be kept). */
    public List<Filter> filters() {
        return filters;
    }

    /** The base (finest) level, when levels are declared. */
    public Optional<String> baseLevel() {
        return Optional.ofNullable(baseLevel);
    }

    /** Level name → level, in declaration order; empty for a flat layout. */
    public Map<String, Level> levels() {
        return levels;
    }

    public Optional<ReadPlan> readPlan() {
        return Optional.ofNullable(readPlan);
    }

    /** True for a filter that applies at the base rate (no level, or the base level). */
    public boolean isBaseRate(Filter filter) {
        return filter.level().map(l -> l.equals(baseLevel)).orElse(true);
    }

    /** A builder holding this layout's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.groups.addAll(groups);
        b.latitude = latitude;
        b.longitude = longitude;
        b.variables.putAll(variables);
        b.filters.addAll(filters);
        b.baseLevel = baseLevel;
        b.levels.putAll(levels);
        b.readPlan = readPlan;
        return b;
    }

    /**
     * Substitutes a beam into a dataset path template the way Python's {@code str.format(group=...)}
     * does.
     *
     * @throws IllegalArgumentException naming the template when it uses another placeholder or
     *         an unbalanced brace
     */
    public static String expand(String template, String group) {
        StringBuilder out = new StringBuilder(template.length() + group.length());
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("template '" + template + "' has an unclosed '{'");
                }
                String name = template.substring(i + 1, end);
                if (!name.equals("group")) {
                    throw new IllegalArgumentException("template '" + template + "' uses {" + name + "}; only {group} is defined");
                }
                out.append(group);
                i = end;
            } else if (c == '}') {
                throw new IllegalArgumentException("template '" + template + "' has a single '}'");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Layout)) {
            return false;
        }
        Layout l = (Layout) o;
        return groups.equals(l.groups) && latitude.equals(l.latitude) && longitude.equals(l.longitude)
                && variables.equals(l.variables) && filters.equals(l.filters) && Objects.equals(baseLevel, l.baseLevel)
                && levels.equals(l.levels) && Objects.equals(readPlan, l.readPlan);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groups, latitude, longitude, variables, filters, baseLevel, levels, readPlan);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Layout{groups=").append(groups)
                .append(", coordinates=[").append(latitude).append(", ").append(longitude).append(']')
                .append(", variables=").append(variables);
        if (!filters.isEmpty()) {
            s.append(", filters=").append(filters);
        }
        if (!levels.isEmpty()) {
            s.append(", base_level=").append(baseLevel).append(", levels=").append(levels.values());
        }
        if (readPlan != null) {
            s.append(", read_plan=").append(readPlan);
        }
        return s.append('}').toString();
    }

    /** A comparison operator of a structured filter, named as in zagg's YAML. */
    public enum Op {
        EQ, NE, GE, LE, LT, GT, IN, NOT_IN;

        /** The YAML name: {@code eq ne ge le lt gt in not_in}. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for {@code in} and {@code not_in}, which take a list of values. */
        public boolean isSetOp() {
            return this == IN || this == NOT_IN;
        }

        /** The operator with this YAML name, if any. */
        public static Optional<Op> fromYaml(String name) {
            for (Op op : values()) {
                if (op.yamlName().equals(name)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A row filter. Structured: {@code dataset op value} (or {@code in}/{@code not_in} a list of
     * values), on a 2-D dataset one {@link #column(int) column} of it, at the base rate or at a
     * coarser {@link #level(String) level} whose mask is expanded to the base rows; a match
     * keeps the row unless {@link #drop()} inverts it ({@code keep: false}). Expression: a
     * boolean expression over the read columns ({@code "(h_li > 0) & (s_li < 1)"}), evaluated by
     * the expression language after the structured filters; base rate only.
     */
    public static final class Filter {
        private final String level;
        private final String dataset;
        private final Integer column;
        private final Op op;
        private final boolean keep;
        private final List<Number> values;
        private final String expression;

        private Filter(String level, String dataset, Integer column, Op op, boolean keep, List<Number> values, String expression) {
            this.level = level;
            this.dataset = dataset;
            this.column = column;
            this.op = op;
            this.keep = keep;
            this.values = values;
            this.expression = expression;
        }

        private static Filter compare(String dataset, Op op, Number value) {
            Objects.requireNonNull(value, "value");
            return new Filter(null, requireText(dataset, "filter dataset"), null, op, true, List.of(value), null);
        }

        public static Filter eq(String dataset, Number value) {
            return compare(dataset, Op.EQ, value);
        }

        public static Filter ne(String dataset, Number value) {
            return compare(dataset, Op.NE, value);
        }

        public static Filter ge(String dataset, Number value) {
            return compare(dataset, Op.GE, value);
        }

        public static Filter le(String dataset, Number value) {
            return compare(dataset, Op.LE, value);
        }

        public static Filter lt(String dataset, Number value) {
            return compare(dataset, Op.LT, value);
        }

        public static Filter gt(String dataset, Number value) {
            return compare(dataset, Op.GT, value);
        }

        /** {@code op} applied to a scalar value ({@code eq ne ge le lt gt}). */
        public static Filter of(String dataset, Op op, Number value) {
            if (op.isSetOp()) {
                throw new IllegalArgumentException("op '" + op.yamlName() + "' takes a list of values, not one value");
            }
            return compare(dataset, op, value);
        }

        /** Keeps rows whose value is one of {@code values}. */
        public static Filter in(String dataset, Number... values) {
            return ofSet(dataset, Op.IN, Arrays.asList(values));
        }

        /** Keeps rows whose value is none of {@code values}. */
        public static Filter notIn(String dataset, Number... values) {
            return ofSet(dataset, Op.NOT_IN, Arrays.asList(values));
        }

        /** {@code in} or {@code not_in} over a list of values. */
        public static Filter ofSet(String dataset, Op op, List<? extends Number> values) {
            if (!op.isSetOp()) {
                throw new IllegalArgumentException("op '" + op.yamlName() + "' takes one value, not a list");
            }
            List<Number> copy = new ArrayList<>(values.size());
            for (Number v : values) {
                copy.add(Objects.requireNonNull(v, "values must not contain null"));
            }
            return new Filter(null, requireText(dataset, "filter dataset"), null, op, true, List.copyOf(copy), null);
        }

        /** A boolean expression over the read columns, handed to the expression language. */
        public static Filter expression(String expression) {
            return new Filter(null, null, null, null, true, List.of(), requireText(expression, "filter expression"));
        }

        /**
         * Compares column {@code column} of a 2-D dataset (negative counts from the end, as in
         * numpy). Required for 2-D datasets, refused at read time for 1-D ones.
         */
        public Filter column(int column) {
            requireStructured("column");
            return new Filter(level, dataset, column, op, keep, values, expression);
        }

        /** Evaluates the filter at a coarser level and expands its mask to the base rows. */
        public Filter level(String level) {
            requireStructured("level");
            return new Filter(requireText(level, "filter level"), dataset, column, op, keep, values, expression);
        }

        /** Inverts the filter ({@code keep: false}): rows that match are dropped. */
        public Filter drop() {
            requireStructured("keep");
            return new Filter(level, dataset, column, op, false, values, expression);
        }

        private void requireStructured(String what) {
            if (expression != null) {
                throw new IllegalStateException("an expression filter takes no '" + what + "' (expression: " + expression + ")");
            }
        }

        public boolean isExpression() {
            return expression != null;
        }

        /** The expression of an expression filter. */
        public Optional<String> expressionText() {
            return Optional.ofNullable(expression);
        }

        /** The level of a coarse-level filter; empty means the base rate. */
        public Optional<String> level() {
            return Optional.ofNullable(level);
        }

        /** The dataset template of a structured filter ({@code null} for an expression). */
        public String dataset() {
            return dataset;
        }

        public OptionalInt column() {
            return column == null ? OptionalInt.empty() : OptionalInt.of(column);
        }

        /** The operator of a structured filter ({@code null} for an expression). */
        public Op op() {
            return op;
        }

        /** False when matching rows are dropped ({@code keep: false}). */
        public boolean keep() {
            return keep;
        }

        /** The value(s) compared with: one for scalar ops, the list for {@code in}/{@code not_in}. */
        public List<Number> values() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Filter)) {
                return false;
            }
            Filter f = (Filter) o;
            return keep == f.keep && Objects.equals(level, f.level) && Objects.equals(dataset, f.dataset)
                    && Objects.equals(column, f.column) && op == f.op && numbersEqual(values, f.values)
                    && Objects.equals(expression, f.expression);
        }

        @Override
        public int hashCode() {
            List<Double> asDoubles = new ArrayList<>();
            values.forEach(v -> asDoubles.add(v.doubleValue()));
            return Objects.hash(level, dataset, column, op, keep, asDoubles, expression);
        }

        // 0 and 0.0 compare equal, as they do in numpy and YAML
        private static boolean numbersEqual(List<Number> a, List<Number> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                Number x = a.get(i);
                Number y = b.get(i);
                boolean integral = !(x instanceof Double || x instanceof Float) && !(y instanceof Double || y instanceof Float);
                if (integral ? x.longValue() != y.longValue() : Double.compare(x.doubleValue(), y.doubleValue()) != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            if (expression != null) {
                return "{expression: " + expression + "}";
            }
            StringBuilder s = new StringBuilder("{");
            if (level != null) {
                s.append("level: ").append(level).append(", ");
            }
            s.append("dataset: ").append(dataset);
            if (column != null) {
                s.append(", column: ").append(column);
            }
            s.append(", op: ").append(op.yamlName());
            s.append(op.isSetOp() ? ", values: " + values : ", value: " + values.get(0));
            if (!keep) {
                s.append(", keep: false");
            }
            return s.append('}').toString();
        }
    }

    /**
     * One rate of a hierarchical source (ATL03: {@code photons} at the base rate,
     * {@code segments} at the geolocation rate). A non-base level has a {@link Link} to the
     * base level, may name its reference coordinates (relative to {@link #path()}, or absolute
     * when they start with {@code /}) for the read plan, and may declare variables that are
     * read at its rate and broadcast to every base row it covers.
     */
    public static final class Level {
        private final String name;
        private final String path;
        private final String latitude;
        private final String longitude;
        private final Map<String, String> variables;
        private final Link link;

        private Level(String name, String path, String latitude, String longitude, Map<String, String> variables, Link link) {
            this.name = name;
            this.path = path;
            this.latitude = latitude;
            this.longitude = longitude;
            this.variables = variables;
            this.link = link;
        }

        /** A level without a link: the base level. */
        public static Level base(String name, String path) {
            return new Level(requireText(name, "level name"), requireText(path, "levels." + name + ": 'path'"), null, null, Map.of(), null);
        }

        /** A level linked to a finer one. */
        public static Level linked(String name, String path, Link link) {
            Objects.requireNonNull(link, "link");
            return new Level(requireText(name, "level name"), requireText(path, "levels." + name + ": 'path'"), null, null, Map.of(), link);
        }

        /** The level's coordinate datasets: names relative to {@link #path()} or absolute templates. */
        public Level coordinates(String latitude, String longitude) {
            return new Level(name, path, requireText(latitude, "levels." + name + ".coordinates.latitude"),
                    requireText(longitude, "levels." + name + ".coordinates.longitude"), variables, link);
        }

        /** Adds a variable read at this level's rate and broadcast to the base rows (e.g. {@code dem_h}). */
        public Level variable(String column, String template) {
            requireText(column, "levels." + name + ".variables: a variable name");
            requireText(template, "levels." + name + ".variables." + column);
            if (variables.containsKey(column)) {
                throw new IllegalArgumentException("levels." + name + ".variables." + column + " is already set to '" + variables.get(column) + "'");
            }
            Map<String, String> v = new LinkedHashMap<>(variables);
            v.put(column, template);
            return new Level(name, path, latitude, longitude, Collections.unmodifiableMap(v), link);
        }

        public String name() {
            return name;
        }

        public String path() {
            return path;
        }

        public Optional<Link> link() {
            return Optional.ofNullable(link);
        }

        /** Template of the latitude dataset (joined to the level's path), if declared. */
        public Optional<String> latitude() {
            return Optional.ofNullable(latitude).map(this::join);
        }

        /** Template of the longitude dataset (joined to the level's path), if declared. */
        public Optional<String> longitude() {
            return Optional.ofNullable(longitude).map(this::join);
        }

        private String join(String name) {
            if (name.startsWith("/")) {
                return name;
            }
            String base = path;
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base + "/" + name;
        }

        /** Broadcast variables: column name → dataset template. */
        public Map<String, String> variables() {
            return variables;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Level)) {
                return false;
            }
            Level l = (Level) o;
            return name.equals(l.name) && path.equals(l.path) && Objects.equals(latitude, l.latitude)
                    && Objects.equals(longitude, l.longitude) && variables.equals(l.variables) && Objects.equals(link, l.link);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, path, latitude, longitude, variables, link);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(name).append("{path: ").append(path);
            if (latitude != null) {
                s.append(", coordinates: [").append(latitude).append(", ").append(longitude).append(']');
            }
            if (!variables.isEmpty()) {
                s.append(", variables: ").append(variables);
            }
            if (link != null) {
                s.append(", link: ").append(link);
            }
            return s.append('}').toString();
        }
    }

    /**
     * How a coarse level tiles the base level: coarse row {@code p} covers base rows
     * {@code [index_beg[p] - index_base, index_beg[p] - index_base + count[p])}; rows with
     * {@code count == 0} are empty and cover nothing (ATL03 writes {@code ph_index_beg == 0}
     * for them).
     */
    public static final class Link {
        private final String to;
        private final String indexBeg;
        private final String count;
        private final int indexBase;

        private Link(String to, String indexBeg, String count, int indexBase) {
            this.to = to;
            this.indexBeg = indexBeg;
            this.count = count;
            this.indexBase = indexBase;
        }

        /** A link to level {@code to} with the start-index and count dataset templates; index base 0. */
        public static Link to(String to, String indexBeg, String count) {
            return new Link(requireText(to, "link 'to'"), requireText(indexBeg, "link 'index_beg'"), requireText(count, "link 'count'"), 0);
        }

        /** The value of {@code index_beg} that means base row 0 (ATL03's 1-based {@code ph_index_beg}: 1). */
        public Link indexBase(int indexBase) {
            if (indexBase < 0) {
                throw new IllegalArgumentException("link.index_base must be a non-negative int (got " + indexBase + ")");
            }
            return new Link(to, indexBeg, count, indexBase);
        }

        public String to() {
            return to;
        }

        public String indexBeg() {
            return indexBeg;
        }

        public String count() {
            return count;
        }

        public int indexBase() {
            return indexBase;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Link)) {
                return false;
            }
            Link l = (Link) o;
            return to.equals(l.to) && indexBeg.equals(l.indexBeg) && count.equals(l.count) && indexBase == l.indexBase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(to, indexBeg, count, indexBase);
        }

        @Override
        public String toString() {
            return "{to: " + to + ", index_beg: " + indexBeg + ", count: " + count + ", index_base: " + indexBase + "}";
        }
    }

    /**
     * zagg's segment → photon read plan: test each coarse row's reference position with the
     * shard test, widen matched runs by {@code pad} coarse rows, merge, and read only the base
     * rows they cover — unless that is more than {@code full_read_threshold} of the base rows.
     */
    public static final class ReadPlan {
        private final String spatialIndex;
        private final int pad;
        private final double fullReadThreshold;

        private ReadPlan(String spatialIndex, int pad, double fullReadThreshold) {
            this.spatialIndex = spatialIndex;
            this.pad = pad;
            this.fullReadThreshold = fullReadThreshold;
        }

        /** A plan over the coarse level {@code level}, with zagg's defaults: pad 1, threshold 0.9. */
        public static ReadPlan spatialIndex(String level) {
            return new ReadPlan(requireText(level, "read_plan.spatial_index"), 1, 0.9);
        }

        /** Coarse rows added on each side of a matched run. */
        public ReadPlan pad(int pad) {
            if (pad < 0) {
                throw new IllegalArgumentException("data_source.read_plan.pad must be a non-negative int (got " + pad + ")");
            }
            return new ReadPlan(spatialIndex, pad, fullReadThreshold);
        }

        /** Fraction of the base rows above which the plan reads everything instead. */
        public ReadPlan fullReadThreshold(double threshold) {
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("data_source.read_plan.full_read_threshold must be a finite number >= 0 (got " + threshold + ")");
            }
            return new ReadPlan(spatialIndex, pad, threshold);
        }

        public String spatialIndex() {
            return spatialIndex;
        }

        public int pad() {
            return pad;
        }

        public double fullReadThreshold() {
            return fullReadThreshold;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ReadPlan)) {
                return false;
            }
            ReadPlan p = (ReadPlan) o;
            return spatialIndex.equals(p.spatialIndex) && pad == p.pad && Double.compare(fullReadThreshold, p.fullReadThreshold) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(spatialIndex, pad, fullReadThreshold);
        }

        @Override
        public String toString() {
            return "{spatial_index: " + spatialIndex + ", pad: " + pad + ", full_read_threshold: " + fullReadThreshold + "}";
        }
    }

    /** Builds a {@link Layout}; {@link #build()} checks every rule and leaves the builder reusable. */
    public static final class Builder {
        private final List<String> groups = new ArrayList<>();
        private String latitude;
        private String longitude;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<Filter> filters = new ArrayList<>();
        private String baseLevel;
        private final Map<String, Level> levels = new LinkedHashMap<>();
        private ReadPlan readPlan;

        Builder() {
        }

        /** The beams, in read order (replaces earlier ones). */
        public Builder groups(String... groups) {
            return groups(Arrays.asList(groups));
        }

        public Builder groups(List<String> groups) {
            Set<String> seen = new LinkedHashSet<>();
            for (String g : groups) {
                requireText(g, "data_source.groups entry");
                if (!seen.add(g)) {
                    throw new IllegalArgumentException("data_source.groups lists '" + g + "' twice");
                }
            }
            this.groups.clear();
            this.groups.addAll(seen);
            return this;
        }

        /** The base-rate latitude and longitude dataset templates. */
        public Builder coordinates(String latitude, String longitude) {
            this.latitude = requireTemplate(latitude, "data_source.coordinates.latitude");
            this.longitude = requireTemplate(longitude, "data_source.coordinates.longitude");
            return this;
        }

        /** Adds an output column read from a base-rate dataset. */
        public Builder variable(String column, String template) {
            requireText(column, "data_source.variables: a column name");
            if (variables.containsKey(column)) {
                throw new IllegalArgumentException("data_source.variables." + column + " is already set to '" + variables.get(column) + "'");
            }
            variables.put(column, requireTemplate(template, "data_source.variables." + column));
            return this;
        }

        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** zagg's {@code quality_filter} sugar: keep rows where {@code dataset == value}. */
        public Builder qualityFilter(String dataset, Number value) {
            return filter(Filter.eq(dataset, value));
        }

        /** Adds a level (replaces one of the same name). */
        public Builder level(Level level) {
            levels.put(level.name(), level);
            return this;
        }

        public Builder baseLevel(String name) {
            this.baseLevel = requireText(name, "data_source.base_level");
            return this;
        }

        public Builder readPlan(ReadPlan plan) {
            this.readPlan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** Removes the read plan: every beam is read in full (the exact read). */
        public Builder noReadPlan() {
            this.readPlan = null;
            return this;
        }

        /** Checks every rule that spans settings and returns the layout. */
        public Layout build() {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("data_source.groups must list at least one beam");
            }
            if (latitude == null) {
                throw new IllegalArgumentException("data_source.coordinates needs 'latitude' and 'longitude'");
            }
            for (String column : variables.keySet()) {
                requireNoCoordinateName(column, "data_source.variables." + column);
            }
            checkTemplates();
            checkLevels();
            checkFilters();
            checkReadPlan();
            return new Layout(this);
        }

        private void checkTemplates() {
            for (Filter f : filters) {
                if (!f.isExpression()) {
                    requireTemplate(f.dataset(), "filter dataset");
                }
            }
            for (Level l : levels.values()) {
                requireTemplate(l.path(), "levels." + l.name() + ".path");
                l.latitude().ifPresent(t -> requireTemplate(t, "levels." + l.name() + ".coordinates.latitude"));
                l.longitude().ifPresent(t -> requireTemplate(t, "levels." + l.name() + ".coordinates.longitude"));
                l.variables().forEach((c, t) -> requireTemplate(t, "levels." + l.name() + ".variables." + c));
                l.link().ifPresent(k -> {
                    requireTemplate(k.indexBeg(), "levels." + l.name() + ".link.index_beg");
                    requireTemplate(k.count(), "levels." + l.name() + ".link.count");
                });
            }
        }

        private void checkLevels() {
            if (levels.isEmpty()) {
                if (baseLevel != null) {
                    throw new IllegalArgumentException("data_source.base_level '" + baseLevel + "' needs a non-empty 'levels' mapping");
                }
                return;
            }
            if (baseLevel == null) {
                throw new IllegalArgumentException("data_source.base_level is required when levels is present");
            }
            if (!levels.containsKey(baseLevel)) {
                throw new IllegalArgumentException("data_source.base_level '" + baseLevel + "' is not a key in levels (available: " + sortedKeys() + ")");
            }
            Map<String, String> broadcastOwner = new LinkedHashMap<>();
            for (Level level : levels.values()) {
                String name = level.name();
                if (level.link().isEmpty()) {
                    if (!name.equals(baseLevel)) {
                        throw new IllegalArgumentException("levels." + name + ": non-base levels must have a 'link' (only '" + baseLevel + "' may omit it)");
                    }
                } else {
                    String to = level.link().get().to();
                    if (to.equals(name)) {
                        throw new IllegalArgumentException("level '" + name + "': link.to cannot reference the level itself");
                    }
                    if (!levels.containsKey(to)) {
                        throw new IllegalArgumentException("levels." + name + ".link.to '" + to + "' is not a key in levels (available: " + sortedKeys() + ")");
                    }
                }
                if (level.variables().isEmpty()) {
                    continue;
                }
                if (name.equals(baseLevel)) {
                    throw new IllegalArgumentException("levels." + name + ".variables: the {name: path} form is only for non-base levels;"
                            + " base-rate columns belong in data_source.variables");
                }
                requireLinkToBase(level, "levels." + name + ".variables");
                for (String column : level.variables().keySet()) {
                    requireNoCoordinateName(column, "levels." + name + ".variables." + column);
                    if (variables.containsKey(column)) {
                        throw new IllegalArgumentException("segment-level variable '" + column + "' on level '" + name
                                + "' collides with a data_source.variables column");
                    }
                    String owner = broadcastOwner.putIfAbsent(column, name);
                    if (owner != null) {
                        throw new IllegalArgumentException("segment-level variable '" + column + "' is declared on both level '" + owner
                                + "' and level '" + name + "'");
                    }
                }
            }
        }

        private void checkFilters() {
            for (int i = 0; i < filters.size(); i++) {
                Filter f = filters.get(i);
                if (f.level().isEmpty()) {
                    continue;
                }
                String level = f.level().get();
                if (!levels.containsKey(level)) {
                    throw new IllegalArgumentException("filter[" + i + "]: level '" + level + "' is not a key in levels (available: " + sortedKeys() + ")");
                }
                if (!level.equals(baseLevel)) {
                    requireLinkToBase(levels.get(level), "filter[" + i + "]");
                }
            }
        }

        private void checkReadPlan() {
            if (readPlan == null) {
                return;
            }
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("data_source.read_plan.spatial_index requires a non-empty 'levels' mapping");
            }
            String name = readPlan.spatialIndex();
            Level level = levels.get(name);
            if (level == null) {
                throw new IllegalArgumentException("read_plan.spatial_index '" + name + "' is not a key in levels (available: " + sortedKeys() + ")");
            }
            if (level.link().isEmpty()) {
                throw new IllegalArgumentException("read_plan.spatial_index level '" + name + "' requires a 'link'");
            }
            String to = level.link().get().to();
            if (!to.equals(baseLevel)) {
                throw new IllegalArgumentException("read_plan.spatial_index level '" + name + "' must link directly to base level '" + baseLevel
                        + "' (got link.to='" + to + "')");
            }
            if (level.latitude().isEmpty()) {
                throw new IllegalArgumentException("read_plan.spatial_index level '" + name
                        + "' requires 'coordinates: {latitude: <name>, longitude: <name>}'");
            }
        }

        // Expansion to base rows goes through one link; a chain of links is not followed.
        private void requireLinkToBase(Level level, String what) {
            String to = level.link().map(Link::to).orElse(null);
            if (!baseLevel.equals(to)) {
                throw new IllegalArgumentException(what + ": level '" + level.name() + "' links to '" + to + "', not to the base level '"
                        + baseLevel + "'; only levels linked directly to the base level can be expanded to base rows");
            }
        }

        private List<String> sortedKeys() {
            List<String> keys = new ArrayList<>(levels.keySet());
            Collections.sort(keys);
            List<String> quoted = new ArrayList<>();
            keys.forEach(k -> quoted.add("'" + k + "'"));
            return quoted;
        }

        private static void requireNoCoordinateName(String column, String what) {
            if (column.equals(LATITUDE) || column.equals(LONGITUDE)) {
                throw new IllegalArgumentException(what + ": the column name '" + column
                        + "' is reserved for the coordinate column every read returns; choose another name");
            }
        }
    }

    private static String requireTemplate(String template, String what) {
        requireText(template, what);
        expand(template, "gt1l");
        return template;
    }

    static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty string (got " + (text == null ? "null" : "'" + text + "'") + ")");
        }
        return text;
    }
}
