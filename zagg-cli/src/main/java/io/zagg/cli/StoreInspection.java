package io.zagg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.store.ArraySpec;
import io.zagg.store.RunRecord;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code zagg inspect} reports about a store, as one JSON tree (keys in a fixed order) that
 * both the {@code --json} output and the text output are written from: the run record, the
 * groups with their key attributes, every array with its layout, the number of chunk objects
 * stored and a summary of the values in them, and every ragged (CSR) field.
 *
 * <p>The groups and arrays inside a ragged field (one CSR group per chunk) are not listed one by
 * one: the field's entry counts them. Values are read chunk by chunk; the metadata alone says
 * how many rows and cells a CSR group holds.
 */
final class StoreInspection {

    /** The group attribute with which zagg marks a ragged field's group. */
    static final String RAGGED_ATTRIBUTE = "zagg_ragged";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StoreInspection() {
    }

    /** Reads the store's metadata, listings and stored chunks into the report. */
    static ObjectNode of(StoreReader reader) throws IOException {
        ObjectNode report = NODES.objectNode();
        report.put("store", reader.location());
        report.set("run", run(reader.runRecord()));
        List<String> ragged = new ArrayList<>();
        ArrayNode groups = report.putArray("groups");
        List<String> paths = new ArrayList<>();
        if (!reader.arrays().contains("")) {
            paths.add("");
        }
        paths.addAll(reader.groups());
        for (String path : paths) {
            if (insideAny(path, ragged)) {
                continue;
            }
            ObjectNode attributes = reader.attributes(path);
            if (attributes.path(RAGGED_ATTRIBUTE).isObject()) {
                ragged.add(path);
            }
            groups.add(group(path, attributes));
        }
        ArrayNode arrays = report.putArray("arrays");
        for (String path : reader.arrays()) {
            if (!insideAny(path, ragged)) {
                arrays.add(array(reader, path));
            }
        }
        ArrayNode raggedFields = report.putArray("ragged");
        for (String path : ragged) {
            raggedFields.add(raggedField(reader, path));
        }
        return report;
    }

    private static boolean insideAny(String path, List<String> groups) {
        for (String group : groups) {
            if (path.startsWith(group + "/")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode run(Optional<RunRecord> record) {
        ObjectNode run = NODES.objectNode();
        run.put("finished", record.isPresent());
        record.ifPresent(r -> {
            run.put("shards_with_data", r.shardsWithData());
            run.put("shards_empty", r.shardsEmpty());
            ArrayNode failed = run.putArray("failed_shards");
            r.failedShards().forEach(failed::add);
        });
        return run;
    }

    /** A group: its attribute names, and the DGGS or ragged-field attributes that say what it is. */
    private static ObjectNode group(String path, ObjectNode attributes) {
        ObjectNode group = NODES.objectNode();
        group.put("path", path);
        ArrayNode names = group.putArray("attributes");
        attributes.fieldNames().forEachRemaining(names::add);
        JsonNode dggs = attributes.path("dggs");
        if (dggs.isObject()) {
            ObjectNode key = group.putObject("dggs");
            for (String name : new String[] {"name", "refinement_level", "indexing_scheme"}) {
                if (dggs.has(name)) {
                    key.set(name, dggs.get(name));
                }
            }
        }
        if (attributes.path(RAGGED_ATTRIBUTE).isObject()) {
            group.set("ragged", attributes.get(RAGGED_ATTRIBUTE));
        }
        return group;
    }

    private static ObjectNode array(StoreReader reader, String path) throws IOException {
        ArraySpec spec = reader.array(path);
        ObjectNode array = NODES.objectNode();
        array.put("path", path);
        array.put("data_type", spec.dtype().numpyName());
        ArrayNode shape = array.putArray("shape");
        for (long d : spec.shape()) {
            shape.add(d);
        }
        ArrayNode chunks = array.putArray("chunk_shape");
        for (int d : spec.chunkShape()) {
            chunks.add(d);
        }
        array.put("codecs", codecs(spec.codecsJson()));
        array.set("fill_value", spec.fillValue().toJson());
        array.put("chunk_objects", reader.storedChunkCount(path));
        long grid = 1;
        for (long d : spec.chunkGridShape()) {
            grid = Math.multiplyExact(grid, d);
        }
        array.put("chunk_grid_size", grid);
        FieldSummary summary = new FieldSummary(spec.fillValue());
        reader.forEachStoredChunk(path, (origin, extent, elements) -> summary.add(elements));
        ObjectNode values = array.putObject("summary");
        values.put("over", unit(spec));
        values.put("non_fill", summary.count());
        values.set("min", summary.min());
        values.set("max", summary.max());
        values.set("mean", summary.mean());
        return array;
    }

    /**
     * What one summarised element is: a cell (or chunk, for a companion) of a one-dimensional
     * array named by its dimension, else an element of a vector (all elements are counted).
     */
    private static String unit(ArraySpec spec) {
        List<String> dims = spec.dimensionNames();
        if (spec.shape().length == 1 && dims.size() == 1 && dims.get(0) != null && !dims.get(0).isEmpty()) {
            return dims.get(0);
        }
        return "elements";
    }

    /** A codec list in short form: {@code bytes+zstd(3)}, {@code sharding_indexed(inner 4096, bytes)}. */
    static String codecs(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (JsonNode codec : list) {
            String name = codec.path("name").asText();
            JsonNode config = codec.path("configuration");
            switch (name) {
                case "zstd":
                    names.add("zstd(" + config.path("level").asInt() + (config.path("checksum").asBoolean(false) ? ", checksum)" : ")"));
                    break;
                case "gzip":
                    names.add("gzip(" + config.path("level").asInt() + ")");
                    break;
                case "sharding_indexed":
                    List<String> inner = new ArrayList<>();
                    config.path("chunk_shape").forEach(d -> inner.add(d.asText()));
                    names.add("sharding_indexed(inner " + String.join("x", inner) + ", " + codecs(config.path("codecs"))
                            + (config.path("index_location").asText("end").equals("start") ? ", index at start" : "") + ")");
                    break;
                default:
                    names.add(name);
            }
        }
        return String.join("+", names);
    }

    /** A ragged field: its CSR groups (one per chunk with a block) and the cells and rows they hold. */
    private static ObjectNode raggedField(StoreReader reader, String path) {
        long blocks = 0;
        long cells = 0;
        long rows = 0;
        for (String group : reader.groups()) {
            if (group.startsWith(path + "/") && group.indexOf('/', path.length() + 1) < 0) {
                blocks++;
                cells += reader.array(group + "/cell_ids").shape()[0];
                rows += reader.array(group + "/values").shape()[0];
            }
        }
        ObjectNode field = NODES.objectNode();
        field.put("path", path);
        field.put("csr_groups", blocks);
        field.put("cells", cells);
        field.put("rows", rows);
        return field;
    }
}
