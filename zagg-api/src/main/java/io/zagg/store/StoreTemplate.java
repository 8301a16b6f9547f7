package io.zagg.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * zagg's store layout for one run, written once before any shard: the root group, the group
 * {@code {cellOrder}/} with the DGGS convention attributes, the coordinate arrays
 * {@code cell_ids} and {@code morton} (uint64), one array per scalar or vector field (per cell,
 * or per chunk for a companion), and one plain group per ragged field under which each chunk
 * gets its CSR group. Immutable.
 */
public final class StoreTemplate {

    static final String CONVENTION_SCHEMA = "https://raw.githubusercontent.com/zarr-conventions/dggs/refs/tags/v1/schema.json";
    static final String CONVENTION_SPEC = "https://github.com/zarr-conventions/dggs/blob/v1/README.md";
    static final String CONVENTION_UUID = "7b255807-140c-42ca-97f6-7a1cfecdbc38";

    /** The most inner chunks one shard object may index (a 16 MiB index). */
    static final long MAX_CHUNKS_PER_SHARD = 1L << 20;

    /** What an array of the template holds, which decides how a shard writes it. */
    enum Role {
        /** {@code cell_ids}, {@code morton}: per cell, written for every chunk given, never skipped as fill. */
        COORDINATE,
        /** A scalar or vector field per cell. */
        CELLS,
        /** A field stored once per chunk. */
        COMPANION
    }

    /** One array of the template. */
    static final class Member {
        final String name;
        final Role role;
        final ArraySpec spec;

        Member(String name, Role role, ArraySpec spec) {
            this.name = name;
            this.role = role;
            this.spec = spec;
        }
    }

    private final HealpixGeometry geometry;
    private final Compressor compressor;
    private final List<FieldSpec> fields;
    private final String group;
    private final Map<String, Member> members;
    private final Map<String, FieldSpec> ragged;

    private StoreTemplate(HealpixGeometry geometry, Compressor compressor, List<FieldSpec> fields) {
        this.geometry = geometry;
        this.compressor = compressor;
        this.fields = List.copyOf(fields);
        this.group = Integer.toString(geometry.cellOrder());
        Map<String, Member> arrays = new LinkedHashMap<>();
        Map<String, FieldSpec> raggedFields = new LinkedHashMap<>();
        arrays.put(FieldSpec.CELL_IDS, member(FieldSpec.CELL_IDS, Role.COORDINATE, FillValue.zero(DType.UINT64), new int[0]));
        arrays.put(FieldSpec.MORTON, member(FieldSpec.MORTON, Role.COORDINATE, FillValue.zero(DType.UINT64), new int[0]));
        for (FieldSpec field : this.fields) {
            if (arrays.containsKey(field.name()) || raggedFields.containsKey(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " is declared twice");
            }
            if (field.kind() == FieldSpec.Kind.RAGGED) {
                raggedFields.put(field.name(), field);
            } else {
                Role role = field.resolution() == FieldSpec.Resolution.CHUNK ? Role.COMPANION : Role.CELLS;
                arrays.put(field.name(), member(field.name(), role, field.fillValue(), field.shape()));
            }
        }
        this.members = Collections.unmodifiableMap(arrays);
        this.ragged = Collections.unmodifiableMap(raggedFields);
    }

    /**
     * The layout of a run with these fields.
     *
     * @throws IllegalArgumentException when a field name repeats, or a chunk or shard object
     *         would exceed 2 GiB
     */
    public static StoreTemplate of(HealpixGeometry geometry, Compressor compressor, List<FieldSpec> fields) {
        return new StoreTemplate(Objects.requireNonNull(geometry, "geometry"), Objects.requireNonNull(compressor, "compressor"),
                Objects.requireNonNull(fields, "fields"));
    }

    private Member member(String name, Role role, FillValue fill, int[] trailing) {
        String path = Keys.join(group, name);
        int rank = 1 + trailing.length;
        long[] shape = new long[rank];
        int[] chunk = new int[rank];
        List<String> dims = new ArrayList<>();
        for (int d = 0; d < trailing.length; d++) {
            shape[d + 1] = trailing[d];
            chunk[d + 1] = trailing[d];
        }
        CodecChain codecs = CodecChain.plain(compressor);
        if (role == Role.COMPANION) {
            shape[0] = geometry.chunkCount();
            chunk[0] = 1;
            dims.add("chunks");
        } else {
            shape[0] = geometry.cellCount();
            chunk[0] = geometry.cellsPerChunk();
            dims.add("cells");
            if (geometry.isSharded()) {
                int[] inner = chunk.clone();
                if (geometry.cellsPerShard() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("array " + path + ": a shard of " + geometry.cellsPerShard() + " cells does not fit in one object");
                }
                chunk[0] = (int) geometry.cellsPerShard();
                if (geometry.chunksPerShard() > MAX_CHUNKS_PER_SHARD) {
                    throw new IllegalArgumentException("array " + path + ": " + geometry.chunksPerShard() + " chunks per shard is over the "
                            + MAX_CHUNKS_PER_SHARD + " a shard index holds here; choose a chunk order at most 10 below the shard order");
                }
                codecs = CodecChain.sharded(inner, codecs);
            }
        }
        if (trailing.length == 1) {
            dims.add("vector");
        } else {
            for (int d = 0; d < trailing.length; d++) {
                dims.add("vector_" + d);
            }
        }
        return new Member(name, role, ArraySpec.of(path, fill, shape, chunk, codecs, dims, JsonText.object()));
    }

    public HealpixGeometry geometry() {
        return geometry;
    }

    public Compressor compressor() {
        return compressor;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** The group every array lives in: the cell order, e.g. {@code "19"}. */
    public String groupPath() {
        return group;
    }

    /** The arrays, in write order: {@code cell_ids}, {@code morton}, then the fields as declared. */
    public List<ArraySpec> arrays() {
        List<ArraySpec> out = new ArrayList<>();
        members.values().forEach(m -> out.add(m.spec));
        return Collections.unmodifiableList(out);
    }

    /** The array named {@code name} (a field or coordinate), or null. */
    Member member(String name) {
        return members.get(name);
    }

    /** The ragged field named {@code name}, or null. */
    FieldSpec raggedField(String name) {
        return ragged.get(name);
    }

    /** The group attributes: the DGGS convention as zagg writes it. */
    ObjectNode groupAttributes() {
        ObjectNode attributes = JsonText.object();
        ArrayNode conventions = attributes.putArray("zarr_conventions");
        conventions.addObject()
                .put("schema_url", CONVENTION_SCHEMA)
                .put("spec_url", CONVENTION_SPEC)
                .put("uuid", CONVENTION_UUID)
                .put("name", "dggs")
                .put("description", "Discrete Global Grid Systems convention for zarr");
        ObjectNode dggs = attributes.putObject("dggs")
                .put("name", "healpix")
                .put("refinement_level", geometry.cellOrder())
                .put("indexing_scheme", "nested")
                .put("spatial_dimension", "cells");
        dggs.putObject("ellipsoid")
                .put("name", "WGS84")
                .put("semimajor_axis", 6378137.0)
                .put("inverse_flattening", 298.257223563);
        dggs.put("coordinate", FieldSpec.CELL_IDS).put("compression", "none");
        return attributes;
    }

    /** What a ragged field's group records, so a reader knows the rows without opening a block. */
    static ObjectNode raggedAttributes(FieldSpec field) {
        ObjectNode attributes = JsonText.object();
        ObjectNode csr = attributes.putObject("zagg_ragged");
        csr.put("layout", "csr");
        csr.put("data_type", field.dtype().numpyName());
        ArrayNode inner = csr.putArray("inner_shape");
        for (int d : field.shape()) {
            inner.add(d);
        }
        csr.put("resolution", field.resolution().name().toLowerCase(java.util.Locale.ROOT));
        return attributes;
    }

    /** A group's {@code zarr.json} as zarr-python writes one without consolidated metadata. */
    static ObjectNode groupJson(ObjectNode attributes) {
        ObjectNode doc = JsonText.object();
        doc.set("attributes", attributes);
        doc.put("zarr_format", 3);
        doc.put("node_type", "group");
        return doc;
    }

    /** Every node's metadata by node path, in write order: root, group, arrays, ragged groups. */
    Map<String, ObjectNode> documents() {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put("", groupJson(JsonText.object()));
        docs.put(group, groupJson(groupAttributes()));
        for (Member m : members.values()) {
            docs.put(m.spec.path(), m.spec.toJson());
        }
        for (FieldSpec field : ragged.values()) {
            docs.put(Keys.join(group, field.name()), groupJson(raggedAttributes(field)));
        }
        return docs;
    }

    /** The CSR arrays of one chunk's block of a ragged field. */
    ArraySpec csrValues(FieldSpec field, long block, long rows) {
        int[] inner = field.shape();
        long[] shape = new long[1 + inner.length];
        int[] chunk = new int[1 + inner.length];
        shape[0] = rows;
        chunk[0] = Math.toIntExact(Math.max(1, rows));
        for (int d = 0; d < inner.length; d++) {
            shape[d + 1] = inner[d];
            chunk[d + 1] = inner[d];
        }
        return ArraySpec.of(csrPath(field, block, "values"), field.fillValue(), shape, chunk, CodecChain.plain(compressor), null, null);
    }

    ArraySpec csrIndex(FieldSpec field, long block, String name, long length) {
        return ArraySpec.of(csrPath(field, block, name), FillValue.zero(DType.INT64), new long[] {length},
                new int[] {Math.toIntExact(Math.max(1, length))}, CodecChain.plain(compressor), null, null);
    }

    String csrGroup(FieldSpec field, long block) {
        return Keys.join(Keys.join(group, field.name()), Long.toString(block));
    }

    private String csrPath(FieldSpec field, long block, String name) {
        return Keys.join(csrGroup(field, block), name);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoreTemplate)) {
            return false;
        }
        StoreTemplate t = (StoreTemplate) o;
        return t.geometry.equals(geometry) && t.compressor.equals(compressor) && t.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(geometry, compressor, fields);
    }

    @Override
    public String toString() {
        return "StoreTemplate[" + geometry + ", " + compressor + ", fields " + fields + "]";
    }
}
