package io.zagg.spi.testkit;

import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The input of one shard for the carrier harness: reads (granule × beam) of ATL03-like photons
 * — {@code lat_ph, lon_ph} float64, {@code h_ph} float32, {@code signal_conf_ph} int8 × 5,
 * {@code dem_h} float32 — whose longitude encodes the cell each photon lands in, and a grid of
 * {@code chunks × cellsPerChunk} output cells. Its {@link #toString()} lists every row, so a
 * shrunk counterexample can be read in a failure message.
 */
public final class ShardCase {

    /** Every cell key has the top bit set: cell keys are uint64 words above 2^63, like morton words. */
    public static final long KEY_BASE = 0x8000_0000_0000_0000L;

    /** Width of {@code signal_conf_ph}: one confidence per surface type. */
    public static final int CONF_WIDTH = 5;

    final int chunks;
    final int cellsPerChunk;
    final List<Read> reads;

    public ShardCase(int chunks, int cellsPerChunk, List<Read> reads) {
        this.chunks = chunks;
        this.cellsPerChunk = cellsPerChunk;
        this.reads = List.copyOf(reads);
    }

    /**
     * A big, realistic shard for memory measurements: {@code reads} reads of {@code rowsPerRead}
     * photons each over {@code cells} cells (clustered along track, as a beam crosses cells).
     */
    public static ShardCase realistic(int reads, int rowsPerRead, int chunks, int cellsPerChunk, long seed) {
        Random random = new Random(seed);
        int cells = chunks * cellsPerChunk;
        List<Read> list = new ArrayList<>();
        for (int r = 0; r < reads; r++) {
            Read read = new Read("granule" + r / 3 + " gt" + (r % 3 + 1) + "l", rowsPerRead);
            int cell = random.nextInt(cells);
            for (int i = 0; i < rowsPerRead; i++) {
                if (random.nextInt(64) == 0) {
                    cell = (cell + 1) % cells;
                }
                byte[] conf = new byte[CONF_WIDTH];
                for (int k = 0; k < CONF_WIDTH; k++) {
                    conf[k] = (byte) (random.nextInt(7) - 2);
                }
                read.set(i, cell, -70 + random.nextDouble(), random.nextInt(100) == 0 ? Float.NaN : (float) random.nextGaussian() * 50,
                        conf, (float) random.nextGaussian() * 40);
            }
            list.add(read);
        }
        return new ShardCase(chunks, cellsPerChunk, list);
    }

    /**
     * A shard of {@code reads} reads of {@code rowsPerRead} photons in which every row has a cell
     * of its own (the cells shuffled across the reads), over {@code chunks} inner chunks of
     * {@code reads × rowsPerRead / chunks} cells: the sparsest shard, where the output is as long
     * as the input.
     *
     * @throws IllegalArgumentException if the rows do not divide into {@code chunks} equal chunks
     */
    public static ShardCase onePerCell(int reads, int rowsPerRead, int chunks, long seed) {
        int cells = reads * rowsPerRead;
        if (cells % chunks != 0) {
            throw new IllegalArgumentException(cells + " rows do not divide into " + chunks + " chunks");
        }
        Random random = new Random(seed);
        int[] cell = new int[cells];
        for (int i = 0; i < cells; i++) {
            int j = random.nextInt(i + 1);
            cell[i] = cell[j];
            cell[j] = i;
        }
        List<Read> list = new ArrayList<>();
        byte[] conf = new byte[CONF_WIDTH];
        for (int r = 0; r < reads; r++) {
            Read read = new Read("granule" + r / 3 + " gt" + (r % 3 + 1) + "r", rowsPerRead);
            for (int i = 0; i < rowsPerRead; i++) {
                random.nextBytes(conf);
                read.set(i, cell[r * rowsPerRead + i], 60 + random.nextDouble(), (float) random.nextGaussian() * 50, conf,
                        (float) random.nextGaussian() * 40);
            }
            list.add(read);
        }
        return new ShardCase(chunks, cells / chunks, list);
    }

    public int cells() {
        return chunks * cellsPerChunk;
    }

    public long rows() {
        long n = 0;
        for (Read r : reads) {
            n += r.cell.length;
        }
        return n;
    }

    /** The reads as the reader hands them over: fresh arrays every call, since a carrier may adopt them. */
    public List<InputBatch> inputs() {
        List<InputBatch> out = new ArrayList<>();
        for (Read r : reads) {
            out.add(r.input());
        }
        return out;
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("\n  ", "ShardCase[" + chunks + " chunk(s) × " + cellsPerChunk + " cell(s), "
                + rows() + " rows in " + reads.size() + " read(s):\n  ", "]");
        for (Read r : reads) {
            j.add(r.toString());
        }
        return j.toString();
    }

    /** One granule × beam read. */
    public static final class Read {

        final String source;
        final int[] cell;
        final double[] lat;
        final float[] h;
        final byte[] conf;
        final float[] dem;

        Read(String source, int rows) {
            this.source = source;
            this.cell = new int[rows];
            this.lat = new double[rows];
            this.h = new float[rows];
            this.conf = new byte[rows * CONF_WIDTH];
            this.dem = new float[rows];
        }

        void set(int i, int cellIndex, double latitude, float height, byte[] confidence, float demHeight) {
            cell[i] = cellIndex;
            lat[i] = latitude;
            h[i] = height;
            System.arraycopy(confidence, 0, conf, i * CONF_WIDTH, CONF_WIDTH);
            dem[i] = demHeight;
        }

        InputBatch input() {
            double[] lon = new double[cell.length];
            for (int i = 0; i < cell.length; i++) {
                lon[i] = cell[i] + 0.5;
            }
            return InputBatch.builder(source)
                    .column("lat_ph", Columns.wrap(lat.clone(), DType.FLOAT64, 1))
                    .column("lon_ph", Columns.wrap(lon, DType.FLOAT64, 1))
                    .column("h_ph", Columns.wrap(h.clone(), DType.FLOAT32, 1))
                    .column("signal_conf_ph", Columns.wrap(conf.clone(), DType.INT8, CONF_WIDTH))
                    .column("dem_h", Columns.wrap(dem.clone(), DType.FLOAT32, 1))
                    .build();
        }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", source + ": [", "]");
            for (int i = 0; i < cell.length; i++) {
                j.add("(cell " + cell[i] + ", h " + show(h[i]) + ", conf " + Arrays.toString(Arrays.copyOfRange(conf, i * CONF_WIDTH,
                        (i + 1) * CONF_WIDTH)) + ", dem " + show(dem[i]) + ", lat " + lat[i] + ")");
            }
            return j.toString();
        }
    }

    /** A float as Java prints it, except a NaN with a payload shows its bits. */
    static String show(float v) {
        int bits = Float.floatToRawIntBits(v);
        return Float.isNaN(v) && bits != Float.floatToRawIntBits(Float.NaN) ? "NaN(0x" + Integer.toHexString(bits) + ")" : Float.toString(v);
    }
}
