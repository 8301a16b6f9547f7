package io.zagg.exec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * zagg's shard map: which granules each shard reads ({@code metadata}, {@code grid_signature},
 * {@code shard_keys}, {@code granules}). Shard keys are unsigned 64-bit morton words (HEALPix
 * words of base cells 7–11 are ≥ 2^63) and are parsed and written as unsigned integers, never
 * as signed or floating values.
 */
public final class ShardMap {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Map<String, Object> metadata;
    private final Map<String, Object> gridSignature;
    private final long[] shardKeys;
    private final List<List<GranuleRef>> granules;

    private ShardMap(Map<String, Object> metadata, Map<String, Object> gridSignature, long[] shardKeys,
            List<List<GranuleRef>> granules) {
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.gridSignature = Collections.unmodifiableMap(new LinkedHashMap<>(gridSignature));
        this.shardKeys = shardKeys.clone();
        List<List<GranuleRef>> copy = new ArrayList<>();
        for (List<GranuleRef> g : granules) {
            copy.add(List.copyOf(g));
        }
        this.granules = Collections.unmodifiableList(copy);
    }

    /**
     * A shard map over {@code shardKeys} (sorted here in unsigned order, as zagg writes them) with
     * the granules of each key.
     */
    public static ShardMap of(Map<String, Object> metadata, Map<String, Object> gridSignature,
            Map<Long, List<GranuleRef>> granulesByShard) {
        List<Long> keys = new ArrayList<>(granulesByShard.keySet());
        keys.sort(Long::compareUnsigned);
        long[] k = new long[keys.size()];
        List<List<GranuleRef>> g = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            k[i] = keys.get(i);
            g.add(granulesByShard.get(keys.get(i)));
        }
        return new ShardMap(metadata, gridSignature, k, g);
    }

    /** Reads a shard map; every message names the file and what is wrong in it. */
    public static ShardMap read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable shard map: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": a shard map is a JSON object");
        }
        for (String key : List.of("grid_signature", "shard_keys", "granules")) {
            if (!root.has(key)) {
                throw new IOException(file + ": not a zagg shard map: missing '" + key + "'");
            }
        }
        JsonNode keysNode = root.get("shard_keys");
        JsonNode granulesNode = root.get("granules");
        if (!keysNode.isArray() || !granulesNode.isArray() || keysNode.size() != granulesNode.size()) {
            throw new IOException(file + ": 'shard_keys' and 'granules' must be arrays of the same length");
        }
        long[] keys = new long[keysNode.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = parseUnsigned(keysNode.get(i), file, i);
        }
        List<List<GranuleRef>> granules = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            List<GranuleRef> refs = new ArrayList<>();
            for (JsonNode r : granulesNode.get(i)) {
                refs.add(GranuleRef.fromJson(r, file, Long.toUnsignedString(keys[i])));
            }
            granules.add(refs);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = root.has("metadata")
                ? JSON.convertValue(root.get("metadata"), LinkedHashMap.class) : new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> signature = JSON.convertValue(root.get("grid_signature"), LinkedHashMap.class);
        return new ShardMap(metadata, signature, keys, granules);
    }

    private static long parseUnsigned(JsonNode n, Path file, int index) throws IOException {
        BigInteger v;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else if (n.isTextual() && n.asText().matches("[0-9]+")) {
            v = new BigInteger(n.asText());
        } else {
            throw new IOException(file + ": shard_keys[" + index + "] = " + n + " is not an unsigned 64-bit integer");
        }
        if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
            throw new IOException(file + ": shard_keys[" + index + "] = " + v + " is outside 0..2^64-1");
        }
        return v.longValue();
    }

    /**
     * Checks that this map was built for {@code spatialSignature} as zagg does: the stored
     * {@code grid_signature}, restricted to the keys of the pipeline grid's spatial signature,
     * must equal it exactly (so a map is reusable across aggregation changes, not across
     * spatial ones).
     *
     * @throws IllegalArgumentException naming every key that differs
     */
    public void checkSignature(Map<String, ?> spatialSignature) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, ?> e : spatialSignature.entrySet()) {
            Object stored = gridSignature.get(e.getKey());
            if (!sameValue(stored, e.getValue())) {
                diffs.add(e.getKey() + ": shard map has " + stored + ", grid has " + e.getValue());
            }
        }
        if (!diffs.isEmpty()) {
            throw new IllegalArgumentException("shard map grid_signature does not match the grid (" + String.join("; ", diffs) + ")");
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public Map<String, Object> gridSignature() {
        return gridSignature;
    }

    public int size() {
        return shardKeys.length;
    }

    /** The shard key at {@code index} (raw unsigned bits). */
    public long shardKey(int index) {
        return shardKeys[index];
    }

    public List<GranuleRef> granules(int index) {
        return granules.get(index);
    }

    /** Index of {@code shardKey}, or -1. */
    public int indexOf(long shardKey) {
        for (int i = 0; i < shardKeys.length; i++) {
            if (shardKeys[i] == shardKey) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the map as zagg's {@code ShardMap.to_json} does: 2-space indent, unsigned keys. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeFieldName("metadata");
            g.writeObject(JSON.valueToTree(metadata));
            g.writeFieldName("grid_signature");
            g.writeObject(JSON.valueToTree(gridSignature));
            g.writeArrayFieldStart("shard_keys");
            for (long k : shardKeys) {
                g.writeNumber(Long.toUnsignedString(k));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("granules");
            for (List<GranuleRef> refs : granules) {
                g.writeStartArray();
                for (GranuleRef r : refs) {
                    g.writeStartObject();
                    for (Map.Entry<String, String> e : r.fields().entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
