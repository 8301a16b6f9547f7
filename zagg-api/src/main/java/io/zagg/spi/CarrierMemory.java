package io.zagg.spi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A snapshot of a carrier's memory accounting, carried by the shard report.
 *
 * <p>All numbers are bytes the carrier itself holds for its shard (an Arrow carrier counts its
 * allocator's buffers, validity bitmaps included; a heap carrier counts its arrays). The reader's
 * decoded arrays count as input; once a carrier adopts one it also counts as held.
 */
public final class CarrierMemory {

    private final long inputBytes;
    private final long heldBytes;
    private final long peakBytes;
    private final Map<ShardStage, Long> stagePeaks;

    CarrierMemory(long inputBytes, long heldBytes, long peakBytes, EnumMap<ShardStage, Long> stagePeaks) {
        this.inputBytes = inputBytes;
        this.heldBytes = heldBytes;
        this.peakBytes = peakBytes;
        this.stagePeaks = Collections.unmodifiableMap(new EnumMap<>(stagePeaks));
    }

    /** Bytes of every column the reader handed over ({@link InputBatch#valueBytes()}, summed). */
    public long inputBytes() {
        return inputBytes;
    }

    /** Bytes held now; 0 after the carrier is closed. */
    public long heldBytes() {
        return heldBytes;
    }

    /** The most bytes held at any moment so far. */
    public long peakBytes() {
        return peakBytes;
    }

    /** The most bytes held while each stage was current, for the stages entered so far, in stage order. */
    public Map<ShardStage, Long> stagePeaks() {
        return stagePeaks;
    }

    /** {@link #peakBytes()} over {@link #inputBytes()}: zagg held 3× (pandas) and 2× (Arrow); we allow 1.5×. */
    public double peakToInput() {
        return inputBytes == 0 ? 0.0 : (double) peakBytes / inputBytes;
    }

    @Override
    public String toString() {
        StringJoiner stages = new StringJoiner(", ", "(", ")");
        stagePeaks.forEach((stage, bytes) -> stages.add(stage.name().toLowerCase(Locale.ROOT) + " " + size(bytes)));
        return String.format(Locale.ROOT, "peak %s = %.2f× input %s %s; held %s",
                size(peakBytes), peakToInput(), size(inputBytes), stages, size(heldBytes));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CarrierMemory
                && ((CarrierMemory) o).inputBytes == inputBytes
                && ((CarrierMemory) o).heldBytes == heldBytes
                && ((CarrierMemory) o).peakBytes == peakBytes
                && ((CarrierMemory) o).stagePeaks.equals(stagePeaks);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inputBytes) * 31 + Long.hashCode(peakBytes) * 17 + stagePeaks.hashCode();
    }
}
