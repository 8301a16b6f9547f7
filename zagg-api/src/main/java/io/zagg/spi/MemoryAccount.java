package io.zagg.spi;

import java.util.EnumMap;

/**
 * The running account behind {@link CarrierMemory}: bytes held, the peak overall and per stage,
 * and the budget. Synchronized because an allocator may report from any thread.
 */
final class MemoryAccount {

    private final String owner;
    private final long budget;
    private final EnumMap<ShardStage, Long> stagePeaks = new EnumMap<>(ShardStage.class);
    private ShardStage stage = ShardStage.READ;
    private long input;
    private long held;
    private long peak;

    MemoryAccount(String owner, long budget) {
        this.owner = owner;
        this.budget = budget;
        stagePeaks.put(stage, 0L);
    }

    synchronized void enter(ShardStage next) {
        stage = next;
        stagePeaks.merge(next, held, Math::max);
    }

    synchronized ShardStage stage() {
        return stage;
    }

    synchronized void input(long bytes) {
        input += bytes;
    }

    synchronized void allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(owner + " reported a negative allocation of " + bytes + " bytes");
        }
        if (bytes > budget - held) {
            throw new MemoryBudgetException(owner + " needs " + bytes + " more bytes at stage " + stage
                    + " but already holds " + held + " of its " + budget + "-byte memory budget");
        }
        held += bytes;
        peak = Math.max(peak, held);
        stagePeaks.merge(stage, held, Math::max);
    }

    synchronized void free(long bytes) {
        if (bytes < 0 || bytes > held) {
            throw new IllegalStateException(owner + " freed " + bytes + " bytes but holds only " + held);
        }
        held -= bytes;
    }

    synchronized CarrierMemory snapshot() {
        return new CarrierMemory(input, held, peak, stagePeaks);
    }
}
