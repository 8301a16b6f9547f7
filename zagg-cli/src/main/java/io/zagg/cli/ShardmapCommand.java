package io.zagg.cli;

import io.zagg.Pipeline;
import io.zagg.RunPlan;
import io.zagg.Zagg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zagg shardmap}: finds which shards each granule touches (reading only the coordinates
 * the layout's read plan would test) and writes that plan as a zagg-compatible shard map.
 */
@Command(name = "shardmap", usageHelpAutoWidth = true,
        description = "Maps granules to the shards they touch and writes a zagg shard map (JSON).")
final class ShardmapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--config", required = true, paramLabel = "C.yaml", description = "A zagg YAML config.")
    private Path config;

    @Option(names = "--granules", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Granule files, directories (their *.h5) or globs.")
    private List<String> granules;

    @Option(names = "--out", required = true, paramLabel = "MAP.json", description = "The shard map to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        io.zagg.Granules files = UsageException.whenInvalid(() -> GranuleArgs.of(granules));
        Pipeline pipeline = UsageException.whenInvalid(() -> Zagg.config(config).read(files));
        RunPlan plan = pipeline.plan();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", "local");
        metadata.put("backend", "zagg-java");
        metadata.put("total_granules", files.size());
        metadata.put("build_wall_s", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
        plan.writeShardMap(out, metadata);
        spec.commandLine().getOut().println("shard map " + out + ": " + plan);
        return 0;
    }
}
