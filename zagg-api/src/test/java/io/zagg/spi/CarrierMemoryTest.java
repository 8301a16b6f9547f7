package io.zagg.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierMemoryTest {

    @Test
    void peaksAreKeptOverallAndPerStage() {
        MemoryAccount a = new MemoryAccount("carrier 'x'", 1000);
        a.input(400);
        a.allocate(400);
        a.enter(ShardStage.CONCAT);
        a.allocate(100);
        a.free(100);
        a.enter(ShardStage.INDEX);
        a.allocate(80);
        a.free(300);
        a.enter(ShardStage.CONCAT);   // re-entering keeps the stage's earlier peak
        CarrierMemory m = a.snapshot();
        assertEquals(400, m.inputBytes());
        assertEquals(180, m.heldBytes());
        assertEquals(500, m.peakBytes());
        assertEquals(Map.of(ShardStage.READ, 400L, ShardStage.CONCAT, 500L, ShardStage.INDEX, 480L), m.stagePeaks());
        assertEquals(1.25, m.peakToInput());
        assertEquals("peak 500 B = 1.25× input 400 B (read 400 B, concat 500 B, index 480 B); held 180 B", m.toString());
    }

    @Test
    void theBudgetIsEnforcedBeforeAnythingIsCounted() {
        MemoryAccount a = new MemoryAccount("carrier 'x' for shard 7", 1000);
        a.allocate(900);
        a.enter(ShardStage.SORT);
        assertEquals("carrier 'x' for shard 7 needs 200 more bytes at stage SORT but already holds 900 of its 1000-byte memory budget",
                assertThrows(MemoryBudgetException.class, () -> a.allocate(200)).getMessage());
        assertEquals(900, a.snapshot().peakBytes());
        assertEquals("carrier 'x' for shard 7 freed 901 bytes but holds only 900",
                assertThrows(IllegalStateException.class, () -> a.free(901)).getMessage());
    }

    @Test
    void contextsAreValidatedNamingTheOption() {
        assertEquals("memory budget 0 must be positive",
                assertThrows(IllegalArgumentException.class, () -> CarrierContext.of(0, "s")).getMessage());
        assertEquals("threads 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new CarrierContext(1, 0, "s")).getMessage());
        assertEquals("shard label must not be blank",
                assertThrows(IllegalArgumentException.class, () -> CarrierContext.of(1, " ")).getMessage());
    }
}
