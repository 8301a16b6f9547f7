package io.zagg.reduce;

import io.zagg.spi.Reducer;
import io.zagg.spi.ReducerProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Resolves the {@code function:} names of a config that are not built-ins: a
 * {@link ReducerProvider}'s {@code namespace.function}. Providers are found once with
 * {@link ServiceLoader} ({@link #installed()}) or given explicitly. A provider that fails to load,
 * or that claims a namespace another provider already has, is left out and reported in the message
 * of any name that does not resolve.
 */
public final class FunctionRegistry {

    private static volatile FunctionRegistry installed;

    private final Map<String, ReducerProvider> byNamespace = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** A registry of {@code providers}, in order (the first of two with the same namespace wins). */
    public FunctionRegistry(Iterable<? extends ReducerProvider> providers) {
        Iterator<? extends ReducerProvider> it = providers.iterator();
        while (true) {
            ReducerProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add("a reducer provider failed to load: " + e.getMessage());
                continue;
            }
            register(p);
        }
    }

    /** The providers on the class path and module path, loaded on first use. */
    public static FunctionRegistry installed() {
        FunctionRegistry r = installed;
        if (r == null) {
            synchronized (FunctionRegistry.class) {
                r = installed;
                if (r == null) {
                    r = new FunctionRegistry(ServiceLoader.load(ReducerProvider.class));
                    installed = r;
                }
            }
        }
        return r;
    }

    private void register(ReducerProvider p) {
        String ns;
        try {
            ns = p.namespace();
        } catch (RuntimeException e) {
            problems.add("reducer provider " + p.getClass().getName() + " failed to name its namespace: " + e);
            return;
        }
        if (ns == null || ns.isBlank() || ns.equals("np") || ns.equals("numpy")) {
            problems.add("reducer provider " + p.getClass().getName() + " has namespace '" + ns
                    + "'; a namespace must be non-blank and not np or numpy");
            return;
        }
        ReducerProvider before = byNamespace.putIfAbsent(ns, p);
        if (before != null) {
            problems.add("reducer providers " + before.getClass().getName() + " and " + p.getClass().getName()
                    + " both claim namespace '" + ns + "'; the first is used");
        }
    }

    /**
     * The reducer {@code function} names (e.g. {@code mylib.p95}), configured with {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name, listing every known name (built-in
     *     and provided) and any provider that failed to load
     */
    public Reducer create(String function, Map<String, Object> params) {
        String f = function.trim();
        int dot = f.lastIndexOf('.');
        ReducerProvider p = dot > 0 ? byNamespace.get(f.substring(0, dot)) : null;
        if (p != null && p.functions().contains(f.substring(dot + 1))) {
            Reducer r = p.create(f.substring(dot + 1), params);
            if (r == null) {
                throw new IllegalStateException("reducer provider " + p.getClass().getName() + " returned no reducer for " + f);
            }
            return r;
        }
        StringBuilder msg = new StringBuilder("unknown aggregation function '").append(function).append("'; known: ")
                .append(String.join(", ", knownNames())).append(" (numpy names also with an np. prefix)");
        for (String problem : problems) {
            msg.append("; ").append(problem);
        }
        throw new IllegalArgumentException(msg.toString());
    }

    /** Every resolvable name: the built-ins, then each provider's {@code namespace.function}. */
    public List<String> knownNames() {
        List<String> names = new ArrayList<>(BuiltIn.names());
        byNamespace.forEach((ns, p) -> p.functions().stream().sorted().forEach(fn -> names.add(ns + "." + fn)));
        return names;
    }
}
