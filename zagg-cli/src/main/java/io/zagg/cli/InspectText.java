package io.zagg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.store.JsonText;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link StoreInspection} report as aligned text: a few header lines, then one table per section. */
final class InspectText {

    private InspectText() {
    }

    static String of(JsonNode report) {
        StringBuilder out = new StringBuilder();
        Table head = new Table();
        head.row("store", report.get("store").asText());
        head.row("run", run(report.get("run")));
        head.appendTo(out);

        if (!report.get("groups").isEmpty()) {
            Table groups = new Table();
            groups.row("group", "attributes");
            for (JsonNode group : report.get("groups")) {
                groups.row(path(group), describeGroup(group));
            }
            out.append('\n');
            groups.appendTo(out);
        }

        Table arrays = new Table();
        arrays.row("array", "dtype", "shape", "chunks", "codecs", "fill", "chunk objects");
        Table summaries = new Table();
        summaries.row("array", "over", "non-fill", "min", "max", "mean");
        for (JsonNode array : report.get("arrays")) {
            arrays.row(path(array), array.get("data_type").asText(), tuple(array.get("shape")), tuple(array.get("chunk_shape")),
                    array.get("codecs").asText(), plain(array.get("fill_value")),
                    array.get("chunk_objects").asText() + " of " + array.get("chunk_grid_size").asText());
            JsonNode summary = array.get("summary");
            summaries.row(path(array), summary.get("over").asText(), summary.get("non_fill").asText(),
                    plain(summary.get("min")), plain(summary.get("max")), plain(summary.get("mean")));
        }
        out.append('\n');
        if (report.get("arrays").isEmpty()) {
            out.append("no arrays\n");
        } else {
            arrays.appendTo(out);
            out.append('\n');
            summaries.appendTo(out);
        }

        if (!report.get("ragged").isEmpty()) {
            Table ragged = new Table();
            ragged.row("ragged field", "csr groups", "cells", "rows");
            for (JsonNode field : report.get("ragged")) {
                ragged.row(path(field), field.get("csr_groups").asText(), field.get("cells").asText(), field.get("rows").asText());
            }
            out.append('\n');
            ragged.appendTo(out);
        }
        return out.toString();
    }

    private static String run(JsonNode run) {
        if (!run.get("finished").asBoolean()) {
            return "not finished (no zagg_run.json)";
        }
        JsonNode failed = run.get("failed_shards");
        long withData = run.get("shards_with_data").asLong();
        StringBuilder text = new StringBuilder("finished: ")
                .append(withData).append(withData == 1 ? " shard" : " shards").append(" with data, ")
                .append(run.get("shards_empty").asLong()).append(" empty, ")
                .append(failed.size()).append(" failed");
        if (!failed.isEmpty()) {
            List<String> ids = new ArrayList<>();
            failed.forEach(id -> ids.add(id.asText()));
            text.append(ids.size() == 1 ? " (shard " : " (shards ").append(String.join(", ", ids)).append(')');
        }
        return text.toString();
    }

    private static String describeGroup(JsonNode group) {
        JsonNode dggs = group.get("dggs");
        if (dggs != null) {
            List<String> parts = new ArrayList<>();
            dggs.fields().forEachRemaining(e -> parts.add(e.getKey().equals("name") ? "dggs " + plain(e.getValue()) : e.getKey() + " " + plain(e.getValue())));
            return String.join(", ", parts);
        }
        JsonNode ragged = group.get("ragged");
        if (ragged != null) {
            return "ragged " + ragged.path("layout").asText("?") + ", " + ragged.path("data_type").asText("?") + " rows of "
                    + tuple(ragged.path("inner_shape")) + ", per " + ragged.path("resolution").asText("?");
        }
        List<String> names = new ArrayList<>();
        group.get("attributes").forEach(n -> names.add(n.asText()));
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static String path(JsonNode node) {
        String path = node.get("path").asText();
        return path.isEmpty() ? "/" : path;
    }

    /** A shape as Python writes a tuple: {@code (3072,)}, {@code (3072, 3)}, {@code ()}. */
    private static String tuple(JsonNode list) {
        List<String> dims = new ArrayList<>();
        list.forEach(d -> dims.add(d.asText()));
        return "(" + String.join(", ", dims) + (dims.size() == 1 ? ",)" : ")");
    }

    /** A value as the JSON output writes it, without quotes; {@code -} for none. */
    private static String plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        return value.isTextual() ? value.asText() : JsonText.write(value);
    }

    /** Rows of cells, each column as wide as its widest cell, two spaces apart, no trailing space. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String... cells) {
            rows.add(cells);
        }

        void appendTo(StringBuilder out) {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(row[c]);
                    if (c < columns - 1) {
                        line.append(" ".repeat(width[c] - row[c].length() + 2));
                    }
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }
}
