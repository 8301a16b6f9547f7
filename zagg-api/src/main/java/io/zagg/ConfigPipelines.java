package io.zagg;

import io.zagg.config.ConfigAggregations;
import io.zagg.config.ConfigLoader;
import io.zagg.config.HealpixGridSpec;
import io.zagg.config.ZaggConfig;
import java.nio.file.Path;
import java.util.List;

/** Builds a {@link Pipeline} from a zagg YAML config: layout, grid and statistics. */
final class ConfigPipelines {

    private ConfigPipelines() {
    }

    static Pipeline load(Path yaml) {
        ZaggConfig config = ConfigLoader.standard().withDataSourceRules(DataSourceParser::parse).load(yaml);
        Layout layout = DataSourceParser.parse(config.dataSource().raw());
        HealpixGridSpec g = config.output().grid();
        HealpixSpec grid = Grids.healpix(g.parentOrder()).chunks(g.chunkOrder()).cells(g.childOrder());
        if (g.sharded()) {
            grid = grid.sharded();
        }
        List<Aggregation> fields = ConfigAggregations.of(config);
        return Pipeline.EMPTY.layout(layout).grid(grid).aggregate(fields.toArray(new Aggregation[0]));
    }
}
