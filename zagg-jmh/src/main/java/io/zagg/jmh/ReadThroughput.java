package io.zagg.jmh;

import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.read.BeamRead;
import io.zagg.read.GranuleRead;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.spi.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How fast the reader decodes a granule: reads {@code lat_ph}, {@code lon_ph}, {@code h_ph} and
 * {@code signal_conf_ph} of every beam in full (no filter, every point in the shard) and reports
 * MB/s of decoded output, in total and per core used, and MB per CPU-second of the process (the
 * per-core speed even on cores shared with other work) and, with parallelism 1, of the reading
 * thread alone. {@link InflateCeiling} gives zlib's own speed on the same chunks.
 *
 * <pre>
 * /usr/bin/python3 tools/gen_granules.py atl03 /tmp/atl03_10M.h5 --photons 10000000 --beams gt1l
 * mvn -B -q -o package -pl zagg-jmh -am -DskipTests
 * java -cp zagg-jmh/target/benchmarks.jar io.zagg.jmh.ReadThroughput /tmp/atl03_10M.h5 [parallelism...] [--repeat N]
 * </pre>
 */
public final class ReadThroughput {

    // CPU time tells the decoder's speed per core even when other processes share the cores
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // with parallelism 1 the calling thread decodes everything: its CPU time is the decoder's alone,
    // without the JIT compiler's and the collector's threads that the process figure includes
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: ReadThroughput GRANULE.h5 [parallelism...] [--repeat N]\n"
                    + "  make one: /usr/bin/python3 tools/gen_granules.py atl03 /tmp/atl03_10M.h5 --photons 10000000 --beams gt1l");
            System.exit(2);
        }
        Path granule = Path.of(args[0]);
        int repeat = 5;
        int[] parallelism = {1, 2};
        int n = 0;
        int[] given = new int[args.length];
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--repeat")) {
                repeat = Integer.parseInt(args[++i]);
            } else {
                given[n++] = Integer.parseInt(args[i]);
            }
        }
        if (n > 0) {
            parallelism = Arrays.copyOf(given, n);
        }
        Layout atl03 = Layouts.atl03();
        Layout layout = Layouts.builder().groups(atl03.groups()).coordinates(atl03.latitude(), atl03.longitude())
                .variable("h_ph", "/{group}/heights/h_ph").variable("signal_conf_ph", "/{group}/heights/signal_conf_ph").build();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s, %d cores available; reading lat_ph, lon_ph, h_ph, signal_conf_ph of every beam%n", granule, cores);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zagg-read");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int p : parallelism) {
                ReadOptions options = p == 1 ? ReadOptions.defaults() : ReadOptions.builder().parallelism(p, pool).build();
                GranuleReader reader = new GranuleReader(layout, options);
                measure(reader, granule, p, Math.min(p, cores), repeat);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void measure(GranuleReader reader, Path granule, int parallelism, int coresUsed, int repeat) {
        long bytes = decodedBytes(reader.read(granule, (lat, lon, sel) -> Arrays.fill(sel, true))); // warm-up
        double best = Double.MAX_VALUE;
        double wall = 0;
        double cpu = 0;
        double[] mine = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long c0 = CPU.getProcessCpuTime();
            long m0 = THREAD.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            GranuleRead g = reader.read(granule, (lat, lon, sel) -> Arrays.fill(sel, true));
            double s = (System.nanoTime() - t0) / 1e9;
            cpu += (CPU.getProcessCpuTime() - c0) / 1e9;
            mine[i] = (THREAD.getCurrentThreadCpuTime() - m0) / 1e9;
            if (decodedBytes(g) != bytes) {
                throw new IllegalStateException("reads differ");
            }
            best = Math.min(best, s);
            wall += s;
        }
        double mb = bytes / 1e6;
        Arrays.sort(mine);
        System.out.printf(Locale.ROOT, "parallelism %d: %.0f MB decoded per read; best %.3f s = %.0f MB/s (%.0f MB/s per core used);"
                + " mean %.3f s = %.0f MB/s; %.0f MB per CPU-second of the process%s%n",
                parallelism, mb, best, mb / best, mb / best / coresUsed, wall / repeat, mb / (wall / repeat), mb * repeat / cpu,
                parallelism == 1 ? String.format(Locale.ROOT, ", %.0f of the reading thread (median)", mb / mine[repeat / 2]) : "");
    }

    private static long decodedBytes(GranuleRead g) {
        if (!g.failures().isEmpty()) {
            throw new IllegalStateException(g.failures().toString());
        }
        long bytes = 0;
        for (BeamRead b : g.beams()) {
            for (Column c : b.columns().values()) {
                bytes += c.rows() * c.width() * c.dtype().byteSize();
            }
        }
        return bytes;
    }
}
