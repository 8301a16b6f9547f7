package io.zagg.spi.testkit;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.Ragged;
import io.zagg.spi.ShardStage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole stage sequence of one shard (architecture §3) driven through the carrier SPI: load
 * the reads, concat, index (cell keys from {@code lon_ph}; coordinates released), stable sort
 * and gather, read each cell's run, fill scalar, vector and ragged outputs per inner chunk,
 * encode. Returns every encoded object by a Zarr-like key ({@code h_min/c/1},
 * {@code h_conf/1/offsets}), so that carriers can be compared byte for byte.
 *
 * <p>{@link #reference(ShardCase)} computes the same objects without any carrier — rows
 * concatenated and sorted in plain Java, bytes written element by element — as the oracle every
 * carrier must match. The reductions are deliberately order-sensitive (a float64 running sum,
 * the first value of a cell) so that a wrong row order shows.
 */
public final class StagePipeline {

    private StagePipeline() {
    }

    /** Runs the shard through {@code carrier}, which it leaves open (for its accounting) but empty. */
    public static SortedMap<String, byte[]> run(Carrier carrier, ShardCase shard) {
        List<Batch> reads = new ArrayList<>();
        carrier.enter(ShardStage.READ);
        shard.inputs().forEach(input -> reads.add(carrier.load(input)));

        carrier.enter(ShardStage.CONCAT);
        Batch rows = carrier.concat(reads);

        carrier.enter(ShardStage.INDEX);
        Column lon = rows.column("lon_ph");
        MutableColumn cell = rows.add("cell", DType.UINT64, 1);
        for (long i = 0; i < rows.rows(); i++) {
            cell.setLong(i, ShardCase.KEY_BASE | (long) Math.floor(lon.getDouble(i)));
        }
        rows.release("lat_ph");
        rows.release("lon_ph");

        carrier.enter(ShardStage.SORT);
        MutableColumn order = rows.add("order", DType.INT32, 1);
        stableArgsort(rows.column("cell"), order);
        rows.gather("order");

        SortedMap<String, byte[]> objects = new TreeMap<>();
        for (int chunk = 0; chunk < shard.chunks; chunk++) {
            carrier.enter(ShardStage.REDUCE);
            try (Batch out = carrier.newBatch(shard.cellsPerChunk);
                 Ragged ragged = carrier.newRagged(DType.FLOAT32, 2)) {
                reduceChunk(rows::column, shard, chunk, new Outputs() {
                    @Override
                    public MutableColumn add(String name, DType dtype, int width) {
                        return out.add(name, dtype, width);
                    }

                    @Override
                    public void append(long cell, Column payload) {
                        ragged.append(cell, payload);
                    }
                });
                carrier.enter(ShardStage.ENCODE);
                for (String name : out.names()) {
                    objects.put(name + "/c/" + chunk, bytes(out.encode(name, 0, out.rows())));
                }
                objects.put("h_conf/" + chunk + "/values", bytes(ragged.encodeValues()));
                objects.put("h_conf/" + chunk + "/offsets", bytes(ragged.encodeOffsets()));
                objects.put("h_conf/" + chunk + "/cell_ids", bytes(ragged.encodeCellIds()));
            }
        }
        rows.close();
        return objects;
    }

    /** The objects {@link #run} must produce, computed without a carrier. */
    public static SortedMap<String, byte[]> reference(ShardCase shard) {
        List<int[]> rows = new ArrayList<>();
        for (int r = 0; r < shard.reads.size(); r++) {
            for (int i = 0; i < shard.reads.get(r).cell.length; i++) {
                rows.add(new int[] {r, i});
            }
        }
        rows.sort(Comparator.comparingInt(ri -> shard.reads.get(ri[0]).cell[ri[1]]));   // List.sort is stable
        int n = rows.size();
        long[] cell = new long[n];
        float[] h = new float[n];
        byte[] conf = new byte[n * ShardCase.CONF_WIDTH];
        float[] dem = new float[n];
        for (int j = 0; j < n; j++) {
            ShardCase.Read read = shard.reads.get(rows.get(j)[0]);
            int i = rows.get(j)[1];
            cell[j] = ShardCase.KEY_BASE | read.cell[i];
            h[j] = read.h[i];
            System.arraycopy(read.conf, i * ShardCase.CONF_WIDTH, conf, j * ShardCase.CONF_WIDTH, ShardCase.CONF_WIDTH);
            dem[j] = read.dem[i];
        }
        Map<String, Column> sorted = new LinkedHashMap<>();
        sorted.put("cell", Columns.wrap(cell, DType.UINT64, 1));
        sorted.put("h_ph", Columns.wrap(h, DType.FLOAT32, 1));
        sorted.put("signal_conf_ph", Columns.wrap(conf, DType.INT8, ShardCase.CONF_WIDTH));
        sorted.put("dem_h", Columns.wrap(dem, DType.FLOAT32, 1));

        SortedMap<String, byte[]> objects = new TreeMap<>();
        for (int chunk = 0; chunk < shard.chunks; chunk++) {
            Map<String, MutableColumn> out = new LinkedHashMap<>();
            List<Long> cellIds = new ArrayList<>();
            List<Long> offsets = new ArrayList<>(List.of(0L));
            List<Float> values = new ArrayList<>();
            reduceChunk(sorted::get, shard, chunk, new Outputs() {
                @Override
                public MutableColumn add(String name, DType dtype, int width) {
                    MutableColumn c = Columns.allocate(dtype, shard.cellsPerChunk, width);
                    out.put(name, c);
                    return c;
                }

                @Override
                public void append(long cell, Column payload) {
                    cellIds.add(cell);
                    for (long e = 0; e < payload.rows() * payload.width(); e++) {
                        values.add(payload.getFloat(e));
                    }
                    offsets.add((long) values.size() / 2);
                }
            });
            for (Map.Entry<String, MutableColumn> e : out.entrySet()) {
                objects.put(e.getKey() + "/c/" + chunk, littleEndian(e.getValue()));
            }
            ByteBuffer v = ByteBuffer.allocate(values.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            values.forEach(v::putFloat);
            objects.put("h_conf/" + chunk + "/values", v.array());
            objects.put("h_conf/" + chunk + "/offsets", int64(offsets));
            objects.put("h_conf/" + chunk + "/cell_ids", int64(cellIds));
        }
        return objects;
    }

    /** Where a chunk's reductions go: an output batch and a ragged field, or plain arrays for the reference. */
    interface Outputs {
        MutableColumn add(String name, DType dtype, int width);

        void append(long cell, Column payload);
    }

    /** Fills one inner chunk's outputs from the sorted rows, one cell at a time, as kernels do: through {@link Column} runs. */
    static void reduceChunk(java.util.function.Function<String, Column> sorted, ShardCase shard, int chunk, Outputs out) {
        Column cell = sorted.apply("cell");
        Column h = sorted.apply("h_ph");
        Column conf = sorted.apply("signal_conf_ph");
        Column dem = sorted.apply("dem_h");
        MutableColumn count = out.add("count", DType.INT32, 1);
        MutableColumn hMin = out.add("h_min", DType.FLOAT32, 1);
        MutableColumn hSum = out.add("h_sum", DType.FLOAT64, 1);
        MutableColumn confMax = out.add("conf_max", DType.INT8, ShardCase.CONF_WIDTH);
        MutableColumn demFirst = out.add("dem_first", DType.FLOAT32, 1);
        MutableColumn cellIds = out.add("cell_ids", DType.UINT64, 1);
        long start = firstRowAtOrAfter(cell, ShardCase.KEY_BASE | (long) chunk * shard.cellsPerChunk);
        for (int c = 0; c < shard.cellsPerChunk; c++) {
            long key = ShardCase.KEY_BASE | ((long) chunk * shard.cellsPerChunk + c);
            long end = start;
            while (end < cell.rows() && cell.getLong(end) == key) {
                end++;
            }
            cellIds.setLong(c, key);
            count.setLong(c, end - start);
            if (end == start) {
                hMin.setDouble(c, Double.NaN);
                hSum.setDouble(c, Double.NaN);
                demFirst.setDouble(c, Double.NaN);
                for (int k = 0; k < ShardCase.CONF_WIDTH; k++) {
                    confMax.setLong((long) c * ShardCase.CONF_WIDTH + k, -1);
                }
                continue;
            }
            float min = h.getFloat(start);
            double sum = 0;
            float[] payload = new float[(int) (end - start) * 2];
            for (long i = start; i < end; i++) {
                float v = h.getFloat(i);
                min = Float.isNaN(min) || Float.isNaN(v) ? Float.NaN : Math.min(min, v);
                sum += v;
                payload[(int) (i - start) * 2] = v;
                payload[(int) (i - start) * 2 + 1] = conf.getLong(i * ShardCase.CONF_WIDTH);
            }
            hMin.setFloat(c, min);
            // which NaN payload an addition of two NaNs keeps depends on how the JIT orders the operands, so
            // an arithmetic result is canonicalised; moved values (dem_first) keep their payload bit for bit
            hSum.setDouble(c, Double.isNaN(sum) ? Double.NaN : sum);
            demFirst.setFloat(c, dem.getFloat(start));
            for (int k = 0; k < ShardCase.CONF_WIDTH; k++) {
                long max = Long.MIN_VALUE;
                for (long i = start; i < end; i++) {
                    max = Math.max(max, conf.getLong(i * ShardCase.CONF_WIDTH + k));
                }
                confMax.setLong((long) c * ShardCase.CONF_WIDTH + k, max);
            }
            out.append(c, Columns.wrap(payload, DType.FLOAT32, 2));
            start = end;
        }
    }

    /** A stable argsort of uint64 keys into {@code order}. */
    public static void stableArgsort(Column keys, MutableColumn order) {
        Integer[] index = new Integer[(int) keys.rows()];
        Arrays.setAll(index, i -> i);
        Arrays.sort(index, (a, b) -> Long.compareUnsigned(keys.getLong(a), keys.getLong(b)));
        for (int i = 0; i < index.length; i++) {
            order.setLong(i, index[i]);
        }
    }

    private static long firstRowAtOrAfter(Column sortedKeys, long key) {
        long i = 0;
        while (i < sortedKeys.rows() && Long.compareUnsigned(sortedKeys.getLong(i), key) < 0) {
            i++;
        }
        return i;
    }

    /** A column's bytes written element by element: the independent little-endian encoding. */
    public static byte[] littleEndian(Column c) {
        long n = c.rows() * c.width();
        ByteBuffer b = ByteBuffer.allocate((int) c.valueBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (long e = 0; e < n; e++) {
            switch (c.dtype()) {
                case FLOAT32: b.putFloat(c.getFloat(e)); break;
                case FLOAT64: b.putDouble(c.getDouble(e)); break;
                default:
                    switch (c.dtype().byteSize()) {
                        case 1: b.put((byte) c.getLong(e)); break;
                        case 2: b.putShort((short) c.getLong(e)); break;
                        case 4: b.putInt((int) c.getLong(e)); break;
                        default: b.putLong(c.getLong(e));
                    }
            }
        }
        return b.array();
    }

    public static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static byte[] int64(List<Long> values) {
        ByteBuffer b = ByteBuffer.allocate(values.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(b::putLong);
        return b.array();
    }
}
