package io.zagg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import io.zagg.exec.ShardMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, immutable list of local HDF5 granule files. The order is the read order, and so
 * the order of rows within a cell: (granule, beam, file row).
 *
 * <p>Every source of granules ends here: explicit files, a directory, a glob — and, per shard,
 * the granules a shard map lists for it, which the pipeline narrows to with
 * {@link #of(List)}.
 */
public final class Granules implements Iterable<Path> {

    private final List<Path> files;
    private final ShardMapSource shardMap;

    private Granules(List<Path> files) {
        this(files, null);
    }

    private Granules(List<Path> files, ShardMapSource shardMap) {
        this.files = List.copyOf(files);
        this.shardMap = shardMap;
    }

    /**
     * The shards and granules of a zagg shard map (its JSON, keys as unsigned 64-bit integers):
     * a run processes exactly those shards, each with its listed granules, after checking the
     * map's {@code grid_signature} against the pipeline's grid. Only local files are read: a
     * record resolves to its {@code path}, else to its {@code id} in the map's own folder or in
     * one of {@code searchFolders}.
     *
     * @throws UncheckedIOException naming the file when it cannot be read as a shard map
     */
    public static Granules shardMap(Path mapFile, Path... searchFolders) {
        ShardMap map;
        try {
            map = ShardMap.read(mapFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        List<Path> folders = new ArrayList<>();
        Path parent = mapFile.toAbsolutePath().getParent();
        if (parent != null) {
            folders.add(parent);
        }
        folders.addAll(Arrays.asList(searchFolders));
        return new Granules(List.of(), new ShardMapSource(mapFile, map, List.copyOf(folders)));
    }

    /** The shard map these granules come from, when they do. */
    public Optional<ShardMapSource> shardMap() {
        return Optional.ofNullable(shardMap);
    }

    /** A shard map and where its granules are looked for. */
    public record ShardMapSource(Path file, ShardMap map, List<Path> searchFolders) {
    }

    /** These files, in this order. Existence is checked when a file is read. */
    public static Granules of(Path... files) {
        return of(Arrays.asList(files));
    }

    public static Granules of(List<Path> files) {
        for (Path p : files) {
            Objects.requireNonNull(p, "granule path");
        }
        return new Granules(files);
    }

    /** The {@code *.h5} files of a directory, sorted by file name. */
    public static Granules in(Path directory) {
        return in(directory, "*.h5");
    }

    /**
     * The files of a directory whose names match a glob ({@code "ATL03_2019*.h5"},
     * {@code "*.{h5,hdf5}"}), sorted by file name.
     *
     * @throws IllegalArgumentException if the directory does not exist or nothing matches
     */
    public static Granules in(Path directory, String glob) {
        Objects.requireNonNull(glob, "glob");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("granule directory " + directory + " does not exist or is not a directory");
        }
        PathMatcher matcher = directory.getFileSystem().getPathMatcher("glob:" + glob);
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && matcher.matches(p.getFileName())) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list granule directory " + directory, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no granule in " + directory + " matches '" + glob + "'");
        }
        found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return new Granules(found);
    }

    public List<Path> files() {
        return files;
    }

    /** The number of files; for a shard map, the number of its distinct granule records. */
    public int size() {
        if (shardMap == null) {
            return files.size();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < shardMap.map().size(); i++) {
            shardMap.map().granules(i).forEach(g -> ids.add(g.id()));
        }
        return ids.size();
    }

    @Override
    public Iterator<Path> iterator() {
        return files.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Granules && files.equals(((Granules) o).files) && Objects.equals(shardMap, ((Granules) o).shardMap);
    }

    @Override
    public int hashCode() {
        return files.hashCode() * 31 + Objects.hashCode(shardMap);
    }

    @Override
    public String toString() {
        if (shardMap != null) {
            return "Granules[shard map " + shardMap.file() + ": " + shardMap.map().size() + " shards]";
        }
        return files.size() <= 3 ? "Granules" + files : "Granules[" + files.get(0) + ", ... " + files.size() + " files]";
    }
}
