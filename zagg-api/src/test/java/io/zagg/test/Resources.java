package io.zagg.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources (the generated granules, the test configs) as files, for runs that read paths. */
public final class Resources {

    private Resources() {
    }

    /** Class-path resource {@code name} ({@code "granules/atl03_small.h5"}) copied into {@code dir} under its file name, once. */
    public static Path copy(String name, Path dir) {
        Path target = dir.resolve(Path.of(name).getFileName());
        if (!Files.exists(target)) {
            try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource " + name);
                }
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }
}
