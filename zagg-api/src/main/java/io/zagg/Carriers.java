package io.zagg;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.CarrierUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carriers a run can use, found with {@link ServiceLoader} (class path
 * {@code META-INF/services/io.zagg.spi.CarrierProvider} and module path {@code provides}).
 *
 * <p>{@link #PLAIN} (module {@code zagg-plain}) keeps a shard's columns in Java arrays and needs
 * nothing else; {@link #ARROW} (module {@code zagg-arrow}) keeps them in off-heap Arrow vectors
 * and needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED}. Any other carrier on the path is
 * available by its name.
 *
 * <p>Discovery runs once. Each provider is instantiated on its own: one that fails to load is
 * logged and listed by {@link #problems()}, and never hides the others. Asking for a name that
 * was not found fails with the names that were.
 */
public final class Carriers {

    /** The on-heap carrier: Java primitive arrays, adopted from the reader without copying. */
    public static final CarrierProvider PLAIN = new Named("plain");

    /** The off-heap carrier: Arrow vectors from a per-shard child allocator; exportable through Arrow C Data. */
    public static final CarrierProvider ARROW = new Named("arrow");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Logger LOG = LoggerFactory.getLogger(Carriers.class);

    private Carriers() {
    }

    /**
     * The provider registered under {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the carriers found (and those that failed to load)
     *                                  when none has this name
     */
    public static CarrierProvider named(String name) {
        String key = Objects.requireNonNull(name, "carrier name").trim().toLowerCase(Locale.ROOT);
        Discovery d = Discovery.INSTANCE;
        CarrierProvider p = d.providers.get(key);
        if (p == null) {
            throw new IllegalArgumentException("carrier '" + name + "' is not one of " + d.providers.keySet()
                    + " found by ServiceLoader" + (d.problems.isEmpty() ? "" : "; providers that failed to load: " + d.problems)
                    + hint(key));
        }
        return p;
    }

    /** Names of the carriers found, sorted. */
    public static List<String> names() {
        return List.copyOf(Discovery.INSTANCE.providers.keySet());
    }

    /** One line per provider that could not be loaded or registered, with its class and cause. */
    public static List<String> problems() {
        return Discovery.INSTANCE.problems;
    }

    private static String hint(String key) {
        if (key.equals("plain") || key.equals("arrow")) {
            return " (add io.zagg:zagg-" + key + " to the class path or module path)";
        }
        return "";
    }

    /** A carrier constant resolved on use, so that naming ARROW does not require zagg-arrow. */
    private static final class Named implements CarrierProvider {

        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        /** @throws CarrierUnavailableException if no provider of this name was found, or it cannot start */
        @Override
        public Carrier create(CarrierContext context) {
            CarrierProvider provider;
            try {
                provider = named(name);
            } catch (IllegalArgumentException e) {
                throw new CarrierUnavailableException(e.getMessage());
            }
            return provider.create(context);
        }

        @Override
        public String toString() {
            return "carrier " + name;
        }
    }

    /** The outcome of loading every registered provider once. */
    private static final class Discovery {

        static final Discovery INSTANCE = new Discovery();

        final Map<String, CarrierProvider> providers;
        final List<String> problems;

        private Discovery() {
            Map<String, CarrierProvider> found = new TreeMap<>();
            List<String> failed = new ArrayList<>();
            Iterator<ServiceLoader.Provider<CarrierProvider>> it = ServiceLoader.load(CarrierProvider.class).stream().iterator();
            while (true) {
                ServiceLoader.Provider<CarrierProvider> handle;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    handle = it.next();
                } catch (ServiceConfigurationError e) {
                    // a listed class that cannot be found or linked; the iterator moves past it
                    failed.add(describe(e));
                    continue;
                }
                register(handle, found, failed);
            }
            for (String problem : failed) {
                LOG.warn("carrier provider left out: {}", problem);
            }
            this.providers = Collections.unmodifiableMap(found);
            this.problems = List.copyOf(failed);
        }

        private static void register(ServiceLoader.Provider<CarrierProvider> handle, Map<String, CarrierProvider> found,
                List<String> failed) {
            String type = handle.type().getName();
            CarrierProvider provider;
            String name;
            try {
                provider = handle.get();
                name = provider.name();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failed.add(type + ": " + describe(e));
                return;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                failed.add(type + ": name " + (name == null ? "null" : "'" + name + "'") + " is not lower case [a-z][a-z0-9_-]*");
            } else if (found.containsKey(name)) {
                failed.add(type + ": name '" + name + "' is taken by " + found.get(name).getClass().getName() + ", which is used");
            } else {
                found.put(name, provider);
            }
        }

        private static String describe(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = String.valueOf(e.getMessage());
            // ServiceLoader prefixes every message with the service's name, which says nothing here
            String prefix = CarrierProvider.class.getName() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            return root == e ? message : message + " (caused by " + root + ")";
        }
    }
}
