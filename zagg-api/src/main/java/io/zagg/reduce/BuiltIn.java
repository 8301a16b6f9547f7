package io.zagg.reduce;

import io.zagg.Aggregation.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The closed set of built-in, numpy-exact reducers and the names configs use for them. Output
 * names default to {@code <source>_<function>} ({@code h_li_min}, {@code h_li_nanmean}); a
 * quantile is named by its percentage ({@code h_li_q25}, {@code h_li_q2_5}); {@code count} is
 * just {@code count}.
 */
public enum BuiltIn {
    COUNT(Kind.SCALAR),
    SUM(Kind.SCALAR),
    MIN(Kind.SCALAR),
    MAX(Kind.SCALAR),
    MEAN(Kind.SCALAR),
    VAR(Kind.SCALAR),
    STD(Kind.SCALAR),
    MEDIAN(Kind.SCALAR),
    QUANTILE(Kind.SCALAR, "q"),
    AVERAGE(Kind.SCALAR, "weights"),
    NANSUM(Kind.SCALAR),
    NANMIN(Kind.SCALAR),
    NANMAX(Kind.SCALAR),
    NANMEAN(Kind.SCALAR),
    NANVAR(Kind.SCALAR),
    NANSTD(Kind.SCALAR),
    NANMEDIAN(Kind.SCALAR),
    HISTOGRAM(Kind.VECTOR, "bins", "range"),
    TDIGEST(Kind.RAGGED, "delta");

    /** zagg's default t-digest compression ({@code _DEFAULT_DELTA}). */
    public static final int DEFAULT_DELTA = 512;

    private static final Map<String, BuiltIn> ALIASES = aliases();

    private final Kind kind;
    private final List<String> params;

    BuiltIn(Kind kind, String... params) {
        this.kind = kind;
        this.params = List.of(params);
    }

    /** The canonical (numpy) name: {@code "nanmean"}, {@code "tdigest"}. */
    public String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** The parameter names a config may give, in order. */
    public List<String> params() {
        return params;
    }

    /** Whether numpy propagates NaN through it rather than skipping NaN. */
    public boolean skipsNaN() {
        return name().startsWith("NAN");
    }

    /** The default output name for this function over {@code source}; {@code q} only for quantiles. */
    public String defaultName(String source, double q) {
        switch (this) {
            case COUNT:
                return "count";
            case QUANTILE:
                String percent = BigDecimal.valueOf(q).movePointRight(2).stripTrailingZeros().toPlainString();
                return source + "_q" + percent.replace('.', '_');
            default:
                return source + "_" + functionName();
        }
    }

    /**
     * The built-in a config's {@code function:} string names: a numpy name with or without the
     * {@code np.}/{@code numpy.} prefix, {@code len}/{@code count}, or zagg's
     * {@code zagg.stats.tdigest.build_tdigest}.
     */
    public static Optional<BuiltIn> lookup(String function) {
        String f = function.trim();
        if (f.startsWith("np.")) {
            f = f.substring(3);
        } else if (f.startsWith("numpy.")) {
            f = f.substring(6);
        }
        return Optional.ofNullable(ALIASES.get(f));
    }

    /** Every name {@link #lookup} accepts without a prefix, for error messages. */
    public static List<String> names() {
        return new ArrayList<>(ALIASES.keySet());
    }

    private static Map<String, BuiltIn> aliases() {
        Map<String, BuiltIn> m = new LinkedHashMap<>();
        for (BuiltIn b : values()) {
            m.put(b.functionName(), b);
        }
        m.put("len", COUNT);
        m.put("amin", MIN);
        m.put("amax", MAX);
        m.put("zagg.stats.tdigest.build_tdigest", TDIGEST);
        return Collections.unmodifiableMap(m);
    }
}
