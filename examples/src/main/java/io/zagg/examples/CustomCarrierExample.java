package io.zagg.examples;

import io.zagg.Carriers;
import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.ShardStage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A carrier of your own, used like the built-in ones: the {@code chunked} carrier of this module
 * ({@code io.zagg.examples.chunked}, written against {@code io.zagg.spi} alone) is registered in
 * {@code META-INF/services/io.zagg.spi.CarrierProvider}, so {@code Carriers.named("chunked")}
 * finds it. This runs one small shard through it and through PLAIN — two reads, concat, cell
 * keys, sort, a count and a mean per cell, encode — and shows both give the same bytes.
 *
 * <pre>{@code
 * mvn -q -o package -pl examples -am -DskipTests
 * java -cp "examples/target/classes:zagg-plain/target/classes:zagg-api/target/classes:..." io.zagg.examples.CustomCarrierExample
 * }</pre>
 */
public final class CustomCarrierExample {

    /** Four output cells; a photon's cell is the integer part of its longitude. */
    static final int CELLS = 4;

    private CustomCarrierExample() {
    }

    public static void main(String[] args) {
        byte[] mine = report(Carriers.named("chunked"));
        byte[] plain = report(Carriers.PLAIN);
        System.out.println(Arrays.equals(mine, plain) ? "chunked and plain encoded identical bytes"
                : "chunked and plain encoded different bytes");
    }

    private static byte[] report(CarrierProvider provider) {
        try (Carrier carrier = provider.create(CarrierContext.of(1 << 20, "example"))) {
            byte[] encoded = aggregate(carrier);
            System.out.println(provider.name() + ": " + carrier.memory());
            return encoded;
        }
    }

    /** One shard, stage by stage; returns the encoded count and mean columns, one after the other. */
    static byte[] aggregate(Carrier carrier) {
        List<Batch> reads = new ArrayList<>();
        reads.add(carrier.load(read("granule-1 /gt1l", new double[] {2.5, 0.5, 2.7}, new float[] {10f, 20f, 30f})));
        reads.add(carrier.load(read("granule-1 /gt2l", new double[] {3.1, 2.2}, new float[] {40f, 50f})));

        carrier.enter(ShardStage.CONCAT);
        Batch rows = carrier.concat(reads);

        carrier.enter(ShardStage.INDEX);
        Column lon = rows.column("lon");
        MutableColumn cell = rows.add("cell", DType.UINT64, 1);
        for (long i = 0; i < rows.rows(); i++) {
            cell.setLong(i, (long) Math.floor(lon.getDouble(i)));
        }
        rows.release("lon");

        carrier.enter(ShardStage.SORT);
        Column keys = rows.column("cell");
        int[] sorted = IntStream.range(0, (int) rows.rows()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> keys.getLong(i))).mapToInt(Integer::intValue).toArray();
        MutableColumn order = rows.add("order", DType.INT32, 1);
        for (int i = 0; i < sorted.length; i++) {
            order.setLong(i, sorted[i]);
        }
        rows.gather("order");

        carrier.enter(ShardStage.REDUCE);
        Batch out = carrier.newBatch(CELLS);
        MutableColumn count = out.add("count", DType.INT32, 1);
        MutableColumn mean = out.add("h_mean", DType.FLOAT32, 1);
        Column h = rows.column("h");
        Column cells = rows.column("cell");
        long start = 0;
        for (int c = 0; c < CELLS; c++) {
            long end = start;
            double sum = 0;
            while (end < cells.rows() && cells.getLong(end) == c) {
                sum += h.getFloat(end++);
            }
            count.setLong(c, end - start);
            mean.setDouble(c, end == start ? Double.NaN : sum / (end - start));
            start = end;
        }
        System.out.println(carrier.name() + ": count " + values(count) + ", h_mean " + values(mean));

        carrier.enter(ShardStage.ENCODE);
        ByteBuffer counts = out.encode("count", 0, CELLS);
        ByteBuffer means = out.encode("h_mean", 0, CELLS);
        byte[] bytes = new byte[counts.remaining() + means.remaining()];
        counts.get(bytes, 0, counts.remaining());
        means.get(bytes, bytes.length - means.remaining(), means.remaining());
        return bytes;
    }

    private static InputBatch read(String source, double[] lon, float[] h) {
        return InputBatch.builder(source)
                .column("lon", Columns.wrap(lon, DType.FLOAT64, 1))
                .column("h", Columns.wrap(h, DType.FLOAT32, 1))
                .build();
    }

    private static List<Double> values(Column c) {
        List<Double> v = new ArrayList<>();
        for (long i = 0; i < c.rows(); i++) {
            v.add(c.getDouble(i));
        }
        return v;
    }
}
