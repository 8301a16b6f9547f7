package io.zagg.config;

/**
 * A zagg YAML config was rejected: it cannot be read, is not valid YAML, breaks one of zagg's
 * validation rules, or uses something zagg for Java does not support. The message starts with
 * the config's path and names the section, field and value at fault, e.g.
 * {@code atl06.yaml: Variable 'h_q25': source 'h_x' not in data_source.variables}.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;

    ConfigException(String source, String detail) {
        super(source + ": " + detail);
        this.source = source;
    }

    ConfigException(String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
        this.source = source;
    }

    /** The config's path (or the name it was parsed under). */
    public String source() {
        return source;
    }
}
