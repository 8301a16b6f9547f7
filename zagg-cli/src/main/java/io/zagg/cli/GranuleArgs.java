package io.zagg.cli;

import io.zagg.Granules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code --granules} arguments (files, directories, globs such as {@code dir/ATL03_*.h5}) into {@link Granules}. */
final class GranuleArgs {

    private GranuleArgs() {
    }

    static Granules of(List<String> args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (arg.contains("*") || arg.contains("?") || arg.contains("[") || arg.contains("{")) {
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                files.addAll(Granules.in(dir, p.getFileName().toString()).files());
            } else if (Files.isDirectory(p)) {
                files.addAll(Granules.in(p).files());
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("granule " + arg + " does not exist");
            }
        }
        return Granules.of(files);
    }
}
