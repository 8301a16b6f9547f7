package io.zagg.spi;

/**
 * A carrier would hold more bytes than its shard's {@linkplain CarrierContext#memoryBudget()
 * memory budget}. Thrown before the allocation happens, so nothing leaks; the shard fails and the
 * carrier can still be closed.
 */
public class MemoryBudgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MemoryBudgetException(String message) {
        super(message);
    }
}
