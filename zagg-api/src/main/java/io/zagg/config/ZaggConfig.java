package io.zagg.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A zagg YAML pipeline config, loaded unchanged and validated with zagg's rules (in zagg's order,
 * with zagg's messages, each prefixed by the config's path): {@code data_source},
 * {@code aggregation}, {@code output}, and the optional {@code catalog} and {@code bounds}. Other
 * top-level keys are ignored, as zagg ignores them. Every expression in it is compiled when it
 * is loaded. Immutable.
 *
 * <pre>{@code
 * ZaggConfig c = ZaggConfig.load(Path.of("atl06.yaml"));
 * c.output().grid().childOrder();                 // 12
 * c.aggregation().fields().get(4).expression();   // 1.0 / np.sqrt(np.sum(1.0 / s_li**2))
 * }</pre>
 */
public final class ZaggConfig {

    private final String source;
    private final DataSourceSpec dataSource;
    private final AggregationSpec aggregation;
    private final OutputSpec output;
    private final String catalog;
    private final BoundsSpec bounds;

    ZaggConfig(String source, DataSourceSpec dataSource, AggregationSpec aggregation, OutputSpec output,
               String catalog, BoundsSpec bounds) {
        this.source = source;
        this.dataSource = dataSource;
        this.aggregation = aggregation;
        this.output = output;
        this.catalog = catalog;
        this.bounds = bounds;
    }

    /**
     * Loads and validates a config file.
     *
     * @throws ConfigException naming the file and what is wrong
     */
    public static ZaggConfig load(Path path) {
        return ConfigLoader.standard().load(path);
    }

    /** The path (or name) the config was loaded from; every message about it starts with this. */
    public String source() {
        return source;
    }

    public DataSourceSpec dataSource() {
        return dataSource;
    }

    public AggregationSpec aggregation() {
        return aggregation;
    }

    public OutputSpec output() {
        return output;
    }

    /** The fallback shard-map path, used when a run is given none. */
    public Optional<String> catalog() {
        return Optional.ofNullable(catalog);
    }

    public Optional<BoundsSpec> bounds() {
        return Optional.ofNullable(bounds);
    }

    @Override
    public String toString() {
        return "ZaggConfig[" + source + ": " + aggregation.fields().size() + " fields, healpix "
                + output.grid().parentOrder() + "/" + output.grid().chunkOrder() + "/" + output.grid().childOrder() + "]";
    }
}
