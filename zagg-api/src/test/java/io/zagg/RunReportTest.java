package io.zagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static final long HIGH_KEY = 0xA092000000000006L; // 11570310392668225542

    @Test
    void jsonCarriesTotalsAndUnsignedShardKeys() throws Exception {
        ShardReport ok = ShardReport.builder(HIGH_KEY).status(ShardStatus.OK).cellsWithData(3).totalObs(10)
                .granuleCount(2).filesProcessed(2).invalidCoordinates(1)
                .addReadError(new ReadError("g2.h5", "gt3r", "dataset /gt3r/heights/h_ph is missing"))
                .phases(new ShardReport.PhaseSeconds(0.5, 0.25, 0.125, 0.0625)).peakCarrierBytes(4096).build();
        ShardReport empty = ShardReport.builder(7).status(ShardStatus.EMPTY).build();
        ShardReport failed = ShardReport.builder(8).status(ShardStatus.FAILED).error("disk full").build();
        RunReport run = new RunReport("/tmp/out.zarr", "plain", 1.5, List.of(ok, empty, failed));

        assertFalse(run.succeeded());
        assertEquals(10, run.totalObs());
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readTree(run.toJson());
        assertEquals(3, json.get("total_shards").asInt());
        assertEquals(1, json.get("shards_failed").asInt());
        JsonNode first = json.get("results").get(0);
        assertEquals("11570310392668225542", first.get("shard_key").bigIntegerValue().toString());
        assertEquals(1, first.get("read_errors").asInt());
        assertEquals("gt3r", first.get("read_error_details").get(0).get("beam").asText());
        assertEquals(0.125, first.get("phase_timings").get("aggregate").asDouble());
        assertTrue(json.get("results").get(1).get("error").isNull());
        assertEquals("disk full", json.get("results").get(2).get("error").asText());
    }

    @Test
    void aFailedShardNeedsItsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardReport.builder(1).status(ShardStatus.FAILED).build());
        assertEquals("a FAILED shard report needs an error", e.getMessage());
    }

    @Test
    void emptyShardsDoNotFailARun() {
        RunReport run = new RunReport(null, "arrow", 0, List.of(ShardReport.builder(1).status(ShardStatus.EMPTY).build()));
        assertTrue(run.succeeded());
        assertEquals("granule.h5 gt1l: bad", new ReadError("granule.h5", "gt1l", "bad").toString());
    }
}
