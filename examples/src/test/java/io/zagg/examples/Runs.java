package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Granules;
import io.zagg.Pipeline;
import io.zagg.RunReport;
import io.zagg.Zagg;
import io.zagg.test.Resources;
import java.nio.file.Path;

/** Runs on the generated ATL03-shaped granule, for the end-to-end tests. */
final class Runs {

    private Runs() {
    }

    /** Test config resource {@code name}'s pipeline, as {@link #config(Path, Path)}. */
    static Pipeline config(String name, Path dir) {
        return config(Resources.copy(name, dir), dir);
    }

    /** A config's pipeline over {@code atl03_small.h5} (copied into {@code dir}), reading every photon (so a hand count can match). */
    static Pipeline config(Path yaml, Path dir) {
        return Zagg.config(yaml).read(Granules.of(Resources.copy("granules/atl03_small.h5", dir))).exactRead().workers(2);
    }

    /** Writes {@code dir/name}, asserting every shard succeeded. */
    static Path writeOk(Pipeline p, Path dir, String name) {
        Path out = dir.resolve(name);
        RunReport report = p.write(out);
        assertTrue(report.succeeded(), report.toJson());
        return out;
    }
}
