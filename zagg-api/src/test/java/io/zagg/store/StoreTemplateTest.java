package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's metadata for zagg's worked example (§5.7): shard order 11, chunk order 13, cell order 19, gain-bias fields. */
class StoreTemplateTest {

    static StoreTemplate gainBias(boolean sharded, Compressor compressor) {
        return StoreTemplate.of(HealpixGeometry.of(11, 13, 19).sharded(sharded), compressor, List.of(
                FieldSpec.vector("waveform_counts", FillValue.zero(DType.UINT32), 128),
                FieldSpec.scalar("offset_h", FillValue.nan(DType.FLOAT32)).atChunkResolution(),
                FieldSpec.scalar("gain_h", FillValue.nan(DType.FLOAT32)).atChunkResolution(),
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT32)),
                FieldSpec.ragged("h_tdigest", DType.FLOAT32, 2)));
    }

    @Test
    void nodesInWriteOrder() {
        Map<String, ObjectNode> docs = gainBias(false, Compressor.none()).documents();
        assertEquals(List.of("", "19", "19/cell_ids", "19/morton", "19/waveform_counts", "19/offset_h", "19/gain_h", "19/h_mean", "19/h_tdigest"),
                List.copyOf(docs.keySet()));
        assertEquals("{\n  \"attributes\": {},\n  \"zarr_format\": 3,\n  \"node_type\": \"group\"\n}", JsonText.write(docs.get("")));
    }

    @Test
    void groupCarriesTheDggsConvention() {
        assertEquals("""
                {
                  "attributes": {
                    "zarr_conventions": [
                      {
                        "schema_url": "https://raw.githubusercontent.com/zarr-conventions/dggs/refs/tags/v1/schema.json",
                        "spec_url": "https://github.com/zarr-conventions/dggs/blob/v1/README.md",
                        "uuid": "7b255807-140c-42ca-97f6-7a1cfecdbc38",
                        "name": "dggs",
                        "description": "Discrete Global Grid Systems convention for zarr"
                      }
                    ],
                    "dggs": {
                      "name": "healpix",
                      "refinement_level": 19,
                      "indexing_scheme": "nested",
                      "spatial_dimension": "cells",
                      "ellipsoid": {
                        "name": "WGS84",
                        "semimajor_axis": 6378137.0,
                        "inverse_flattening": 298.257223563
                      },
                      "coordinate": "cell_ids",
                      "compression": "none"
                    }
                  },
                  "zarr_format": 3,
                  "node_type": "group"
                }""", JsonText.write(gainBias(false, Compressor.none()).documents().get("19")));
    }

    @Test
    void vectorArrayIsChunkedWholeInItsTrailingDimension() {
        assertEquals("""
                {
                  "shape": [
                    3298534883328,
                    128
                  ],
                  "data_type": "uint32",
                  "chunk_grid": {
                    "name": "regular",
                    "configuration": {
                      "chunk_shape": [
                        4096,
                        128
                      ]
                    }
                  },
                  "chunk_key_encoding": {
                    "name": "default",
                    "configuration": {
                      "separator": "/"
                    }
                  },
                  "fill_value": 0,
                  "codecs": [
                    {
                      "name": "bytes",
                      "configuration": {
                        "endian": "little"
                      }
                    }
                  ],
                  "attributes": {},
                  "dimension_names": [
                    "cells",
                    "vector"
                  ],
                  "zarr_format": 3,
                  "node_type": "array",
                  "storage_transformers": []
                }""", gainBias(false, Compressor.none()).member("waveform_counts").spec.metadataJson());
    }

    @Test
    void companionsAreShapedAtTheChunkGrid() {
        ArraySpec offset = gainBias(true, Compressor.none()).member("offset_h").spec;
        assertArrayEquals(new long[] {805_306_368L}, offset.shape());
        assertArrayEquals(new int[] {1}, offset.chunkShape());
        assertEquals(List.of("chunks"), offset.dimensionNames());
        assertEquals(false, offset.isSharded(), "companions are never sharded");
        assertEquals("\"NaN\"", JsonText.write(offset.toJson().get("fill_value")));
        assertEquals("19/offset_h/c/244150728", offset.chunkKey(244_150_728L));
    }

    @Test
    void shardedArraysStoreOneObjectPerShard() {
        StoreTemplate template = gainBias(true, Compressor.none());
        ArraySpec hMean = template.member("h_mean").spec;
        assertArrayEquals(new int[] {65536}, hMean.chunkShape());
        assertArrayEquals(new int[] {4096}, hMean.innerChunkShape());
        assertEquals("19/h_mean/c/15259420", hMean.chunkKey(15_259_420L));
        ArraySpec waveform = template.member("waveform_counts").spec;
        assertArrayEquals(new int[] {65536, 128}, waveform.chunkShape());
        assertArrayEquals(new int[] {4096, 128}, waveform.innerChunkShape());
        assertEquals("[{\"name\":\"sharding_indexed\",\"configuration\":{\"chunk_shape\":[4096,128],\"codecs\":[{\"name\":\"bytes\",\"configuration\":"
                + "{\"endian\":\"little\"}}],\"index_codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"crc32c\"}],"
                + "\"index_location\":\"end\"}}]", waveform.toJson().get("codecs").toString());
        assertTrue(template.member("cell_ids").spec.isSharded());
    }

    @Test
    void compressorFollowsTheBytesCodec() {
        assertEquals("[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"zstd\",\"configuration\":{\"level\":3,\"checksum\":false}}]",
                gainBias(false, Compressor.parse("zstd")).member("h_mean").spec.toJson().get("codecs").toString());
        assertEquals("[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"gzip\",\"configuration\":{\"level\":5}}]",
                gainBias(true, Compressor.parse("gzip")).member("h_mean").spec.toJson().get("codecs").get(0).get("configuration").get("codecs").toString());
    }

    @Test
    void raggedFieldsAreGroupsNotArrays() {
        StoreTemplate template = gainBias(false, Compressor.none());
        assertNull(template.member("h_tdigest"));
        assertEquals("{\"zagg_ragged\":{\"layout\":\"csr\",\"data_type\":\"float32\",\"inner_shape\":[2],\"resolution\":\"cell\"}}",
                template.documents().get("19/h_tdigest").get("attributes").toString());
        assertEquals("19/h_tdigest/244150728", template.csrGroup(template.raggedField("h_tdigest"), 244_150_728L));
    }

    @Test
    void vectorsOfSeveralDimensionsNameEach() {
        StoreTemplate t = StoreTemplate.of(HealpixGeometry.of(1, 2, 4), Compressor.none(),
                List.of(FieldSpec.vector("m", FillValue.zero(DType.INT8), 2, 3)));
        ArraySpec m = t.member("m").spec;
        assertEquals(List.of("cells", "vector_0", "vector_1"), m.dimensionNames());
        assertEquals("[{\"name\":\"bytes\"}]", m.toJson().get("codecs").toString(), "one-byte types have no endianness, as zarr-python writes them");
        assertEquals("4/m/c/5/0/0", m.chunkKey(5, 0, 0));
    }

    @Test
    void templatesAreValidated() {
        assertEquals("field h is declared twice", assertThrows(IllegalArgumentException.class, () -> StoreTemplate.of(HealpixGeometry.of(1, 2, 4),
                Compressor.none(), List.of(FieldSpec.scalar("h", FillValue.zero(DType.INT32)), FieldSpec.ragged("h", DType.FLOAT32)))).getMessage());
        assertEquals("field name 'cell_ids' is taken by a coordinate array",
                assertThrows(IllegalArgumentException.class, () -> FieldSpec.scalar("cell_ids", FillValue.zero(DType.UINT64))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldSpec.scalar("a/b", FillValue.zero(DType.UINT64))).getMessage()
                .startsWith("field name 'a/b' is not a valid array name"));
        assertEquals("field v: trailing shape [3, 0] has a dimension that is not positive",
                assertThrows(IllegalArgumentException.class, () -> FieldSpec.vector("v", FillValue.zero(DType.UINT8), 3, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreTemplate.of(HealpixGeometry.of(0, 0, 15), Compressor.none(),
                List.of(FieldSpec.vector("big", FillValue.zero(DType.FLOAT64), 2)))).getMessage().contains("over the 2 GiB one object may hold"));
    }

    @Test
    void identicalTemplatesWriteIdenticalBytes() {
        Map<String, ObjectNode> a = gainBias(true, Compressor.zstd(3)).documents();
        Map<String, ObjectNode> b = gainBias(true, Compressor.zstd(3)).documents();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(JsonText.bytes(v), JsonText.bytes(b.get(k)), k));
        assertEquals(gainBias(true, Compressor.zstd(3)), gainBias(true, Compressor.zstd(3)));
    }

    @Test
    void arrayMetadataReadsBack() {
        for (ArraySpec spec : gainBias(true, Compressor.gzip(5)).arrays()) {
            ArraySpec back = ArraySpec.fromJson(spec.path(), JsonText.parseObject(spec.metadataJson().getBytes(), spec.path()));
            assertEquals(spec.metadataJson(), back.metadataJson());
        }
    }
}
