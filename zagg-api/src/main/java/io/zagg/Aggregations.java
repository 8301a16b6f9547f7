package io.zagg;

import io.zagg.Aggregation.Kind;
import io.zagg.reduce.BuiltIn;
import io.zagg.reduce.FunctionRegistry;
import io.zagg.reduce.HistogramBins;
import io.zagg.spi.DType;
import io.zagg.spi.Reducer;
import io.zagg.spi.ScalarReducer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-cell statistics a run can compute: numpy-exact built-ins and user-defined reducers.
 *
 * <p>Every built-in gives the same bits as the numpy function zagg calls on the cell's values
 * (numpy 2.x, float32 pairwise summation, population variance, linear quantiles): the result is
 * computed in the source column's dtype (float32 or float64) and then cast to the field's dtype.
 * {@code min}, {@code max}, {@code sum}, {@code mean}, {@code var}, {@code std}, {@code median},
 * {@code quantile} and {@code average} propagate NaN; the {@code nan*} variants skip it (and give
 * NaN when every value is NaN, {@code nansum} 0); {@code histogram} drops NaN and values outside
 * its range; {@code tdigest} drops NaN and ±infinity. A cell without rows gets the field's fill.
 *
 * <p>Default output names are {@code <source>_<function>} ({@code h_li_min},
 * {@code h_li_nanmean}, {@code h_li_histogram}), {@code <source>_q<percent>} for a quantile
 * ({@code h_li_q25}, {@code h_li_q2_5}) and {@code count}; rename with {@link Aggregation#as}.
 * Names must be unique within a run ({@link #requireUniqueNames}).
 */
public final class Aggregations {

    private Aggregations() {
    }

    /** Rows in the cell ({@code len}); default dtype int32, fill 0. */
    public static Aggregation count() {
        return builtIn(BuiltIn.COUNT, List.of(), Map.of());
    }

    /** {@code np.sum}: float32 pairwise summation for a float32 source. */
    public static Aggregation sum(String source) {
        return builtIn(BuiltIn.SUM, sources(source), Map.of());
    }

    /** {@code np.min}: NaN if any value is NaN. */
    public static Aggregation min(String source) {
        return builtIn(BuiltIn.MIN, sources(source), Map.of());
    }

    /** {@code np.max}: NaN if any value is NaN. */
    public static Aggregation max(String source) {
        return builtIn(BuiltIn.MAX, sources(source), Map.of());
    }

    /** {@code np.mean}: pairwise sum divided by the count. */
    public static Aggregation mean(String source) {
        return builtIn(BuiltIn.MEAN, sources(source), Map.of());
    }

    /** {@code np.var}: population variance (ddof 0) around the mean, as numpy computes it. */
    public static Aggregation var(String source) {
        return builtIn(BuiltIn.VAR, sources(source), Map.of());
    }

    /** {@code np.std}: square root of {@link #var}. */
    public static Aggregation std(String source) {
        return builtIn(BuiltIn.STD, sources(source), Map.of());
    }

    /** {@code np.median}: the middle value, or the mean of the two middle values. */
    public static Aggregation median(String source) {
        return builtIn(BuiltIn.MEDIAN, sources(source), Map.of());
    }

    /**
     * {@code np.quantile(values, q)} with the default {@code linear} method: the virtual index
     * {@code (n - 1) * q} and the interpolation between its neighbours in float64, the result
     * rounded to the source dtype, as numpy 1.24 computes it (numpy 2 first casts a Python-float
     * {@code q} to float32, which moves a float32 result by up to 1e-5 relative).
     */
    public static Aggregation quantile(String source, double q) {
        return builtIn(BuiltIn.QUANTILE, sources(source), Map.of("q", q));
    }

    /**
     * {@code np.average(values, weights=weights)}: {@code sum(values*weights) / sum(weights)}.
     * Where the weights of a cell sum to zero numpy raises {@code ZeroDivisionError}; here the
     * cell gets the field's fill value (NaN by default), as a cell without an answer.
     */
    public static Aggregation average(String source, String weights) {
        requireColumn(weights, "weights");
        return builtIn(BuiltIn.AVERAGE, List.of(requireColumn(source, "source"), weights), Map.of("weights", weights));
    }

    /**
     * {@code np.histogram(values, bins, (lo, hi))[0]}: a vector of {@code bins} counts over equal
     * bins, the last one closed on the right; NaN and values outside {@code [lo, hi]} are not
     * counted. Counts are cast to the field dtype (default float32; {@code .dtype(DType.UINT32)}
     * for integer counts).
     */
    public static Aggregation histogram(String source, int bins, double lo, double hi) {
        HistogramBins.check(bins, lo, hi);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bins", bins);
        params.put("range", List.of(lo, hi));
        return builtIn(BuiltIn.HISTOGRAM, sources(source), params);
    }

    /**
     * zagg's t-digest ({@code zagg.stats.tdigest.build_tdigest}, k1 scale, sort and merge): ragged
     * {@code (k, 2)} rows of {@code [mean, weight]}, loss-free up to about {@code delta} values.
     * Read it back with {@link TDigests}.
     */
    public static Aggregation tdigest(String source, int delta) {
        if (delta < 1) {
            throw new IllegalArgumentException("tdigest delta " + delta + " must be at least 1");
        }
        return builtIn(BuiltIn.TDIGEST, sources(source), Map.of("delta", delta));
    }

    /**
     * zagg's gain/bias waveform of {@code source} anchored on {@code anchor} (e.g. photon heights
     * {@code h_ph} on the reference DEM {@code dem_h}), {@code bins} bins whose width (gain) and
     * anchor (offset) are set once per inner chunk: its {@link Waveform#counts()},
     * {@link Waveform#offset()} and {@link Waveform#gain()} fields compute their chunk values
     * {@code chunk_gain} and {@code chunk_offset} themselves (one waveform per pipeline).
     */
    public static Waveform waveform(String source, String anchor, int bins) {
        return Waveform.of(requireColumn(source, "source"), requireColumn(anchor, "anchor"), bins);
    }

    /**
     * The chunk value {@code name} in every cell of its chunk, with rows or without (declared with
     * {@link Pipeline#chunkPrecompute}, or a config's {@code chunk_precompute}): zagg's field whose
     * expression is the bare name. Usually stored once per chunk,
     * {@code chunkValue("chunk_gain").as("gain_h").perChunk()}. Default name {@code name}, dtype
     * float32, fill NaN.
     */
    public static Aggregation chunkValue(String name) {
        requireColumn(name, "chunk value");
        return new Aggregation(BuiltIn.CHUNK_VALUE.functionName(), List.of(), Map.of("value", name), null, name, DType.FLOAT32, null,
                Kind.SCALAR, List.of());
    }

    /** {@code np.nansum}: the sum with NaN counted as 0. */
    public static Aggregation nansum(String source) {
        return builtIn(BuiltIn.NANSUM, sources(source), Map.of());
    }

    /** {@code np.nanmin}: NaN only if every value is NaN. */
    public static Aggregation nanmin(String source) {
        return builtIn(BuiltIn.NANMIN, sources(source), Map.of());
    }

    /** {@code np.nanmax}: NaN only if every value is NaN. */
    public static Aggregation nanmax(String source) {
        return builtIn(BuiltIn.NANMAX, sources(source), Map.of());
    }

    /** {@code np.nanmean}: NaN only if every value is NaN. */
    public static Aggregation nanmean(String source) {
        return builtIn(BuiltIn.NANMEAN, sources(source), Map.of());
    }

    /** {@code np.nanvar} (ddof 0): NaN only if every value is NaN. */
    public static Aggregation nanvar(String source) {
        return builtIn(BuiltIn.NANVAR, sources(source), Map.of());
    }

    /** {@code np.nanstd} (ddof 0): NaN only if every value is NaN. */
    public static Aggregation nanstd(String source) {
        return builtIn(BuiltIn.NANSTD, sources(source), Map.of());
    }

    /** {@code np.nanmedian}: NaN only if every value is NaN. */
    public static Aggregation nanmedian(String source) {
        return builtIn(BuiltIn.NANMEDIAN, sources(source), Map.of());
    }

    /**
     * A user-defined scalar statistic of one column, e.g.
     * {@code reduce("h_range", "h_ph", v -> ...)}. Default dtype float32, fill NaN.
     */
    public static Aggregation reduce(String name, String source, ScalarReducer reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return reduce(name, List.of(requireColumn(source, "source")), (cell, out) -> out.set(reducer.reduce(cell.column(0))));
    }

    /**
     * A user-defined statistic of one or more columns; scalar unless shaped with
     * {@link Aggregation#vector} or {@link Aggregation#ragged}.
     */
    public static Aggregation reduce(String name, List<String> sources, Reducer reducer) {
        Objects.requireNonNull(reducer, "reducer");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("reducer '" + name + "' needs at least one source column");
        }
        sources.forEach(s -> requireColumn(s, "source"));
        return new Aggregation("reduce", sources, Map.of(), reducer, "reduce", DType.FLOAT32, null, Kind.SCALAR, List.of())
                .as(name);
    }

    /**
     * The aggregation a zagg config names: {@code function} is a numpy name with or without
     * {@code np.} ({@code nanmean}, {@code np.quantile}), {@code len}/{@code count},
     * {@code zagg.stats.tdigest.build_tdigest}, or a {@link io.zagg.spi.ReducerProvider}'s
     * {@code namespace.function}. {@code params} are the config's parameters: {@code q} for
     * {@code quantile}, {@code weights} (a column name) for {@code average}, {@code bins} and
     * {@code range: [lo, hi]} for {@code histogram}, {@code delta} for the t-digest (default 512);
     * a provider's reducer gets them as given.
     *
     * @param source the column reduced; may be null for {@code count}
     * @throws IllegalArgumentException for an unknown function (listing the known ones) or bad params
     */
    public static Aggregation function(String function, String source, Map<String, ?> params) {
        Objects.requireNonNull(function, "function");
        Map<String, Object> p = new LinkedHashMap<>(params == null ? Map.of() : params);
        BuiltIn b = BuiltIn.lookup(function).orElse(null);
        if (b == null) {
            FunctionRegistry registry = FunctionRegistry.installed();
            Reducer reducer = registry.create(function, p);
            String column = requireColumn(source, "source");
            String simpleName = function.substring(function.lastIndexOf('.') + 1);
            return new Aggregation(function.trim(), List.of(column), p, reducer, column + "_" + simpleName,
                    DType.FLOAT32, null, Kind.SCALAR, List.of());
        }
        for (String key : p.keySet()) {
            if (!b.params().contains(key)) {
                throw new IllegalArgumentException("function " + function + " does not take parameter '" + key + "'"
                        + (b.params().isEmpty() ? "" : " (it takes " + String.join(", ", b.params()) + ")"));
            }
        }
        switch (b) {
            case COUNT:
                return count();
            case QUANTILE:
                return quantile(source, number(function, "q", p.get("q")).doubleValue());
            case AVERAGE:
                Object w = p.get("weights");
                if (!(w instanceof String)) {
                    throw new IllegalArgumentException("function " + function + " needs parameter 'weights' naming a column, not " + w);
                }
                return average(source, (String) w);
            case HISTOGRAM:
                Object range = p.get("range");
                if (!(range instanceof List) || ((List<?>) range).size() != 2) {
                    throw new IllegalArgumentException("function " + function + " needs parameter 'range' as [lo, hi], not " + range);
                }
                List<?> r = (List<?>) range;
                Number bins = number(function, "bins", p.get("bins"));
                if (bins.doubleValue() != bins.intValue()) {
                    throw new IllegalArgumentException("parameter 'bins' of " + function + " must be an integer, not " + bins);
                }
                return histogram(source, bins.intValue(), number(function, "range", r.get(0)).doubleValue(),
                        number(function, "range", r.get(1)).doubleValue());
            case TDIGEST:
                Object delta = p.getOrDefault("delta", BuiltIn.DEFAULT_DELTA);
                Number d = number(function, "delta", delta);
                if (d.doubleValue() != d.intValue()) {
                    throw new IllegalArgumentException("parameter 'delta' of " + function + " must be an integer, not " + d);
                }
                return tdigest(source, d.intValue());
            default:
                return builtIn(b, sources(source), Map.of());
        }
    }

    /**
     * Checks that no two aggregations share an output name.
     *
     * @throws IllegalArgumentException naming the duplicated name and both aggregations
     */
    public static void requireUniqueNames(Collection<Aggregation> aggregations) {
        Map<String, Aggregation> seen = new HashMap<>();
        for (Aggregation a : aggregations) {
            Aggregation before = seen.putIfAbsent(a.name(), a);
            if (before != null) {
                throw new IllegalArgumentException("output name '" + a.name() + "' is used twice: by " + before.describe()
                        + " and by " + a.describe() + "; rename one with .as(\"...\")");
            }
        }
    }

    private static Aggregation builtIn(BuiltIn b, List<String> sources, Map<String, Object> params) {
        double q = b == BuiltIn.QUANTILE ? ((Number) params.get("q")).doubleValue() : 0;
        if (b == BuiltIn.QUANTILE && !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile q " + q + " of " + sources.get(0) + " must be in [0, 1]");
        }
        List<Integer> shape = b == BuiltIn.HISTOGRAM ? List.of((Integer) params.get("bins"))
                : b == BuiltIn.TDIGEST ? List.of(2) : List.of();
        String name = b.defaultName(sources.isEmpty() ? null : sources.get(0), q);
        return new Aggregation(b.functionName(), sources, params, null, name,
                b == BuiltIn.COUNT ? DType.INT32 : DType.FLOAT32, null, b.kind(), shape);
    }

    private static List<String> sources(String source) {
        return List.of(requireColumn(source, "source"));
    }

    private static String requireColumn(String column, String what) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException(what + " column must be a non-blank column name, not '" + column + "'");
        }
        return column;
    }

    private static Number number(String function, String param, Object value) {
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("parameter '" + param + "' of " + function + " must be a number, not "
                    + (value instanceof String ? "'" + value + "'" : value));
        }
        return (Number) value;
    }
}
