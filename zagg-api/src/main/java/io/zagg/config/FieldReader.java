package io.zagg.config;

import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * zagg's rules for {@code aggregation.chunk_precompute} and {@code aggregation.variables}
 * ({@code _validate_chunk_precompute}, the per-variable loop of {@code validate_config} and
 * {@code _validate_output_kind}), in zagg's order and words, and the model they produce.
 */
final class FieldReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final String DIGITS = "\\d(?:_?\\d)*";
    /** Python's float literal grammar (what {@code float(s)} accepts besides nan and inf). */
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS + "\\.?)(?:[eE][+-]?" + DIGITS + ")?");
    private static final Set<String> KINDS = Set.of("scalar", "vector", "ragged");
    private static final Set<String> RESOLUTIONS = Set.of("cell", "chunk");
    private static final String DTYPES = "int8 ... int64, uint8 ... uint64, float32, float64";

    private final ConfigReader config;
    private final Set<String> columns;

    FieldReader(ConfigReader config, Set<String> columns) {
        this.config = config;
        this.columns = columns;
    }

    private ConfigException fail(String detail) {
        return config.fail(detail);
    }

    // ---- chunk_precompute -----------------------------------------------------------------

    List<PrecomputeSpec> chunkPrecompute(Object section) {
        List<PrecomputeSpec> out = new ArrayList<>();
        if (section == null) {
            return out;
        }
        if (!(section instanceof Map)) {
            throw fail("aggregation.chunk_precompute must be a mapping of name -> entry");
        }
        Set<String> reserved = new LinkedHashSet<>(columns);
        reserved.add("leaf_id");
        for (Map.Entry<String, Object> e : ConfigReader.asMap(section).entrySet()) {
            String name = e.getKey();
            String what = "chunk_precompute '" + name + "'";
            if (name.isBlank()) {
                throw fail("chunk_precompute entry names must be non-empty strings");
            }
            if (reserved.contains(name)) {
                throw fail(what + ": name collides with a data_source.variables column or the reserved 'leaf_id'; the per-cell"
                        + " namespace merge would shadow the real column with a chunk scalar. Rename the precompute entry.");
            }
            if (!(e.getValue() instanceof Map)) {
                throw fail(what + ": entry must be a mapping");
            }
            Map<String, Object> meta = ConfigReader.asMap(e.getValue());
            boolean hasFunction = functionNotExpression(what, meta);
            boolean hasExpression = !hasFunction;
            String source = source(what, meta, columns);
            if (hasFunction) {
                resolveFunction(what, meta.get("function"));
            }
            Map<String, Object> params = params(what, meta);
            checkParams(what, params, columns);
            Checker.Scope scope = new Checker.Scope(columns, true);
            Expression expression = hasExpression
                    ? config.compile(what, expressionText(what, meta.get("expression")), scope)
                    : functionCall(what, (String) meta.get("function"), source, params, scope);
            DType dtype = null;
            if (meta.containsKey("dtype")) {
                dtype = dtype(meta.get("dtype"));
                if (dtype == null) {
                    throw fail(what + ": dtype " + PyRepr.repr(meta.get("dtype")) + " is not a valid numpy dtype (" + DTYPES + ")");
                }
            }
            out.add(new PrecomputeSpec(name, expression, source, dtype));
        }
        return out;
    }

    /**
     * A {@code function} entry as the numpy call it stands for ({@code np.median(h_ph, q=...)}),
     * so it is evaluated, and checked, by the expression language.
     */
    private Expression functionCall(String what, String function, String source, Map<String, Object> params, Checker.Scope scope) {
        if (source == null) {
            throw fail(what + ": a 'function' entry needs a 'source' column");
        }
        String name = FunctionRef.reducerName(function);
        List<Node> args = List.of(new Node.Name(source));
        if (name.equals("count")) {
            return Expression.of(new Node.Call(new Node.Name("len"), args, List.of()), scope);
        }
        if (!Functions.NUMPY.containsKey(name)) {
            throw fail(what + ": function '" + function + "' cannot be evaluated per chunk (supported: len, count, "
                    + Functions.numpyNames() + ")");
        }
        List<Node.Keyword> keywords = new ArrayList<>();
        params.forEach((key, value) -> keywords.add(new Node.Keyword(key, paramNode(what, key, value))));
        try {
            return Expression.of(new Node.Call(new Node.Attribute(new Node.Name("np"), name), args, keywords), scope);
        } catch (ExpressionException e) {
            throw fail(what + ": function '" + function + "' " + e.getMessage());
        }
    }

    private Node paramNode(String what, String key, Object value) {
        if (ConfigReader.integer(value) != null) {
            return new Node.Literal(ConfigReader.integer(value));
        }
        if (value instanceof Double) {
            return new Node.Literal((Double) value);
        }
        if (value instanceof String) {
            Number n = pythonNumber((String) value);
            if (n != null) {
                return new Node.Literal(n);
            }
            try {
                return Parser.parse((String) value);
            } catch (ExpressionException e) {
                throw fail(what + ": param '" + key + "' expression '" + value + "' " + e.getMessage());
            }
        }
        throw fail(what + ": param '" + key + "' = " + PyRepr.repr(value) + " cannot be passed to a chunk function"
                + " (use a number or a column expression)");
    }

    // ---- variables ------------------------------------------------------------------------

    List<FieldSpec> variables(Object section, List<PrecomputeSpec> precompute) {
        List<FieldSpec> out = new ArrayList<>();
        if (section == null) {
            return out;
        }
        if (!(section instanceof Map)) {
            throw fail("aggregation.variables must be a mapping of field name -> definition");
        }
        Set<String> names = new LinkedHashSet<>(columns);
        precompute.forEach(p -> names.add(p.name()));
        for (Map.Entry<String, Object> e : ConfigReader.asMap(section).entrySet()) {
            out.add(variable(e.getKey(), e.getValue(), names));
        }
        return out;
    }

    private FieldSpec variable(String name, Object definition, Set<String> names) {
        String what = "Variable '" + name + "'";
        if (!(definition instanceof Map)) {
            throw fail(what + ": definition must be a mapping (got " + PyRepr.repr(definition) + ")");
        }
        Map<String, Object> meta = ConfigReader.asMap(definition);
        boolean hasFunction = functionNotExpression(what, meta);
        boolean hasExpression = !hasFunction;
        String source = source(what, meta, columns);
        String function = hasFunction ? resolveFunction(what, meta.get("function")) : null;
        Map<String, Object> rawParams = params(what, meta);
        checkParams(what, rawParams, names);
        Map<String, Param> params = new LinkedHashMap<>();
        rawParams.forEach((key, value) -> params.put(key, param(what, key, value, names)));
        Expression expression = hasExpression
                ? config.compile(what, expressionText(what, meta.get("expression")), new Checker.Scope(names, true))
                : null;
        OutputKind kind = outputKind(what, meta);

        // beyond zagg's load-time rules: what zagg would only find when it writes or runs
        double fill = fillValue(what, meta.get("fill_value"));
        if (Double.isNaN(fill) && !kind.dtype.isFloating()) {
            throw fail(what + ": fill_value NaN cannot be stored in " + kind.dtype.numpyName() + "; declare a numeric fill_value"
                    + " (e.g. fill_value: 0)");
        }
        if (!kind.dtype.isFloating() && (fill != Math.rint(fill) || !NumType.of(kind.dtype).holds((long) fill) || Math.abs(fill) > 0x1p53)) {
            throw fail(what + ": fill_value " + PyRepr.repr(meta.get("fill_value")) + " is not a " + kind.dtype.numpyName() + " value");
        }
        FunctionRef ref = null;
        if (function != null) {
            String reduced = source;
            if (reduced == null && !FunctionRef.reducerName(function).equals("count")) {
                if (!columns.contains("h_li")) {
                    throw fail(what + ": function '" + function + "' has no 'source', and zagg's default source 'h_li' is not in"
                            + " data_source.variables");
                }
                reduced = "h_li";
            }
            ref = new FunctionRef(function, reduced, params);
        }
        return new FieldSpec(name, kind.kind, kind.resolution, kind.dtype, kind.declaredDtype, fill, kind.trailing, kind.inner,
                source, expression, ref);
    }

    /** zagg's rule that an entry has exactly one of {@code function} and {@code expression}; true for a function. */
    private boolean functionNotExpression(String what, Map<String, Object> meta) {
        boolean hasFunction = meta.containsKey("function");
        boolean hasExpression = meta.containsKey("expression");
        if (hasFunction && hasExpression) {
            throw fail(what + ": 'function' and 'expression' are mutually exclusive");
        }
        if (!hasFunction && !hasExpression) {
            throw fail(what + ": must specify 'function' or 'expression'");
        }
        return hasFunction;
    }

    private String source(String what, Map<String, Object> meta, Set<String> allowed) {
        Object source = meta.get("source");
        if (source != null && !allowed.contains(String.valueOf(source))) {
            throw fail(what + ": source '" + PyRepr.str(source) + "' not in data_source.variables");
        }
        return source == null ? null : String.valueOf(source);
    }

    /** The form of zagg's {@code resolve_function}; whether the name exists is the reducer registry's question. */
    private String resolveFunction(String what, Object function) {
        if (!(function instanceof String)) {
            throw fail(what + ": function must be the name of a function (got " + PyRepr.repr(function) + ")");
        }
        String name = (String) function;
        if (name.equals("len") || name.equals("count")) {
            return name;
        }
        String rest = name.startsWith("np.") ? name.substring(3) : name;
        if (rest.indexOf('.') < 0) {
            if (!IDENTIFIER.matcher(rest).matches()) {
                throw fail(what + ": Cannot resolve '" + rest + "' as numpy function");
            }
            return name;
        }
        for (String part : rest.split("\\.", -1)) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw fail(what + ": Cannot resolve '" + rest + "': not a dotted module path");
            }
        }
        return name;
    }

    private Map<String, Object> params(String what, Map<String, Object> meta) {
        Object p = meta.get("params");
        if (p == null) {
            return Map.of();
        }
        if (!(p instanceof Map)) {
            throw fail(what + ": params must be a mapping of keyword -> value (got " + PyRepr.repr(p) + ")");
        }
        return ConfigReader.asMap(p);
    }

    /** zagg's params rule: a string must name a column, be a number, or contain a column name. */
    private void checkParams(String what, Map<String, Object> params, Set<String> names) {
        for (Object value : params.values()) {
            if (!(value instanceof String)) {
                continue;
            }
            String s = (String) value;
            if (names.contains(s) || pythonNumber(s) != null || names.stream().anyMatch(s::contains)) {
                continue;
            }
            throw fail(what + ": param value '" + s + "' references unknown column (available: " + PyRepr.set(names) + ")");
        }
    }

    /** zagg's run-time reading of a param, decided once: column, number, expression or literal. */
    private Param param(String what, String key, Object value, Set<String> names) {
        if (!(value instanceof String)) {
            return new Param.Literal(ConfigReader.normalized(value));
        }
        String s = (String) value;
        if (names.contains(s)) {
            return new Param.ColumnRef(s);
        }
        Number n = pythonNumber(s);
        if (n != null) {
            return new Param.Literal(n);
        }
        return new Param.Computed(config.compile(what + ": param '" + key + "'", s, new Checker.Scope(names, false)));
    }

    private String expressionText(String what, Object expression) {
        if (!(expression instanceof String)) {
            throw fail(what + ": expression must be a string (got " + PyRepr.repr(expression) + ")");
        }
        return (String) expression;
    }

    // ---- output kind ----------------------------------------------------------------------

    private record OutputKind(FieldSpec.Kind kind, FieldSpec.Resolution resolution, DType dtype, String declaredDtype,
                              List<Integer> trailing, List<Integer> inner) {
    }

    /** zagg's {@code _validate_output_kind}. */
    private OutputKind outputKind(String what, Map<String, Object> meta) {
        Object kind = meta.getOrDefault("kind", "scalar");
        if (!KINDS.contains(kind)) {
            throw fail(what + ": output kind '" + PyRepr.str(kind) + "' is not supported (allowed: scalar, vector, ragged)");
        }
        Object resolution = meta.getOrDefault("resolution", "cell");
        if (!RESOLUTIONS.contains(resolution)) {
            throw fail(what + ": resolution '" + PyRepr.str(resolution) + "' is not supported (allowed: cell, chunk)");
        }
        DType dtype = DType.FLOAT32;
        String declared = null;
        if (meta.containsKey("dtype")) {
            dtype = dtype(meta.get("dtype"));
            if (dtype == null) {
                throw fail(what + ": dtype " + PyRepr.repr(meta.get("dtype")) + " is not a valid numpy dtype (" + DTYPES + ")");
            }
            declared = String.valueOf(meta.get("dtype"));
        }
        boolean hasTrailing = meta.containsKey("trailing_shape");
        Object function = meta.get("function");
        boolean count = "len".equals(function) || "count".equals(function);
        List<Integer> trailing = List.of();
        List<Integer> inner = List.of();
        if (kind.equals("scalar")) {
            if (hasTrailing) {
                throw fail(what + ": 'trailing_shape' is only valid for kind 'vector', not 'scalar'");
            }
        } else if (kind.equals("vector")) {
            if (!hasTrailing) {
                throw fail(what + ": kind 'vector' requires 'trailing_shape'");
            }
            trailing = shape(what, meta.get("trailing_shape"), "trailing_shape");
            if (count) {
                throw fail(what + ": function " + PyRepr.repr(function) + " produces a scalar count and cannot be combined with kind 'vector'");
            }
        } else {
            if (hasTrailing) {
                throw fail(what + ": 'trailing_shape' is only valid for 'vector', not 'ragged'");
            }
            if (!meta.containsKey("inner_shape")) {
                throw fail(what + ": kind 'ragged' requires 'inner_shape'");
            }
            inner = shape(what, meta.get("inner_shape"), "inner_shape");
            if (count) {
                throw fail(what + ": function " + PyRepr.repr(function) + " produces a scalar count and cannot be combined with kind 'ragged'");
            }
        }
        FieldSpec.Kind k = FieldSpec.Kind.valueOf(((String) kind).toUpperCase(Locale.ROOT));
        FieldSpec.Resolution r = FieldSpec.Resolution.valueOf(((String) resolution).toUpperCase(Locale.ROOT));
        return new OutputKind(k, r, dtype, declared, trailing, inner);
    }

    /** zagg's {@code _validate_trailing_shape}: an int or a non-empty list of positive ints. */
    private List<Integer> shape(String what, Object value, String key) {
        List<?> dims;
        if (ConfigReader.integer(value) != null || value instanceof Boolean) {
            dims = List.of(value);
        } else if (value instanceof List) {
            dims = (List<?>) value;
        } else {
            throw fail(what + ": '" + key + "' must be an int or a sequence of ints (got " + PyRepr.repr(value) + ")");
        }
        if (dims.isEmpty()) {
            throw fail(what + ": '" + key + "' must have at least one dimension");
        }
        List<Integer> out = new ArrayList<>();
        for (Object d : dims) {
            Long dim = ConfigReader.integer(d);
            if (dim == null || dim < 1 || dim > Integer.MAX_VALUE) {
                throw fail(what + ": '" + key + "' entries must be positive integers (got " + PyRepr.repr(d) + ")");
            }
            out.add(dim.intValue());
        }
        return out;
    }

    // ---- values ---------------------------------------------------------------------------

    /**
     * A dtype as numpy's {@code np.dtype} reads the names zagg for Java can store
     * ({@code 'float32'}, {@code 'f4'}, {@code '<u8'}, and numpy's aliases {@code 'float'},
     * {@code 'double'}, {@code 'int'}); null for anything else.
     */
    static DType dtype(Object value) {
        if (!(value instanceof String)) {
            return null;
        }
        String s = ((String) value).trim();
        switch (s) {
            case "float":
            case "double":
                return DType.FLOAT64;
            case "int":
                return DType.INT64;
            default:
                try {
                    return DType.parse(s);
                } catch (IllegalArgumentException e) {
                    return null;
                }
        }
    }

    private double fillValue(String what, Object fill) {
        if (fill == null) {
            return Double.NaN;
        }
        if (ConfigReader.integer(fill) != null || fill instanceof Double) {
            return ((Number) fill).doubleValue();
        }
        if (fill instanceof String) {
            Number n = pythonNumber((String) fill);
            if (n != null) {
                return n.doubleValue();
            }
        }
        throw fail(what + ": fill_value " + PyRepr.repr(fill) + " is not a number or \"NaN\"");
    }

    /** The number Python's {@code float(s)} reads from a string (a Long when it is an integer literal), or null. */
    static Number pythonNumber(String s) {
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!PYTHON_FLOAT.matcher(t).matches()) {
            return null;
        }
        String digits = t.replace("_", "");
        if (INTEGER.matcher(digits).matches()) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(digits);
            }
        }
        return Double.parseDouble(digits);
    }
}
