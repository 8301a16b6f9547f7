package io.zagg.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The team's shared conformance material ({@code shared/} beside the project's root, present on
 * developers' machines and in CI, never in a user's clone). Conformance tests that read it skip
 * with a message naming the missing file when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code shared/<relative>} when it exists, looked up from the working directory upwards. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The file, or a skipped test saying which file of {@code shared/} was not found. */
    public static Path require(String relative) {
        Optional<Path> p = find(relative);
        assumeTrue(p.isPresent(), () -> "skipped: conformance file ../shared/" + relative
                + " is not present (it exists only beside the project's root on team machines and in CI)");
        return p.get();
    }
}
