package io.zagg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one shard: zagg's {@code ProcessingMetadata} ({@code shard_key},
 * {@code cells_with_data}, {@code total_obs}, {@code granule_count}, {@code files_processed},
 * {@code duration_s}, {@code error}, {@code read_errors}) plus the status, the points dropped
 * for invalid coordinates, the seconds of each phase and the carrier's peak bytes.
 */
public final class ShardReport {

    private final long shardKey;
    private final ShardStatus status;
    private final long cellsWithData;
    private final long totalObs;
    private final int granuleCount;
    private final int filesProcessed;
    private final double durationSeconds;
    private final String error;
    private final List<ReadError> readErrors;
    private final long invalidCoordinates;
    private final PhaseSeconds phases;
    private final long decodedInputBytes;
    private final long peakCarrierBytes;

    private ShardReport(Builder b) {
        this.shardKey = b.shardKey;
        this.status = Objects.requireNonNull(b.status, "status");
        this.cellsWithData = b.cellsWithData;
        this.totalObs = b.totalObs;
        this.granuleCount = b.granuleCount;
        this.filesProcessed = b.filesProcessed;
        this.durationSeconds = b.durationSeconds;
        this.error = b.error;
        this.readErrors = List.copyOf(b.readErrors);
        this.invalidCoordinates = b.invalidCoordinates;
        this.phases = b.phases;
        this.decodedInputBytes = b.decodedInputBytes;
        this.peakCarrierBytes = b.peakCarrierBytes;
        if (status == ShardStatus.FAILED && error == null) {
            throw new IllegalArgumentException("a FAILED shard report needs an error");
        }
    }

    /** Starts a report of {@code shardKey} (an unsigned morton word) for an executor to fill. */
    public static Builder builder(long shardKey) {
        return new Builder(shardKey);
    }

    /** The shard key: an unsigned 64-bit morton word ({@link Long#toUnsignedString}). */
    public long shardKey() {
        return shardKey;
    }

    public ShardStatus status() {
        return status;
    }

    public long cellsWithData() {
        return cellsWithData;
    }

    /** Rows aggregated (after filtering and after dropping invalid coordinates). */
    public long totalObs() {
        return totalObs;
    }

    public int granuleCount() {
        return granuleCount;
    }

    public int filesProcessed() {
        return filesProcessed;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public List<ReadError> readErrors() {
        return readErrors;
    }

    /** Points dropped because their latitude/longitude was NaN, infinite or |lat| > 90. */
    public long invalidCoordinates() {
        return invalidCoordinates;
    }

    public PhaseSeconds phases() {
        return phases;
    }

    /** Bytes of every column the reader handed to the carrier for this shard. */
    public long decodedInputBytes() {
        return decodedInputBytes;
    }

    /** The most bytes the carrier held at once while processing this shard. */
    public long peakCarrierBytes() {
        return peakCarrierBytes;
    }

    @Override
    public String toString() {
        return "shard " + Long.toUnsignedString(shardKey) + " " + status + ": " + cellsWithData + " cells, "
                + totalObs + " obs" + (error == null ? "" : ", error: " + error);
    }

    /**
     * Seconds spent in each phase of a shard.
     *
     * @param read reading granules
     * @param index hashing points to cells and sorting rows by cell
     * @param aggregate per-cell reductions
     * @param write encoding and writing chunk objects
     */
    public record PhaseSeconds(double read, double index, double aggregate, double write) {
        public static final PhaseSeconds ZERO = new PhaseSeconds(0, 0, 0, 0);
    }

    /** Fills a {@link ShardReport}; used by executors (the local one, or a Spark task). */
    public static final class Builder {
        private final long shardKey;
        private ShardStatus status;
        private long cellsWithData;
        private long totalObs;
        private int granuleCount;
        private int filesProcessed;
        private double durationSeconds;
        private String error;
        private final List<ReadError> readErrors = new ArrayList<>();
        private long invalidCoordinates;
        private PhaseSeconds phases = PhaseSeconds.ZERO;
        private long decodedInputBytes;
        private long peakCarrierBytes;

        private Builder(long shardKey) {
            this.shardKey = shardKey;
        }

        public Builder status(ShardStatus status) {
            this.status = status;
            return this;
        }

        public Builder cellsWithData(long n) {
            this.cellsWithData = n;
            return this;
        }

        public Builder totalObs(long n) {
            this.totalObs = n;
            return this;
        }

        public Builder granuleCount(int n) {
            this.granuleCount = n;
            return this;
        }

        public Builder filesProcessed(int n) {
            this.filesProcessed = n;
            return this;
        }

        public Builder durationSeconds(double s) {
            this.durationSeconds = s;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder addReadError(ReadError e) {
            readErrors.add(e);
            return this;
        }

        public Builder invalidCoordinates(long n) {
            this.invalidCoordinates = n;
            return this;
        }

        public Builder phases(PhaseSeconds phases) {
            this.phases = Objects.requireNonNull(phases, "phases");
            return this;
        }

        public Builder decodedInputBytes(long n) {
            this.decodedInputBytes = n;
            return this;
        }

        public Builder peakCarrierBytes(long n) {
            this.peakCarrierBytes = n;
            return this;
        }

        public ShardReport build() {
            return new ShardReport(this);
        }
    }
}
