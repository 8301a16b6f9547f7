package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes one run into a store: the template once ({@link #create}), then any number of shards,
 * concurrently ({@link #shard}), then the consolidated metadata and the run record
 * ({@link #finish}). Thread-safe; each {@link ShardWriter} is used by one thread.
 *
 * <p>Overwrite rules: a store with no {@code zarr.json} must be empty (we never write into a
 * directory that holds something else). Without overwrite, an existing store must hold exactly
 * this template — otherwise {@link StoreConflictException} lists every difference — and its
 * shards are then rewritten in place (objects of shards this run does not write stay). With
 * overwrite, the old content is deleted first. Either way the run record is removed before the
 * first shard, so an interrupted run never looks finished.
 */
public final class StoreWriter {

    private final Store store;
    private final StoreTemplate template;
    private final Set<Long> openShards = ConcurrentHashMap.newKeySet();
    /** True when this run created the store empty: no object of a shard exists before the shard's first writer. */
    private final boolean fresh;
    private final Set<Long> startedShards = ConcurrentHashMap.newKeySet();
    private volatile boolean finished;
    private final ChunkCoordinates coordinates;
    /** Coordinate buffers of closed shard writers, for the next ones: as many as shards were written at once. */
    private final Queue<ByteBuffer> coordinateBuffers = new ConcurrentLinkedQueue<>();

    private StoreWriter(Store store, StoreTemplate template, boolean fresh) {
        this.store = store;
        this.template = template;
        this.fresh = fresh;
        this.coordinates = new ChunkCoordinates(template.geometry());
    }

    /**
     * Prepares {@code store} for a run of {@code template}: writes the template (atomically,
     * node by node) into an empty store or, with {@code overwrite}, over an existing one; keeps
     * an existing store with the same template.
     *
     * @throws StoreConflictException when the store holds another template and {@code overwrite} is false
     * @throws IllegalStateException when the location holds files but no Zarr store
     */
    public static StoreWriter create(Store store, StoreTemplate template, boolean overwrite) throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(template, "template");
        if (check(store, template, overwrite)) {
            store.delete(RunRecord.KEY);
            if (!overwrite) {
                return new StoreWriter(store, template, false);
            }
            store.deleteAll("");
        }
        StoreWriter writer = new StoreWriter(store, template, true);
        for (Map.Entry<String, ObjectNode> node : template.documents().entrySet()) {
            store.put(Keys.metadata(node.getKey()), ByteBuffer.wrap(JsonText.bytes(node.getValue())));
        }
        return writer;
    }

    /**
     * Checks, without writing, that {@link #create} may use {@code store} for {@code template}.
     *
     * @return whether a Zarr store already exists there
     * @throws StoreConflictException when the store holds another template and {@code overwrite} is false
     * @throws IllegalStateException when the location holds files but no Zarr store
     */
    public static boolean check(Store store, StoreTemplate template, boolean overwrite) throws IOException {
        if (store.exists(Keys.METADATA)) {
            if (!overwrite) {
                List<String> differences = differences(store, template);
                if (!differences.isEmpty()) {
                    throw new StoreConflictException(store.location(), differences);
                }
            }
            return true;
        }
        if (!store.list("").isEmpty()) {
            throw new IllegalStateException("store " + store.location() + " holds " + store.list("")
                    + " but no zarr.json: it is not a Zarr store, and nothing is written into it");
        }
        return false;
    }

    /**
     * Joins a run whose template another process wrote (a distributed worker): checks the store
     * holds exactly {@code template} and writes nothing.
     *
     * @throws StoreConflictException when the store holds another template
     * @throws IllegalStateException when the store has no template yet
     */
    public static StoreWriter attach(Store store, StoreTemplate template) throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(template, "template");
        if (!store.exists(Keys.METADATA)) {
            throw new IllegalStateException("store " + store.location() + " has no template yet; create it before attaching workers");
        }
        List<String> differences = differences(store, template);
        if (!differences.isEmpty()) {
            throw new StoreConflictException(store.location(), differences);
        }
        return new StoreWriter(store, template, false);
    }

    /** Every difference between the stored nodes and the template's, one line each. */
    static List<String> differences(Store store, StoreTemplate template) throws IOException {
        List<String> out = new ArrayList<>();
        Map<String, ObjectNode> expected = template.documents();
        for (Map.Entry<String, ObjectNode> node : expected.entrySet()) {
            String path = node.getKey();
            ObjectNode want = node.getValue();
            String label = label(path, want);
            Optional<ObjectNode> stored = Hierarchy.node(store, path);
            if (stored.isEmpty()) {
                out.add(label + ": missing from the existing store");
                continue;
            }
            ObjectNode have = stored.get().deepCopy();
            have.remove("consolidated_metadata");
            if (path.isEmpty()) {
                // the root's attributes are the user's; only its kind matters
                MetadataDiff.compare(label, have.path("node_type"), want.path("node_type"), out);
            } else {
                MetadataDiff.compare(label, have, want, out);
            }
        }
        String group = template.groupPath();
        for (String name : store.list(group)) {
            String path = Keys.join(group, name);
            if (!name.equals(Keys.METADATA) && !expected.containsKey(path)) {
                Optional<ObjectNode> extra = Hierarchy.node(store, path);
                if (extra.isPresent()) {
                    out.add(label(path, extra.get()) + ": in the existing store but not in this template");
                }
            }
        }
        return out;
    }

    private static String label(String path, JsonNode doc) {
        if (path.isEmpty()) {
            return "root group";
        }
        return doc.path("node_type").asText("node") + " " + path;
    }

    /**
     * A writer for the objects of {@code shard} (its NESTED id at the shard order).
     *
     * @throws IllegalStateException when the run is finished or the shard is already being written
     */
    public ShardWriter shard(long shard) {
        template.geometry().firstChunk(shard);
        if (finished) {
            throw new IllegalStateException("the run on " + store.location() + " is finished; no more shards can be written");
        }
        if (!openShards.add(shard)) {
            throw new IllegalStateException("shard " + shard + " is already being written");
        }
        // in a store this run created, a shard's first writer finds none of its objects: an empty
        // chunk has nothing to delete (a second writer, e.g. a retry, may find its predecessor's)
        boolean nothingStored = fresh && startedShards.add(shard);
        return new ShardWriter(this, shard, nothingStored);
    }

    void closed(long shard) {
        openShards.remove(shard);
    }

    ChunkCoordinates coordinates() {
        return coordinates;
    }

    /**
     * A buffer for one coordinate chunk, direct so that a file store writes it without the
     * JDK's copy into a temporary direct buffer; give it back with {@link #release(ByteBuffer)}.
     */
    ByteBuffer coordinateBuffer() {
        ByteBuffer buffer = coordinateBuffers.poll();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(coordinates.chunkBytes());
    }

    void release(ByteBuffer coordinateBuffer) {
        coordinateBuffers.add(coordinateBuffer);
    }

    Store store() {
        return store;
    }

    StoreTemplate template() {
        return template;
    }

    /**
     * Ends the run: writes the consolidated metadata of every node into the root
     * {@code zarr.json} (as zarr-python 3's {@code consolidate_metadata} does), then the run
     * record, last.
     *
     * @throws IllegalStateException when shard writers are still open or the run is finished
     */
    public synchronized void finish(RunRecord record) throws IOException {
        Objects.requireNonNull(record, "record");
        if (finished) {
            throw new IllegalStateException("the run on " + store.location() + " is already finished");
        }
        if (!openShards.isEmpty()) {
            throw new IllegalStateException(openShards.size() + " shard writers are still open: " + openShards);
        }
        store.put(Keys.METADATA, ByteBuffer.wrap(JsonText.bytes(consolidated(store))));
        store.put(RunRecord.KEY, ByteBuffer.wrap(JsonText.bytes(record.toJson(template.groupPath()))));
        finished = true;
    }

    /** The root group's metadata with every node below it inline. */
    static ObjectNode consolidated(Store store) throws IOException {
        ObjectNode root = Hierarchy.node(store, "").orElseThrow(() -> new IllegalStateException("store " + store.location() + " has no root zarr.json"));
        ObjectNode metadata = JsonText.object();
        for (Map.Entry<String, ObjectNode> node : Hierarchy.below(store, "").entrySet()) {
            ObjectNode doc = node.getValue();
            metadata.set(node.getKey(), Hierarchy.isGroup(doc) ? consolidatedGroup(doc.path("attributes"), JsonText.object()) : doc);
        }
        return consolidatedGroup(root.path("attributes"), metadata);
    }

    /** A group as zarr-python writes one with consolidated metadata (empty for the groups inside). */
    private static ObjectNode consolidatedGroup(JsonNode attributes, ObjectNode metadata) {
        ObjectNode doc = JsonText.object();
        doc.set("attributes", attributes.isObject() ? attributes : JsonText.object());
        doc.put("zarr_format", 3);
        doc.putObject("consolidated_metadata")
                .put("kind", "inline")
                .put("must_understand", false)
                .set("metadata", metadata);
        doc.put("node_type", "group");
        return doc;
    }
}
