package io.zagg.cli;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.median;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.var;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layouts;
import io.zagg.RunReport;
import io.zagg.Zagg;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zagg demo}: aggregates the sample ATL03-shaped granules bundled in the CLI (written by
 * the project's generator with the HDF5 library) onto HEALPix order-19 cells and prints the
 * summary. The same run in the DSL is the README's quickstart.
 */
@Command(name = "demo", usageHelpAutoWidth = true,
        description = "Aggregates the bundled sample granules into a store and prints the summary.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> SAMPLES = List.of("atl03_small.h5");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--store", defaultValue = "zagg-demo.zarr", paramLabel = "DIR",
            description = "Where to write the store (default: ${DEFAULT-VALUE}; replaced if it exists).")
    private Path store;

    @Option(names = "--carrier", defaultValue = "plain", paramLabel = "NAME", description = "Carrier (default: ${DEFAULT-VALUE}).")
    private String carrier;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path samples = Files.createTempDirectory("zagg-demo-granules");
        try {
            List<Path> granules = new ArrayList<>();
            for (String name : SAMPLES) {
                Path target = samples.resolve(name);
                try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the sample granule demo/" + name + " is missing from the zagg-cli jar");
                    }
                    Files.copy(in, target);
                }
                granules.add(target);
            }
            out.println("zagg demo: " + granules.size() + " sample ATL03 granule(s) -> HEALPix shard order 11, chunk order 13, cell order 19");
            RunReport report = Zagg.read(Granules.of(granules))
                    .layout(Layouts.atl03())
                    .grid(Grids.healpix(11).chunks(13).cells(19))
                    .aggregate(count(), min("h_ph"), max("h_ph"), mean("h_ph"), var("h_ph"), median("h_ph"))
                    .carrier(Carriers.named(carrier))
                    .overwrite()
                    .progress(new ProgressBar(spec.commandLine().getErr(), System.console() != null))
                    .write(store);
            RunCommand.print(report, out, spec.commandLine().getErr());
            out.println("look inside: bin/zagg inspect " + store);
            return report.succeeded() ? 0 : 1;
        } finally {
            for (String name : SAMPLES) {
                Files.deleteIfExists(samples.resolve(name));
            }
            Files.deleteIfExists(samples);
        }
    }
}
