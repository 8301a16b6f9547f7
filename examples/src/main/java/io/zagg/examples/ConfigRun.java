package io.zagg.examples;

import io.zagg.Granules;
import io.zagg.RunReport;
import io.zagg.Zagg;
import java.nio.file.Path;

/**
 * The README's YAML route, runnable: runs one of zagg's own configs over a directory of granules.
 *
 * <pre>java io.zagg.examples.ConfigRun CONFIG.yaml GRANULE_DIR OUT.zarr</pre>
 */
public final class ConfigRun {

    private ConfigRun() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ConfigRun CONFIG.yaml GRANULE_DIR OUT.zarr");
            System.exit(2);
        }
        RunReport report = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.println(report.toJson());
        System.exit(report.succeeded() ? 0 : 1);
    }

    static RunReport run(Path config, Path granules, Path store) {
        return Zagg.config(config).read(Granules.in(granules)).write(store);
    }
}
