package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

    @Test
    void aRequestWaitsUntilOthersRelease() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        long a = budget.acquire(70);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                budget.acquire(50);
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertEquals(false, acquired.await(100, TimeUnit.MILLISECONDS), "70 + 50 exceed 100: must wait");
        budget.release(a);
        assertTrue(acquired.await(10, TimeUnit.SECONDS));
        assertEquals(50, budget.reserved());
        t.join();
    }

    @Test
    void anOversizedShardRunsAloneInsteadOfFailing() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        long big = budget.acquire(500);
        assertEquals(500, budget.reserved());
        AtomicLong second = new AtomicLong(-1);
        Thread t = new Thread(() -> {
            try {
                second.set(budget.acquire(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join(100);
        assertEquals(-1, second.get(), "nothing runs beside an oversized shard");
        budget.release(big);
        t.join(10_000);
        assertEquals(1, second.get());
    }

    @Test
    void invalidUseIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ByteBudget(0));
        assertEquals("memory budget 0 bytes must be positive", e.getMessage());
        ByteBudget budget = new ByteBudget(10);
        assertThrows(IllegalStateException.class, () -> budget.release(1));
    }
}
