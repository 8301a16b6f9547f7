package io.zagg.cli;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Pipeline;
import io.zagg.RunPlan;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.Zagg;
import io.zagg.grid.MortonWord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zagg run}: runs a zagg YAML config over local granules or a shard map into a Zarr store.
 * Exit status 0 when every shard is OK or EMPTY, 1 when any shard FAILED, 2 for usage errors.
 */
@Command(name = "run", usageHelpAutoWidth = true, mixinStandardHelpOptions = false,
        description = "Aggregates granules into a Zarr v3 store as a zagg YAML config describes.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--config", required = true, paramLabel = "C.yaml", description = "A zagg YAML config.")
    private Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Inputs inputs;

    static final class Inputs {
        @Option(names = "--granules", arity = "1..*", paramLabel = "PATH",
                description = "Granule files, directories (their *.h5) or globs.")
        List<String> granules;

        @Option(names = "--shardmap", paramLabel = "MAP.json", description = "A zagg shard map: its shards with its granules.")
        Path shardMap;
    }

    @Option(names = "--store", required = true, paramLabel = "OUT.zarr", description = "The Zarr store to write.")
    private Path store;

    @Option(names = "--carrier", defaultValue = "plain", paramLabel = "NAME",
            description = "Carrier of the columns: plain, arrow, or a third-party name (default: ${DEFAULT-VALUE}).")
    private String carrier;

    @Option(names = "--workers", paramLabel = "N", description = "Shards processed at once (default: the processors).")
    private Integer workers;

    @Option(names = "--shard", paramLabel = "KEY", description = "Process only this shard (unsigned morton word); repeatable.")
    private List<String> shards;

    @Option(names = "--max-shards", paramLabel = "N", description = "Process at most the first N planned shards.")
    private Integer maxShards;

    @Option(names = "--overwrite", description = "Replace an existing store whose template differs.")
    private boolean overwrite;

    @Option(names = "--dry-run", description = "Plan the shards and check the store; write nothing.")
    private boolean dryRun;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "Write the run report as JSON.")
    private Path report;

    @Option(names = "--exact-read", description = "Read every photon instead of following the read plan.")
    private boolean exactRead;

    @Option(names = "--compressor", defaultValue = "none", paramLabel = "none|zstd|gzip",
            description = "Chunk compression (default: ${DEFAULT-VALUE}, like zagg).")
    private String compressor;

    @Option(names = "--inflate", paramLabel = "auto|zlib|libdeflate",
            description = "How chunks are inflated: libdeflate when installed, else zlib (auto, the default); "
                    + "zlib; or libdeflate (an error when absent). Sets the system property zagg.inflate.")
    private String inflate;

    @Override
    public Integer call() throws IOException {
        if (inflate != null) {
            chooseInflate();
        }
        Pipeline pipeline = UsageException.whenInvalid(this::pipeline);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            RunPlan plan = pipeline.dryRun(store);
            out.println("dry run: " + plan + "; store " + store);
            return 0;
        }
        RunReport result = pipeline.progress(new ProgressBar(err, System.console() != null)).write(store);
        if (report != null) {
            Files.writeString(report, result.toJson(), StandardCharsets.UTF_8);
        }
        print(result, out, err);
        return result.succeeded() ? 0 : 1;
    }

    /** The pipeline the options describe; a bad config, path or value is a usage error. */
    private Pipeline pipeline() {
        Pipeline pipeline = Zagg.config(config)
                .read(inputs.shardMap != null ? Granules.shardMap(inputs.shardMap) : GranuleArgs.of(inputs.granules))
                .carrier(Carriers.named(carrier))
                .compressor(compressor);
        if (workers != null) {
            pipeline = pipeline.workers(workers);
        }
        if (shards != null) {
            pipeline = pipeline.shards(shards.stream().mapToLong(this::shardKey).toArray());
        }
        if (maxShards != null) {
            pipeline = pipeline.maxShards(maxShards);
        }
        if (overwrite) {
            pipeline = pipeline.overwrite();
        }
        if (exactRead) {
            pipeline = pipeline.exactRead();
        }
        return pipeline;
    }

    // the reader decides once per process, on its first use: the property is set before any reading
    private void chooseInflate() {
        if (!List.of("auto", "zlib", "libdeflate").contains(inflate)) {
            throw new UsageException("--inflate '" + inflate + "' is not one of auto, zlib, libdeflate");
        }
        System.setProperty("zagg.inflate", inflate);
    }

    private long shardKey(String text) {
        try {
            return MortonWord.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--shard': " + e.getMessage());
        }
    }

    static void print(RunReport r, PrintWriter out, PrintWriter err) {
        out.printf(Locale.ROOT, "%d shards: %d OK, %d EMPTY, %d FAILED; %d observations in %d cells; %.2f s (carrier %s)%n",
                r.shards().size(), r.count(ShardStatus.OK), r.count(ShardStatus.EMPTY), r.count(ShardStatus.FAILED),
                r.totalObs(), r.cellsWithData(), r.wallSeconds(), r.carrier());
        if (r.store() != null) {
            out.println("store: " + r.store());
        }
        for (ShardReport s : r.shards()) {
            if (s.status() == ShardStatus.FAILED) {
                err.println("shard " + MortonWord.toString(s.shardKey()) + " FAILED: " + s.error().orElse(""));
            }
            s.readErrors().forEach(e -> err.println("shard " + MortonWord.toString(s.shardKey()) + ": read error: " + e));
        }
    }
}
