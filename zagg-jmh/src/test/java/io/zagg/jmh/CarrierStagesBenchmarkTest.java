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
import io.zagg.spi.Column;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Runs every stage of {@link CarrierStagesBenchmark} once, on a small shard, with each built-in carrier. */
class CarrierStagesBenchmarkTest {

    private static final int ROWS = 5_000;
    private static final int CELLS = 300;
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
                // one joined column beside all the beams at the moment it is complete
                assertPeaks(peaks, INPUT_BYTES + ROWS * 4L, at + ", concat");
                closeWithoutLeak(loaded);

                CarrierStagesBenchmark.Concatenated concatenated = new CarrierStagesBenchmark.Concatenated();
                concatenated.open(shard);
                peaks = recordingPeaks();
                ShardPath.SortedRows sorted = bench.sortGather(shard, concatenated, new RowCounters(), peaks);
                Column cell = sorted.rows().column("cell");
                for (long i = 1; i < ROWS; i++) {
                    assertTrue(cell.getLong(i - 1) <= cell.getLong(i), at + ": rows not sorted by cell at " + i);
                }
                assertEquals(ROWS, sorted.runs().end(sorted.runs().runs() - 1), at);
                assertPeaks(peaks, INPUT_BYTES + ROWS * 4L, at + ", sortGather");
                closeWithoutLeak(concatenated);

                CarrierStagesBenchmark.Sorted sortedRun = new CarrierStagesBenchmark.Sorted();
                sortedRun.open(shard);
                peaks = recordingPeaks();
                Batch out = bench.reduce(shard, sortedRun, new RowCounters(), peaks);
                assertEquals(CELLS, out.rows(), at);
                long counted = 0;
                for (long c = 0; c < CELLS; c++) {
                    counted += out.column("count").getLong(c);
                }
                assertEquals(ROWS, counted, at + ": the per-cell counts must add up to the rows");
                assertPeaks(peaks, INPUT_BYTES, at + ", reduce");
                closeWithoutLeak(sortedRun);

                CarrierStagesBenchmark.Reduced reduced = new CarrierStagesBenchmark.Reduced();
                reduced.open(shard);
                peaks = recordingPeaks();
                bench.encode(shard, reduced, new RowCounters(), peaks, blackhole());
                assertPeaks(peaks, INPUT_BYTES, at + ", encode");
                closeWithoutLeak(reduced);
            }
        }
    }

    @Test
    void everyCarrierEncodesTheSameBytesInEitherOrder() {
        byte[] expected = encoded("plain", RowOrder.CLUSTERED);
        // five columns of one value per cell, each at least 4 bytes
        assertEquals(0, expected.length % CELLS, "whole cells");
        assertTrue(expected.length >= 5 * CELLS * 4, expected.length + " bytes for five columns of " + CELLS + " cells");
        assertArrayEquals(expected, encoded("arrow", RowOrder.CLUSTERED));
        byte[] random = encoded("arrow", RowOrder.RANDOM);
        assertArrayEquals(encoded("plain", RowOrder.RANDOM), random);
        assertEquals(expected.length, random.length);
    }

    @Test
    void anUnknownCarrierIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shard("nosuch", RowOrder.CLUSTERED));
        assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("plain"), e.getMessage());
    }

    private static byte[] encoded(String carrier, RowOrder order) {
        CarrierStagesBenchmark.Shard shard = shard(carrier, order);
        CarrierStagesBenchmark.Reduced reduced = new CarrierStagesBenchmark.Reduced();
        reduced.open(shard);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        shard.path.encode(reduced.carrier, reduced.out, (ByteBuffer chunk) -> {
            byte[] copy = new byte[chunk.remaining()];
            chunk.duplicate().get(copy);
            bytes.writeBytes(copy);
        });
        closeWithoutLeak(reduced);
        return bytes.toByteArray();
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

    private static void assertPeaks(CarrierPeaks peaks, long atLeast, String at) {
        assertTrue(peaks.stagePeakBytes >= atLeast, at + ": stage peak " + peaks.stagePeakBytes + " < " + atLeast);
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
