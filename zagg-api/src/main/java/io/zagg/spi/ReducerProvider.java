package io.zagg.spi;

import java.util.Map;
import java.util.Set;

/**
 * Offers named reducers to configuration files: a provider with namespace {@code mylib} and
 * function {@code p95} is what a zagg YAML config names as {@code function: mylib.p95}.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.zagg.spi.ReducerProvider} (class path) or declare
 * {@code provides io.zagg.spi.ReducerProvider with ...} (module path). An implementation needs a
 * public no-argument constructor and must be safe to call from several threads. A provider that
 * fails to load is reported when a name cannot be resolved; it never hides the others.
 *
 * <p>The names {@code np.*}, {@code numpy.*} and the un-dotted numpy names always mean the
 * built-in numpy-exact reducers; a provider cannot replace them.
 */
public interface ReducerProvider {

    /** The prefix before the last dot of the function names it offers, e.g. {@code "mylib"}. */
    String namespace();

    /** The functions offered, without the namespace, e.g. {@code ["p95"]}. */
    Set<String> functions();

    /**
     * Creates function {@code function} (one of {@link #functions()}) configured with
     * {@code params} (the field's {@code params:} mapping; numbers, strings and lists as parsed).
     *
     * @throws IllegalArgumentException naming the parameter when {@code params} is not valid
     */
    Reducer create(String function, Map<String, Object> params);
}
