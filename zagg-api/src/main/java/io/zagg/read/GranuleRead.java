package io.zagg.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one granule contributed to a shard: one {@link BeamRead} per layout beam, in layout order. */
public final class GranuleRead {

    private final Path granule;
    private final List<BeamRead> beams;
    private final ReadFailure failure;

    GranuleRead(Path granule, List<BeamRead> beams, ReadFailure failure) {
        this.granule = granule;
        this.beams = List.copyOf(beams);
        this.failure = failure;
    }

    public Path granule() {
        return granule;
    }

    /** The beams in layout order; empty when the granule itself could not be opened. */
    public List<BeamRead> beams() {
        return beams;
    }

    public Optional<BeamRead> beam(String name) {
        return beams.stream().filter(b -> b.beam().equals(name)).findFirst();
    }

    /** A failure of the whole granule (missing, not HDF5, unreadable superblock). */
    public Optional<ReadFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Every failure: the granule's, else its failed beams'. */
    public List<ReadFailure> failures() {
        List<ReadFailure> out = new ArrayList<>();
        failure().ifPresent(out::add);
        beams.forEach(b -> b.failure().ifPresent(out::add));
        return out;
    }

    /** Rows read over all beams. */
    public long rows() {
        return beams.stream().mapToLong(BeamRead::rows).sum();
    }

    @Override
    public String toString() {
        return granule + (failure != null ? ": FAILED " + failure.reason() : ": " + beams);
    }
}
