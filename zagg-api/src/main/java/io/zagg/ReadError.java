package io.zagg;

import java.util.Objects;

/**
 * A granule or beam that could not be read for a shard. The shard goes on with the other
 * granules and beams; the error is recorded in its {@link ShardReport}.
 *
 * @param granule the granule file name (or id)
 * @param beam the beam (HDF5 group), or empty when the whole granule failed
 * @param message what went wrong, naming the dataset path where one is at fault
 */
public record ReadError(String granule, String beam, String message) {

    public ReadError {
        Objects.requireNonNull(granule, "granule");
        Objects.requireNonNull(beam, "beam");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return beam.isEmpty() ? granule + ": " + message : granule + " " + beam + ": " + message;
    }
}
