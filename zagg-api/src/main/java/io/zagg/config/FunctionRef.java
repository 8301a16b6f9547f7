package io.zagg.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code function:} field: the name as written, the name the reducer registry resolves, the
 * source column and the params. zagg resolves the name through numpy at run time; here the
 * registry does, so only the name's form is checked when the config is loaded.
 */
public final class FunctionRef {

    private static final String TDIGEST = "zagg.stats.tdigest.build_tdigest";

    private final String name;
    private final String source;
    private final Map<String, Param> params;

    FunctionRef(String name, String source, Map<String, Param> params) {
        this.name = name;
        this.source = source;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The name as written in the config ({@code "np.quantile"}, {@code "len"}, a dotted path). */
    public String name() {
        return name;
    }

    /**
     * The name for the reducer registry: {@code len} and {@code count} → {@code count}; a numpy
     * name without its {@code np.}/{@code numpy.} prefix ({@code "np.nanmean"} → {@code nanmean});
     * {@code zagg.stats.tdigest.build_tdigest} → {@code tdigest}; any other dotted name (a
     * {@code ReducerProvider} plugin) unchanged.
     */
    public String reducerName() {
        return reducerName(name);
    }

    static String reducerName(String name) {
        if (name.equals("len") || name.equals("count")) {
            return "count";
        }
        if (name.equals(TDIGEST)) {
            return "tdigest";
        }
        for (String prefix : new String[] {"np.", "numpy."}) {
            if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    /** Whether this is zagg's count ({@code len}/{@code count}), which ignores its source. */
    public boolean isCount() {
        return name.equals("len") || name.equals("count");
    }

    /**
     * The column the function reduces: the declared {@code source}, else zagg's default
     * {@code h_li} (checked to exist when the config was loaded); empty only for a count.
     */
    public java.util.Optional<String> source() {
        return java.util.Optional.ofNullable(source);
    }

    /** The keyword arguments in YAML order. */
    public Map<String, Param> params() {
        return params;
    }

    @Override
    public String toString() {
        return name + (source == null ? "" : "(" + source + ")") + (params.isEmpty() ? "" : " " + params);
    }
}
