package io.zagg;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run: every shard's {@link ShardReport} and the totals. A run succeeded when
 * no shard {@link ShardStatus#FAILED} (EMPTY shards are not failures).
 *
 * @param store the store written (absent for a dry run)
 * @param carrier the carrier's name
 * @param wallSeconds seconds from the first shard's start to the last shard's end
 * @param shards one report per shard, in the order the shards were planned
 */
public record RunReport(String store, String carrier, double wallSeconds, List<ShardReport> shards) {

    public RunReport {
        Objects.requireNonNull(carrier, "carrier");
        shards = List.copyOf(shards);
    }

    public long count(ShardStatus status) {
        return shards.stream().filter(s -> s.status() == status).count();
    }

    public long totalObs() {
        return shards.stream().mapToLong(ShardReport::totalObs).sum();
    }

    public long cellsWithData() {
        return shards.stream().mapToLong(ShardReport::cellsWithData).sum();
    }

    public boolean succeeded() {
        return count(ShardStatus.FAILED) == 0;
    }

    /** The report as JSON (snake_case keys as zagg's summaries, unsigned shard keys). */
    public String toJson() {
        return ReportJson.write(this);
    }
}
