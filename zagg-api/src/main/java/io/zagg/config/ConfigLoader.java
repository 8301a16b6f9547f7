package io.zagg.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads zagg YAML configs: SnakeYAML's safe loader (plain maps, lists, strings, numbers,
 * booleans and dates only; never an arbitrary type), then zagg's validation. Immutable; reusable.
 *
 * <p>zagg checks {@code data_source}'s structured filters and hierarchical levels between the
 * {@code bounds} rules and the {@code chunk_precompute} rules. Those rules belong to the reader's
 * layout, which is built from {@link DataSourceSpec#raw()}; {@link #withDataSourceRules} runs
 * them at that place in the order, so a config reports the same first error as zagg.
 */
public final class ConfigLoader {

    private static final ConfigLoader STANDARD = new ConfigLoader(null);

    private final Consumer<Map<String, Object>> dataSourceRules;

    private ConfigLoader(Consumer<Map<String, Object>> dataSourceRules) {
        this.dataSourceRules = dataSourceRules;
    }

    /** The loader that checks every rule of zagg's except the data-source filter and level rules. */
    public static ConfigLoader standard() {
        return STANDARD;
    }

    /**
     * A loader that also runs {@code rules} on the raw {@code data_source} section at zagg's
     * place in the order; an {@link IllegalArgumentException} it throws is reported with the
     * config's path.
     */
    public ConfigLoader withDataSourceRules(Consumer<Map<String, Object>> rules) {
        return new ConfigLoader(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * Loads a config file (UTF-8).
     *
     * @throws ConfigException if it cannot be read, is not YAML, or breaks a rule
     */
    public ZaggConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot be read (" + e + ")", e);
        }
        return parse(text, path.toString());
    }

    /**
     * Parses config text; {@code source} names it in messages.
     *
     * @throws ConfigException if it is not YAML or breaks a rule
     */
    public ZaggConfig parse(String yaml, String source) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new ConfigException(source, "is not valid YAML: " + e.getProblem() + where, e);
        } catch (YAMLException e) {
            throw new ConfigException(source, "is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            document = Map.of();
        }
        if (!(document instanceof Map)) {
            throw new ConfigException(source, "the top level must be a mapping with data_source, aggregation and output (got "
                    + PyRepr.repr(document) + ")");
        }
        return fromMap((Map<?, ?>) document, source);
    }

    /**
     * Validates an already parsed config document (the top-level mapping).
     *
     * @throws ConfigException if it breaks a rule
     */
    public ZaggConfig fromMap(Map<?, ?> document, String source) {
        return new ConfigReader(source, dataSourceRules).read(document);
    }
}
