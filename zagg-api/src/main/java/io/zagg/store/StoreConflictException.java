package io.zagg.store;

import java.util.List;

/**
 * A store already holds a different layout than the run's template, and the run was not asked
 * to overwrite it. The message lists every difference (which array, which key, old and new
 * value).
 */
public final class StoreConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> differences;

    StoreConflictException(String location, List<String> differences) {
        super("store " + location + " holds a different layout than this run (overwrite replaces it):\n  "
                + String.join("\n  ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One line per difference, e.g. {@code array 19/h_mean: data_type was "float64", now "float32"}. */
    public List<String> differences() {
        return differences;
    }
}
