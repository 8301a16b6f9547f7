package io.zagg.jmh;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zlib ceiling for {@link ReadThroughput}: inflates the very compressed chunks that the
 * reader decodes ({@code lat_ph}, {@code lon_ph}, {@code h_ph}, {@code signal_conf_ph} of beam
 * {@code gt1l}), held in memory, with one reused {@link Inflater} into one reused output buffer,
 * on one thread — nothing but zlib. Reading speed divided by this is the share of zlib's speed
 * the reader reaches. Three forms are timed: {@code byte[]} in and out, direct
 * {@link ByteBuffer}s in and out (the same zlib calls), and raw deflate without the zlib
 * wrapper, which skips the Adler-32 checksum of the output (what verifying it costs).
 *
 * <pre>
 * java -cp zagg-jmh/target/benchmarks.jar io.zagg.jmh.InflateCeiling /tmp/atl03_10M.h5 [--repeat N]
 * </pre>
 */
public final class InflateCeiling {

    // CPU time tells zlib's speed per core even when other processes share the cores
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final String[] DATASETS = {"lat_ph", "lon_ph", "h_ph", "signal_conf_ph"};

    private InflateCeiling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: InflateCeiling GRANULE.h5 [--repeat N]");
            System.exit(2);
        }
        int repeat = args.length > 2 && args[1].equals("--repeat") ? Integer.parseInt(args[2]) : 5;
        List<byte[]> chunks = new ArrayList<>();
        int chunkBytes = 0;
        long decoded = 0;
        try (HdfFile file = new HdfFile(Path.of(args[0]))) {
            for (String name : DATASETS) {
                Dataset ds = file.getDatasetByPath("/gt1l/heights/" + name);
                ChunkedDataset chunked = (ChunkedDataset) ds;
                int[] dims = ds.getDimensions();
                int[] chunk = chunked.getChunkDimensions();
                int bytes = ds.getDataType().getSize();
                for (int i = 1; i < chunk.length; i++) {
                    bytes *= chunk[i];
                }
                chunkBytes = Math.max(chunkBytes, bytes * chunk[0]);
                for (int row = 0; row < dims[0]; row += chunk[0]) {
                    int[] offset = new int[dims.length];
                    offset[0] = row;
                    ByteBuffer raw = chunked.getRawChunkBuffer(offset);
                    byte[] copy = new byte[raw.remaining()];
                    raw.get(copy);
                    chunks.add(copy);
                    decoded += (long) bytes * chunk[0];
                }
            }
        }
        List<ByteBuffer> direct = new ArrayList<>();
        for (byte[] c : chunks) {
            direct.add(ByteBuffer.allocateDirect(c.length).put(c).flip());
        }
        System.out.printf(Locale.ROOT, "%s: %d chunks, %.0f MB compressed, %.0f MB inflated (whole chunks)%n",
                args[0], chunks.size(), chunks.stream().mapToLong(c -> c.length).sum() / 1e6, decoded / 1e6);
        Inflater inflater = new Inflater();
        Inflater raw = new Inflater(true);
        byte[] out = new byte[chunkBytes];
        ByteBuffer directOut = ByteBuffer.allocateDirect(chunkBytes);
        for (int round = 0; round < 2; round++) { // the second round is the one to quote, JIT warm
            time("byte[] -> byte[]", repeat, decoded, () -> {
                long n = 0;
                for (byte[] c : chunks) {
                    inflater.reset();
                    inflater.setInput(c);
                    n += inflater.inflate(out);
                }
                return n;
            });
            time("direct -> direct", repeat, decoded, () -> {
                long n = 0;
                for (ByteBuffer c : direct) {
                    inflater.reset();
                    inflater.setInput(c.duplicate());
                    directOut.clear();
                    n += inflater.inflate(directOut);
                }
                return n;
            });
            time("raw, no adler32", repeat, decoded, () -> {
                long n = 0;
                for (byte[] c : chunks) {
                    raw.reset();
                    raw.setInput(c, 2, c.length - 2);
                    n += raw.inflate(out);
                }
                return n;
            });
        }
        inflater.end();
    }

    private interface Pass {
        long run() throws DataFormatException;
    }

    private static void time(String what, int repeat, long decoded, Pass pass) throws DataFormatException {
        double[] seconds = new double[repeat];
        double[] cpu = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long c0 = THREAD.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long n = pass.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (THREAD.getCurrentThreadCpuTime() - c0) / 1e9;
            if (n != decoded) {
                throw new IllegalStateException(what + ": inflated " + n + " bytes, expected " + decoded);
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-18s best %.0f MB/s, median %.0f MB/s of inflated output, one thread; median %.0f MB per CPU-second%n",
                what, decoded / 1e6 / seconds[0], decoded / 1e6 / seconds[repeat / 2], decoded / 1e6 / cpu[repeat / 2]);
    }
}
