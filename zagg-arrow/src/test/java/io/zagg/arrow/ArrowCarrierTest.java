package io.zagg.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.ShardStage;
import io.zagg.spi.testkit.ShardCase;
import io.zagg.spi.testkit.StagePipeline;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** What ARROW does beyond the contract: allocator-backed accounting, the budget as the allocator's limit, leak detection. */
class ArrowCarrierTest {

    private static ArrowCarrier create(long budget) {
        return (ArrowCarrier) new ArrowCarrierProvider().create(CarrierContext.of(budget, "test-shard"));
    }

    @Test
    void eachShardGetsAChildAllocatorLimitedToItsBudget() {
        try (ArrowCarrier one = create(1 << 20); ArrowCarrier two = create(2 << 20)) {
            assertEquals(1 << 20, one.allocator().getLimit());
            assertEquals(2 << 20, two.allocator().getLimit());
            assertEquals(one.allocator().getRoot(), two.allocator().getRoot());
            assertEquals("zagg shard test-shard", one.allocator().getName());
        }
    }

    @Test
    void theAccountIsTheAllocatorsOwnAtEveryStage() {
        ShardCase shard = ShardCase.realistic(3, 3000, 1, 64, 21);
        try (ArrowCarrier carrier = create(1 << 28)) {
            BufferAllocator allocator = carrier.allocator();
            List<Batch> reads = new ArrayList<>();
            for (InputBatch input : shard.inputs()) {
                reads.add(carrier.load(input));
                assertEquals(allocator.getAllocatedMemory(), carrier.memory().heldBytes());
            }
            carrier.enter(ShardStage.CONCAT);
            Batch rows = carrier.concat(reads);
            assertEquals(allocator.getAllocatedMemory(), carrier.memory().heldBytes());
            carrier.enter(ShardStage.INDEX);
            rows.add("cell", DType.UINT64, 1);
            rows.release("lat_ph");
            rows.release("lon_ph");
            assertEquals(allocator.getAllocatedMemory(), carrier.memory().heldBytes());
            carrier.enter(ShardStage.SORT);
            MutableColumn order = rows.add("order", DType.INT32, 1);
            StagePipeline.stableArgsort(rows.column("cell"), order);
            rows.gather("order");
            assertEquals(allocator.getAllocatedMemory(), carrier.memory().heldBytes());
            assertEquals(allocator.getPeakMemoryAllocation(), carrier.memory().peakBytes());
            rows.close();
            assertEquals(0, allocator.getAllocatedMemory());
            assertEquals(0, carrier.memory().heldBytes());
        }
    }

    @Test
    void concatChainsTheReadsVectorsWithoutAllocatingAndExportsOnlyOnceGathered() {
        try (ArrowCarrier carrier = create(1 << 20);
             BufferAllocator consumer = new RootAllocator();
             ArrowArray array = ArrowArray.allocateNew(consumer);
             ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
            Batch a = carrier.load(InputBatch.builder("a").column("h", Columns.of(1f, 2f)).build());
            Batch b = carrier.load(InputBatch.builder("b").column("h", Columns.of(3f)).build());
            long loaded = carrier.allocator().getAllocatedMemory();
            carrier.enter(ShardStage.CONCAT);
            Batch all = carrier.concat(List.of(a, b));
            assertInstanceOf(ColumnChain.class, all.column("h"));
            assertEquals(loaded, carrier.memory().stagePeaks().get(ShardStage.CONCAT), "concat allocated nothing");
            assertEquals(loaded, carrier.allocator().getAllocatedMemory());
            assertEquals(2f, all.column("h").getFloat(1));
            assertEquals(3f, all.column("h").getFloat(2));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ArrowExport.export(all, array, schema));
            assertTrue(refused.getMessage().startsWith("column 'h' of batch a and 1 more is chain of 2 parts, 3 rows of float32,"
                    + " not one Arrow vector"), refused.getMessage());

            all.gather(Columns.wrap(new int[] {2, 1, 0}, DType.INT32, 1));
            assertInstanceOf(ArrowColumn.class, all.column("h"));
            assertEquals(3f, all.column("h").getFloat(0));
            assertEquals(1f, all.column("h").getFloat(2));
            all.close();
            assertEquals(0, carrier.memory().heldBytes());
        }
    }

    @Test
    void aRefusedVectorColumnReportsTheBudgetNotArrowsOutOfMemory() {
        try (Carrier carrier = create(64 * 1024)) {
            Batch out = carrier.newBatch(20_000);
            MemoryBudgetException e = assertThrows(MemoryBudgetException.class, () -> out.add("waveform", DType.UINT32, 128));
            assertTrue(e.getMessage().endsWith("of its 65536-byte memory budget"), e.getMessage());
            assertEquals(0, carrier.memory().heldBytes(), "the list vector's validity buffer was given back");
        }
    }

    @Test
    void closingWithABufferStillHeldOutsideTheCarrierIsALeak() {
        ArrowCarrier carrier = create(1 << 20);
        carrier.load(InputBatch.builder("g").column("h_ph", Columns.of(1f, 2f)).build());
        carrier.allocator().buffer(64);   // never released: the closed allocator cannot take it back any more
        IllegalStateException e = assertThrows(IllegalStateException.class, carrier::close);
        assertTrue(e.getMessage().startsWith("Memory was leaked by query. Memory leaked: (1024)"), e.getMessage());
    }
}
