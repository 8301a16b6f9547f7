package io.zagg.read;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the test granules are: the committed fixtures (test resources {@code granules/}, made
 * by {@code tools/gen_fixtures.sh}) and the real files of {@code ../shared/data}, found by
 * walking up from the working directory; shared with other modules through the test-jar.
 */
public final class TestGranules {

    private TestGranules() {
    }

    /** A committed fixture, e.g. {@code "atl03_small.h5"}. */
    public static Path fixture(String name) {
        URL url = TestGranules.class.getResource("/granules/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource granules/" + name + " is missing; run tools/gen_fixtures.sh");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code shared/data} beside an ancestor of the working directory, when this machine has it. */
    public static Optional<Path> sharedData() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path data = d.resolve("shared").resolve("data");
            if (Files.isDirectory(data)) {
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }

    /** A lat/lon box (degrees, inclusive): the simplest shard test. */
    public static ShardSelector box(double minLat, double maxLat, double minLon, double maxLon) {
        return (lat, lon, selected) -> {
            for (int i = 0; i < lat.length; i++) {
                selected[i] = lat[i] >= minLat && lat[i] <= maxLat && lon[i] >= minLon && lon[i] <= maxLon;
            }
        };
    }

    /** Every valid point. */
    public static ShardSelector everywhere() {
        return box(-90, 90, -180, 180);
    }
}
