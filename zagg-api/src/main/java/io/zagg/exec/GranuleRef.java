package io.zagg.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One granule record of a shard map: zagg's {@code {id, s3, https}} plus {@code path}, the local
 * file, which maps written by {@code zagg shardmap} carry. Only local files are read: a record
 * is resolved to its {@code path}, or to {@code id} inside one of the given search folders.
 */
public final class GranuleRef {

    private final Map<String, String> fields;

    private GranuleRef(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
        if (!fields.containsKey("id")) {
            throw new IllegalArgumentException("a granule record needs an 'id'");
        }
    }

    /** A record for a local file: {@code id} = the file name, {@code path} = the file. */
    public static GranuleRef local(Path file) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", file.getFileName().toString());
        f.put("path", file.toAbsolutePath().normalize().toString());
        return new GranuleRef(f);
    }

    static GranuleRef fromJson(JsonNode node, Path file, String shardKey) throws IOException {
        if (!node.isObject() || !node.has("id")) {
            throw new IOException(file + ": a granule record of shard " + shardKey + " has no 'id': " + node);
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String key : List.of("id", "s3", "https", "path")) {
            if (node.hasNonNull(key)) {
                f.put(key, node.get(key).asText());
            }
        }
        return new GranuleRef(f);
    }

    public String id() {
        return fields.get("id");
    }

    /** The record's fields in zagg's order: id, s3, https, path (absent ones left out). */
    Map<String, String> fields() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : List.of("id", "s3", "https", "path")) {
            if (fields.containsKey(key)) {
                ordered.put(key, fields.get(key));
            }
        }
        return ordered;
    }

    /**
     * The local file of this granule: its {@code path} when that file exists, else {@code id}
     * in the first search folder that has it.
     */
    public Optional<Path> resolve(List<Path> searchFolders) {
        String path = fields.get("path");
        if (path != null && Files.isRegularFile(Path.of(path))) {
            return Optional.of(Path.of(path));
        }
        for (Path folder : searchFolders) {
            Path candidate = folder.resolve(id());
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GranuleRef && ((GranuleRef) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields().toString();
    }
}
