package io.zagg;

import java.nio.file.Path;

/**
 * Entry point of the DSL:
 *
 * <pre>{@code
 * RunReport report = Zagg.read(Granules.in(dir))
 *         .layout(Layouts.atl03())
 *         .grid(Grids.healpix(11).chunks(13).cells(19))
 *         .aggregate(count(), min("h_ph"), max("h_ph"), var("h_ph"))
 *         .carrier(Carriers.ARROW)
 *         .workers(2)
 *         .write(Path.of("out.zarr"));
 * }</pre>
 *
 * or, from one of zagg's YAML configs, {@code Zagg.config(Path.of("atl06.yaml")).read(granules)}.
 */
public final class Zagg {

    private Zagg() {
    }

    /** A pipeline over these granules (files, a directory, a glob, or a shard map). */
    public static Pipeline read(Granules granules) {
        return Pipeline.EMPTY.read(granules);
    }

    /**
     * The pipeline a zagg YAML config describes: its {@code data_source} as the layout, its
     * {@code output.grid}, and its {@code aggregation} as the fields; granules are still to be
     * given with {@link Pipeline#read(Granules)}.
     *
     * @throws IllegalArgumentException naming the config file and what is wrong in it
     */
    public static Pipeline config(Path yaml) {
        return ConfigPipelines.load(yaml);
    }
}
