package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Carriers;
import io.zagg.jmh.CarrierStagesBenchmark.CarrierPeaks;
import io.zagg.jmh.ShardColumns.RowOrder;
import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.ShardStage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Runs every stage of {@link CarrierStagesBenchmark} once, on a small shard, with each built-in carrier. */
class CarrierStagesBenchmarkTest {

    /** Two inner chunks of {@link ShardPath#CHUNK_CELLS} and 904 cells, four rows a cell on average. */
    private static final int ROWS = 20_000;
    private static final int CELLS = 5_000;
    private static final long INPUT_BYTES = (long) ROWS * ShardColumns.BYTES_PER_ROW;

    private final CarrierStagesBenchmark bench = new CarrierStagesBenchmark();

    @Test
    void bothBuiltInCarriersAreDiscovered() {
        assertTrue(Carriers.names().containsAll(List.of("plain", "arrow")), "found " + Carriers.names());
    }

    @Test
    void everyStageProcessesTheWholeShardAndCountsItsPeak() {
        for (String carrier : List.of("plain", "arrow")) {
            for (RowOrder order : RowOrder.values()) {
                String at = carrier + ", " + order;
                CarrierStagesBenchmark.Shard shard = shard(carrier, order);

                CarrierStagesBenchmark.Empty empty = new CarrierStagesBenchmark.Empty();
                empty.open(shard);
                RowCounters counters = new RowCounters();
                CarrierPeaks peaks = recordingPeaks();
                List<Batch> reads = bench.build(shard, empty, counters, peaks);
                assertEquals(ShardPath.BEAMS, reads.size(), at);
                assertEquals(ROWS, reads.stream().mapToLong(Batch::rows).sum(), at);
                assertEquals(ROWS, counters.rows, at);
                assertEquals(INPUT_BYTES, counters.bytes, at);
                assertPeaks(peaks, INPUT_BYTES, at + ", build");
                closeWithoutLeak(empty);

                CarrierStagesBenchmark.Loaded loaded = new CarrierStagesBenchmark.Loaded();
                loaded.open(shard);
                peaks = recordingPeaks();
                Batch rows = bench.concat(shard, loaded, new RowCounters(), peaks);
                assertEquals(ROWS, rows.rows(), at);
                assertEquals(List.of("h", "cell"), rows.names(), at);
                // the beams are chained, not copied
                assertPeaks(peaks, INPUT_BYTES, at + ", concat");
                assertEquals(peaks.stagePeakBytes, loaded.carrier.memory().stagePeaks().get(ShardStage.READ), at + ", concat adds nothing");
                closeWithoutLeak(loaded);

                CarrierStagesBenchmark.Concatenated concatenated = new CarrierStagesBenchmark.Concatenated();
                concatenated.open(shard);
                peaks = recordingPeaks();
                ShardPath.SortedRows sorted = bench.sortGather(shard, concatenated, new RowCounters(), peaks);
                assertEquals(List.of("h"), sorted.rows().names(), at + ": the cell column is released once sorted");
                // the chained h beside its sorted copy; the cell column went first
                assertPeaks(peaks, INPUT_BYTES, at + ", sortGather");
                closeWithoutLeak(concatenated);

                CarrierStagesBenchmark.Sorted sortedRun = new CarrierStagesBenchmark.Sorted();
                sortedRun.open(shard);
                peaks = recordingPeaks();
                long cells = bench.reduceEncode(shard, sortedRun, new RowCounters(), peaks, blackhole());
                assertEquals(CELLS, cells, at);
                // the sorted h and one chunk's output
                assertPeaks(peaks, INPUT_BYTES / 2, at + ", reduceEncode");
                closeWithoutLeak(sortedRun);
            }
        }
    }

    @Test
    void everyCarrierEncodesTheSameBytesInEitherOrder() {
        Map<String, byte[]> expected = encoded("plain", RowOrder.CLUSTERED);
        assertEquals(Set.of("count", "h_min", "h_max", "h_mean", "h_var"), expected.keySet());
        assertBytesEqual(expected, encoded("arrow", RowOrder.CLUSTERED), "arrow, clustered");
        assertBytesEqual(encoded("plain", RowOrder.RANDOM), encoded("arrow", RowOrder.RANDOM), "arrow, random");
    }

    /** Count, min and max per cell are those of the shard's rows: the rows were sorted and reduced by cell, chunk by chunk. */
    @Test
    void theOutputHoldsEachCellsCountMinAndMax() {
        for (String carrier : List.of("plain", "arrow")) {
            for (RowOrder order : RowOrder.values()) {
                ShardColumns columns = ShardColumns.generate(ROWS, CELLS, order);
                long[] count = new long[CELLS];
                float[] min = new float[CELLS];
                float[] max = new float[CELLS];
                Arrays.fill(min, Float.NaN);
                Arrays.fill(max, Float.NaN);
                for (int i = 0; i < ROWS; i++) {
                    int c = columns.cell()[i];
                    float h = columns.h()[i];
                    min[c] = count[c] == 0 ? h : Math.min(min[c], h);
                    max[c] = count[c] == 0 ? h : Math.max(max[c], h);
                    count[c]++;
                }
                Map<String, byte[]> out = encoded(carrier, order);
                ByteBuffer counts = ByteBuffer.wrap(out.get("count")).order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer mins = ByteBuffer.wrap(out.get("h_min")).order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer maxs = ByteBuffer.wrap(out.get("h_max")).order(ByteOrder.LITTLE_ENDIAN);
                int countBytes = out.get("count").length / CELLS;
                for (int c = 0; c < CELLS; c++) {
                    String at = carrier + ", " + order + ", cell " + c;
                    assertEquals(count[c], countBytes == 8 ? counts.getLong() : counts.getInt(), at);
                    assertEquals(min[c], mins.getFloat(), at);
                    assertEquals(max[c], maxs.getFloat(), at);
                }
            }
        }
    }

    @Test
    void anUnknownCarrierIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shard("nosuch", RowOrder.CLUSTERED));
        assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("plain"), e.getMessage());
    }

    /** Each output column's chunks, joined, by name. */
    private static Map<String, byte[]> encoded(String carrier, RowOrder order) {
        CarrierStagesBenchmark.Shard shard = shard(carrier, order);
        CarrierStagesBenchmark.Sorted sorted = new CarrierStagesBenchmark.Sorted();
        sorted.open(shard);
        Map<String, ByteArrayOutputStream> bytes = new TreeMap<>();
        shard.path.reduceEncode(sorted.carrier, sorted.sorted, (name, chunk) -> {
            byte[] copy = new byte[chunk.remaining()];
            chunk.duplicate().get(copy);
            bytes.computeIfAbsent(name, n -> new ByteArrayOutputStream()).writeBytes(copy);
        });
        closeWithoutLeak(sorted);
        Map<String, byte[]> out = new TreeMap<>();
        bytes.forEach((name, b) -> out.put(name, b.toByteArray()));
        return out;
    }

    private static void assertBytesEqual(Map<String, byte[]> expected, Map<String, byte[]> actual, String at) {
        assertEquals(expected.keySet(), actual.keySet(), at);
        expected.forEach((name, b) -> assertArrayEquals(b, actual.get(name), at + ": column " + name));
    }

    private static CarrierStagesBenchmark.Shard shard(String carrier, RowOrder order) {
        CarrierStagesBenchmark.Shard shard = new CarrierStagesBenchmark.Shard();
        shard.rows = ROWS;
        shard.cellsPerShard = CELLS;
        shard.carrier = carrier;
        shard.order = order;
        shard.split();
        return shard;
    }

    private static CarrierPeaks recordingPeaks() {
        CarrierPeaks peaks = new CarrierPeaks();
        peaks.recording = true;
        return peaks;
    }

    /** The stage held at least {@code atLeast} bytes and the carrier never more than 1.5× the input. */
    private static void assertPeaks(CarrierPeaks peaks, long atLeast, String at) {
        assertTrue(peaks.stagePeakBytes >= atLeast, at + ": stage peak " + peaks.stagePeakBytes + " < " + atLeast);
        assertTrue(peaks.peakToInput <= 1.5, at + ": peak " + peaks.peakCarrierBytes + " bytes = " + peaks.peakToInput
                + "× the input of " + INPUT_BYTES + " bytes");
        assertTrue(peaks.peakCarrierBytes >= peaks.stagePeakBytes, at + ": overall peak below the stage's");
        assertEquals((double) peaks.peakCarrierBytes / INPUT_BYTES, peaks.peakToInput, 1e-12, at);
    }

    private static void closeWithoutLeak(CarrierStagesBenchmark.Invocation run) {
        Carrier carrier = run.carrier;
        run.close();
        assertEquals(0, carrier.memory().heldBytes(), carrier + " still holds bytes");
    }

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
