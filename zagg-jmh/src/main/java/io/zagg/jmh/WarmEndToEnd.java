package io.zagg.jmh;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.Zagg;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ObjIntConsumer;
import java.util.stream.Stream;

/**
 * The end-to-end run again and again in one JVM: what a run costs once the JIT has compiled the
 * pipeline, next to what the first (cold) run costs. {@code tools/bench_e2e.sh} measures a run
 * in a JVM of its own, where the JIT's compilations are about half of the CPU time at 20M
 * photons; a long-lived process (a service, a Spark executor, a run over many more photons) pays
 * that once. Prints, per run, wall seconds, the process's CPU seconds (all threads: workers, JIT,
 * collector), the JIT's and the collector's share, photons/s, photons/s per worker and photons per
 * CPU-second — the per-core rate even on cores shared with other work — then the median of the
 * warm runs (all but the first).
 *
 * <pre>
 * tools/bench_e2e.sh        # generates /tmp/zagg-bench/granules-850000 and scalar_healpix_o11.yaml
 * mvn -B -q -o package -pl zagg-jmh -am -DskipTests
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp zagg-jmh/target/benchmarks.jar io.zagg.jmh.WarmEndToEnd \
 *     /tmp/zagg-bench/scalar_healpix_o11.yaml /tmp/zagg-bench/granules-850000 /dev/shm/warm.zarr \
 *     [--carrier plain] [--workers 2] [--repeat 6]
 * </pre>
 */
public final class WarmEndToEnd {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private WarmEndToEnd() {
    }

    /** One run's figures. */
    record Run(long photons, double wallSeconds, double cpuSeconds, double jitSeconds, double gcSeconds) {

        double photonsPerSecond() {
            return photons / wallSeconds;
        }

        double photonsPerCpuSecond() {
            return photons / cpuSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !Files.isRegularFile(Path.of(args[0])) || !Files.isDirectory(Path.of(args[1]))) {
            System.err.println("usage: WarmEndToEnd CONFIG.yaml GRANULE_DIR STORE [--carrier plain] [--workers 2] [--repeat 6]\n"
                    + "  tools/bench_e2e.sh makes a granule set and the config in /tmp/zagg-bench");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        Path granules = Path.of(args[1]);
        Path store = Path.of(args[2]);
        String carrier = "plain";
        int workers = 2;
        int repeat = 6;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--carrier" -> carrier = args[++i];
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        if (repeat < 2) {
            throw new IllegalArgumentException("--repeat " + repeat + " leaves no warm run: give at least 2");
        }
        System.out.printf(Locale.ROOT, "%s over %s, carrier %s, %d workers, %d runs (%d cores available)%n", config, granules, carrier,
                workers, repeat, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-5s %10s %7s %7s %6s %6s %12s %15s %14s%n", "run", "photons", "wall_s", "cpu_s", "jit_s", "gc_s",
                "photons/s", "photons/s/wkr", "photons/cpu_s");
        int perWorker = workers;
        List<Run> runs = measure(config, granules, store, carrier, workers, repeat,
                (run, i) -> print(i == 0 ? "cold" : String.valueOf(i), run, perWorker));
        print("warm", median(runs.subList(1, runs.size())), workers);
    }

    /** Runs the pipeline {@code repeat} times, handing each run's figures to {@code each} as it ends. */
    static List<Run> measure(Path config, Path granules, Path store, String carrier, int workers, int repeat,
            ObjIntConsumer<Run> each) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            Run run = once(config, granules, store, carrier, workers);
            runs.add(run);
            each.accept(run, i);
        }
        return runs;
    }

    private static Run once(Path config, Path granules, Path store, String carrier, int workers) throws IOException {
        // as in tools/bench_e2e.sh, the previous store goes before the clock starts: deleting 30,000 objects is not part of a run
        delete(store);
        long jit0 = JIT.getTotalCompilationTime();
        long gc0 = gcMillis();
        long cpu0 = CPU.getProcessCpuTime();
        long t0 = System.nanoTime();
        RunReport report = Zagg.config(config).read(Granules.in(granules)).carrier(Carriers.named(carrier)).workers(workers)
                .overwrite().write(store);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getProcessCpuTime() - cpu0) / 1e9;
        if (!report.succeeded() || report.count(ShardStatus.FAILED) > 0) {
            throw new IllegalStateException("the run failed: " + report.shards().stream().filter(s -> s.status() == ShardStatus.FAILED)
                    .map(ShardReport::error).findFirst().orElseThrow());
        }
        return new Run(report.totalObs(), wall, cpu, (JIT.getTotalCompilationTime() - jit0) / 1e3, (gcMillis() - gc0) / 1e3);
    }

    /** The run with the median photons per CPU-second. */
    static Run median(List<Run> runs) {
        Run[] sorted = runs.toArray(new Run[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.photonsPerCpuSecond(), b.photonsPerCpuSecond()));
        return sorted[sorted.length / 2];
    }

    private static void print(String label, Run r, int workers) {
        System.out.printf(Locale.ROOT, "%-5s %10d %7.2f %7.2f %6.2f %6.2f %12.0f %15.0f %14.0f%n", label, r.photons(), r.wallSeconds(),
                r.cpuSeconds(), r.jitSeconds(), r.gcSeconds(), r.photonsPerSecond(), r.photonsPerSecond() / workers,
                r.photonsPerCpuSecond());
    }

    private static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
