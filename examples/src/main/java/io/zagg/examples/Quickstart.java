package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layouts;
import io.zagg.RunReport;
import io.zagg.Zagg;
import java.nio.file.Path;

/**
 * The README's quickstart, runnable: aggregates the ATL03 granules of a directory onto HEALPix
 * order-19 cells (shards at order 11, inner chunks at order 13) and prints the run report.
 *
 * <pre>java io.zagg.examples.Quickstart GRANULE_DIR OUT.zarr</pre>
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Quickstart GRANULE_DIR OUT.zarr");
            System.exit(2);
        }
        RunReport report = run(Path.of(args[0]), Path.of(args[1]));
        System.out.println(report.toJson());
        System.exit(report.succeeded() ? 0 : 1);
    }

    static RunReport run(Path granules, Path store) {
        return Zagg.read(Granules.in(granules))
                .layout(Layouts.atl03())
                .grid(Grids.healpix(11).chunks(13).cells(19))
                .aggregate(count(), min("h_ph"), max("h_ph"), var("h_ph"))
                .carrier(Carriers.ARROW)
                .workers(2)
                .write(store);
    }
}
