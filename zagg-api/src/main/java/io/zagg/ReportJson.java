package io.zagg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes a {@link RunReport} as JSON with zagg's summary keys; shard keys as unsigned numbers. */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    static String write(RunReport r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            if (r.store() != null) {
                g.writeStringField("store_path", r.store());
            }
            g.writeStringField("carrier", r.carrier());
            g.writeNumberField("wall_time_s", r.wallSeconds());
            g.writeNumberField("total_shards", r.shards().size());
            g.writeNumberField("shards_ok", r.count(ShardStatus.OK));
            g.writeNumberField("shards_empty", r.count(ShardStatus.EMPTY));
            g.writeNumberField("shards_failed", r.count(ShardStatus.FAILED));
            g.writeNumberField("total_obs", r.totalObs());
            g.writeNumberField("cells_with_data", r.cellsWithData());
            g.writeArrayFieldStart("results");
            for (ShardReport s : r.shards()) {
                writeShard(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeShard(JsonGenerator g, ShardReport s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("shard_key");
        g.writeNumber(Long.toUnsignedString(s.shardKey()));
        g.writeStringField("status", s.status().name());
        g.writeNumberField("cells_with_data", s.cellsWithData());
        g.writeNumberField("total_obs", s.totalObs());
        g.writeNumberField("granule_count", s.granuleCount());
        g.writeNumberField("files_processed", s.filesProcessed());
        g.writeNumberField("duration_s", s.durationSeconds());
        g.writeFieldName("error");
        if (s.error().isPresent()) {
            g.writeString(s.error().get());
        } else {
            g.writeNull();
        }
        g.writeNumberField("read_errors", s.readErrors().size());
        g.writeArrayFieldStart("read_error_details");
        for (ReadError e : s.readErrors()) {
            g.writeStartObject();
            g.writeStringField("granule", e.granule());
            g.writeStringField("beam", e.beam());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("invalid_coordinates", s.invalidCoordinates());
        g.writeObjectFieldStart("phase_timings");
        g.writeNumberField("read", s.phases().read());
        g.writeNumberField("index", s.phases().index());
        g.writeNumberField("aggregate", s.phases().aggregate());
        g.writeNumberField("write", s.phases().write());
        g.writeEndObject();
        g.writeNumberField("decoded_input_bytes", s.decodedInputBytes());
        g.writeNumberField("peak_carrier_bytes", s.peakCarrierBytes());
        g.writeEndObject();
    }
}
