package io.zagg.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reader's committed test granules (zagg-api's test-jar, a jar in a reactor build), copied out as files. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Copies fixture {@code name} (e.g. {@code "atl03_small.h5"}) into {@code dir}. */
    public static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Fixtures.class.getResourceAsStream("/granules/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource granules/" + name + " is missing; run tools/gen_fixtures.sh");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
