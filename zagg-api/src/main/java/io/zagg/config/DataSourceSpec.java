package io.zagg.config;

import io.zagg.read.ExpressionCompiler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code data_source} section as far as aggregation needs it: the beams ({@code groups}),
 * the output columns ({@code variables} and the segment-level variables broadcast from coarser
 * levels), and the compiled expression filters. The whole section is also kept as read
 * ({@link #raw()}): the reader's layout is built from it, and that is where the structured
 * filter, level and read-plan rules are checked.
 */
public final class DataSourceSpec {

    private final Map<String, Object> raw;
    private final List<String> groups;
    private final Map<String, String> variables;
    private final Set<String> segmentVariables;
    private final List<RowFilter> expressionFilters;

    DataSourceSpec(Map<String, Object> raw, List<String> groups, Map<String, String> variables,
                   Set<String> segmentVariables, List<RowFilter> expressionFilters) {
        this.raw = raw;
        this.groups = List.copyOf(groups);
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.segmentVariables = Collections.unmodifiableSet(new LinkedHashSet<>(segmentVariables));
        this.expressionFilters = List.copyOf(expressionFilters);
    }

    /** The section as read from the YAML (deeply unmodifiable; map keys as strings). */
    public Map<String, Object> raw() {
        return raw;
    }

    /** The beams, e.g. {@code gt1l ... gt3r}; each {@code {group}} in a path template is one of them. */
    public List<String> groups() {
        return groups;
    }

    /** Column name → dataset path template, in YAML order. */
    public Map<String, String> variables() {
        return variables;
    }

    /** Names of the segment-level variables ({@code levels.<level>.variables} mappings), broadcast to base rows. */
    public Set<String> segmentVariables() {
        return segmentVariables;
    }

    /** Every column name expressions and sources may use: the variables, then the segment variables. */
    public Set<String> columns() {
        Set<String> all = new LinkedHashSet<>(variables.keySet());
        all.addAll(segmentVariables);
        return Collections.unmodifiableSet(all);
    }

    /** The reader's compiler of expression filters over {@link #columns()}. */
    public ExpressionCompiler expressionCompiler() {
        return RowFilter.compiler(columns());
    }

    /** The {@code expression} filters in declared order, compiled (structured filters are the layout's). */
    public List<RowFilter> expressionFilters() {
        return expressionFilters;
    }
}
