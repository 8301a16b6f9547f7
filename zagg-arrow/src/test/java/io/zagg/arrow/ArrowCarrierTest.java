package io.zagg.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
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
import org.apache.arrow.memory.BufferAllocator;
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
