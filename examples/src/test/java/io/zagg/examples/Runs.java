package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Pipeline;
import io.zagg.RunReport;
import io.zagg.Zagg;
import io.zagg.test.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * Writes {@code p} with every discovered carrier (plain, arrow, the example's chunked one),
     * asserting they write the same objects with the same bytes; returns them.
     */
    static Map<String, byte[]> sameOnEveryCarrier(Pipeline p, Path dir) throws IOException {
        assertTrue(Carriers.names().size() >= 3, "plain, arrow and the example's chunked carrier: " + Carriers.names());
        Map<String, byte[]> reference = null;
        for (String carrier : Carriers.names()) {
            Map<String, byte[]> objects = StoreObjects.of(writeOk(p.carrier(Carriers.named(carrier)), dir, carrier + ".zarr"));
            if (reference == null) {
                reference = objects;
            } else {
                StoreObjects.assertSame(Carriers.names().get(0), reference, carrier, objects);
            }
        }
        return reference;
    }

    /** Writes {@code dir/name}, asserting every shard succeeded. */
    static Path writeOk(Pipeline p, Path dir, String name) {
        Path out = dir.resolve(name);
        RunReport report = p.write(out);
        assertTrue(report.succeeded(), report.toJson());
        return out;
    }
}
