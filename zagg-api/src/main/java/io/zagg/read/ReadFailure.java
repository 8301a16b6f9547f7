package io.zagg.read;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a granule or one of its beams could not be read: the granule file, the beam and the
 * dataset at fault (when known) and the reason, e.g.
 * {@code "granules/ATL03_x.h5, beam gt1l, dataset /gt1l/heights/h_ph: dataset is missing"}.
 */
public final class ReadFailure {

    private final Path granule;
    private final String beam;
    private final String dataset;
    private final String reason;

    ReadFailure(Path granule, String beam, String dataset, String reason) {
        this.granule = Objects.requireNonNull(granule, "granule");
        this.beam = beam;
        this.dataset = dataset;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Path granule() {
        return granule;
    }

    /** The beam, absent when the whole granule failed (e.g. it is not an HDF5 file). */
    public Optional<String> beam() {
        return Optional.ofNullable(beam);
    }

    /** The dataset path at fault, when one is. */
    public Optional<String> dataset() {
        return Optional.ofNullable(dataset);
    }

    public String reason() {
        return reason;
    }

    /** One line naming granule, beam, dataset and reason. */
    public String message() {
        StringBuilder s = new StringBuilder().append(granule);
        if (beam != null) {
            s.append(", beam ").append(beam);
        }
        if (dataset != null) {
            s.append(", dataset ").append(dataset);
        }
        return s.append(": ").append(reason).toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
