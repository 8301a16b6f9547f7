package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished run records in the store's {@code zagg_run.json}, the object written last:
 * its presence marks a finished run, and a run that starts on the store removes it first.
 * Immutable.
 */
public final class RunRecord {

    /** The key of the record at the store root. */
    public static final String KEY = "zagg_run.json";

    private final long shardsWithData;
    private final long shardsEmpty;
    private final List<Long> failedShards;

    private RunRecord(long shardsWithData, long shardsEmpty, List<Long> failedShards) {
        this.shardsWithData = shardsWithData;
        this.shardsEmpty = shardsEmpty;
        this.failedShards = List.copyOf(failedShards);
    }

    /**
     * @param shardsWithData shards that wrote data
     * @param shardsEmpty    shards that had no data after filtering
     * @param failedShards   NESTED ids of shards that failed (their objects may be missing)
     */
    public static RunRecord of(long shardsWithData, long shardsEmpty, List<Long> failedShards) {
        if (shardsWithData < 0 || shardsEmpty < 0) {
            throw new IllegalArgumentException("shard counts " + shardsWithData + " / " + shardsEmpty + " must not be negative");
        }
        return new RunRecord(shardsWithData, shardsEmpty, failedShards);
    }

    public long shardsWithData() {
        return shardsWithData;
    }

    public long shardsEmpty() {
        return shardsEmpty;
    }

    public List<Long> failedShards() {
        return failedShards;
    }

    ObjectNode toJson(String group) {
        ObjectNode json = JsonText.object();
        json.put("zagg_run_record", 1);
        json.put("group", group);
        json.put("shards_with_data", shardsWithData);
        json.put("shards_empty", shardsEmpty);
        ArrayNode failed = json.putArray("failed_shards");
        failedShards.forEach(failed::add);
        return json;
    }

    static RunRecord fromJson(ObjectNode json) {
        if (json.path("zagg_run_record").asInt() != 1) {
            throw new IllegalArgumentException(KEY + " is not a version 1 zagg run record");
        }
        List<Long> failed = new ArrayList<>();
        for (JsonNode id : json.path("failed_shards")) {
            failed.add(id.longValue());
        }
        return of(json.path("shards_with_data").longValue(), json.path("shards_empty").longValue(), failed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunRecord && ((RunRecord) o).shardsWithData == shardsWithData
                && ((RunRecord) o).shardsEmpty == shardsEmpty && ((RunRecord) o).failedShards.equals(failedShards);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(shardsWithData) * 31 + Long.hashCode(shardsEmpty) * 17 + failedShards.hashCode();
    }

    @Override
    public String toString() {
        return "RunRecord[" + shardsWithData + " shards with data, " + shardsEmpty + " empty, failed " + failedShards + "]";
    }
}
