package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader lists an array's stored chunks through {@link Store#list} and reads them one at a
 * time: every stored chunk (every present inner chunk of a shard) is visited once, in C order,
 * clipped to the array, and nothing else.
 */
class StoredChunksTest {

    private static final DType[] TYPES = {DType.UINT8, DType.INT16, DType.FLOAT32, DType.UINT64, DType.FLOAT64};
    private static final Compressor[] COMPRESSORS = {Compressor.none(), Compressor.zstd(1), Compressor.gzip(1)};

    @TempDir
    Path dir;

    /** A piece the reader handed over. */
    private record Piece(long[] origin, int[] shape, byte[] elements) {
        @Override
        public String toString() {
            return Arrays.toString(origin) + " " + Arrays.toString(shape);
        }
    }

    private static List<Piece> pieces(StoreReader reader, String array) throws IOException {
        List<Piece> out = new ArrayList<>();
        reader.forEachStoredChunk(array, (origin, shape, elements) -> {
            byte[] bytes = new byte[elements.remaining()];
            elements.duplicate().get(bytes);
            out.add(new Piece(origin.clone(), shape.clone(), bytes));
        });
        return out;
    }

    private static void putJson(Store store, String key, String json) throws IOException {
        store.put(key, ByteBuffer.wrap(json.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void randomArraysVisitExactlyTheirStoredChunks() {
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> CodecRoundTripTest.uncheck(() -> {
            check(seed, DirectoryStore.open(dir.resolve(Long.toHexString(seed))));
            return null;
        }));
    }

    private static void check(long seed, Store store) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rank = 1 + random.nextInt(3);
        boolean sharded = random.nextBoolean();
        long[] shape = new long[rank];
        int[] chunk = new int[rank];
        int[] inner = new int[rank];
        for (int d = 0; d < rank; d++) {
            inner[d] = 1 + random.nextInt(3);
            chunk[d] = sharded ? inner[d] * (1 + random.nextInt(3)) : inner[d];
            shape[d] = random.nextInt(11);
        }
        DType dtype = TYPES[random.nextInt(TYPES.length)];
        FillValue fill = FillValue.ofBits(dtype, random.nextLong());
        CodecChain plain = CodecChain.plain(COMPRESSORS[random.nextInt(COMPRESSORS.length)]);
        CodecChain codecs = sharded ? CodecChain.sharded(inner, plain) : plain;
        ObjectNode doc = ArraySpec.of("a/x", fill, shape, chunk, codecs, null, null).toJson();
        char separator = random.nextBoolean() ? '/' : '.';
        ((ObjectNode) doc.get("chunk_key_encoding").get("configuration")).put("separator", String.valueOf(separator));
        putJson(store, "zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\"}");
        putJson(store, "a/zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\"}");
        putJson(store, "a/x/zarr.json", JsonText.write(doc));
        ArraySpec spec = StoreReader.open(store).array("a/x");

        int size = dtype.byteSize();
        int[] full = new int[rank];
        for (int d = 0; d < rank; d++) {
            full[d] = (int) shape[d];
        }
        byte[] data = new byte[(int) Blocks.count(shape) * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt();
        }
        // the expected result: fill everywhere but where a stored piece lies inside the array
        ByteBuffer expected = fill.filled((int) Blocks.count(shape));
        long[] grid = spec.chunkGridShape();
        int[] innerGrid = new int[rank];
        for (int d = 0; d < rank; d++) {
            innerGrid[d] = chunk[d] / inner[d];
        }
        long objects = 0;
        List<String> expectedPieces = new ArrayList<>();
        for (long c = 0; c < Blocks.count(grid); c++) {
            int[] at = Blocks.unravel(c, toInts(grid));
            if (random.nextInt(3) == 0) {
                continue;
            }
            ByteBuffer[] encoded = new ByteBuffer[(int) Blocks.count(innerGrid)];
            boolean any = false;
            for (int p = 0; p < encoded.length; p++) {
                if (sharded && random.nextInt(3) == 0) {
                    continue;
                }
                int[] within = Blocks.unravel(p, innerGrid);
                long[] origin = new long[rank];
                int[] extent = new int[rank];
                int[] srcOrigin = new int[rank];
                boolean inside = true;
                for (int d = 0; d < rank; d++) {
                    origin[d] = (long) at[d] * chunk[d] + (long) within[d] * inner[d];
                    srcOrigin[d] = (int) origin[d];
                    extent[d] = (int) Math.max(0, Math.min(inner[d], shape[d] - origin[d]));
                    inside &= extent[d] > 0;
                }
                // the piece's elements: the array's inside it, random padding past the edge
                ByteBuffer piece = ByteBuffer.allocate((int) Blocks.count(inner) * size);
                for (int b = 0; b < piece.capacity(); b++) {
                    piece.put(b, (byte) random.nextInt());
                }
                if (inside) {
                    Blocks.copy(ByteBuffer.wrap(data), full, srcOrigin, piece, inner, new int[rank], extent, size);
                    Blocks.copy(ByteBuffer.wrap(data), full, srcOrigin, expected, full, srcOrigin, extent, size);
                    expectedPieces.add(Arrays.toString(origin) + " " + Arrays.toString(extent));
                }
                ByteBuffer e = plain.encode(piece);
                encoded[p] = ByteBuffer.allocate(e.remaining()).put(e).flip();
                any = true;
            }
            if (!any) {
                continue;
            }
            ByteBuffer object = sharded ? codecs.encodeShard(codecs.sharding().encode(encoded)) : encoded[0];
            store.put(spec.chunkKey(toLongs(at)), object);
            objects++;
        }
        // names that are no chunk key of the array are not chunks
        store.put(separator == '/' ? "a/x/c/notachunk" : "a/x/c.notachunk", ByteBuffer.allocate(1));

        StoreReader reader = StoreReader.open(store);
        assertEquals(objects, reader.storedChunkCount("a/x"), "seed " + seed);
        ByteBuffer actual = fill.filled((int) Blocks.count(shape));
        List<String> visited = new ArrayList<>();
        reader.forEachStoredChunk("a/x", (origin, extent, elements) -> {
            visited.add(Arrays.toString(origin) + " " + Arrays.toString(extent));
            assertEquals(Blocks.count(extent) * size, elements.remaining());
            int[] to = new int[rank];
            for (int d = 0; d < rank; d++) {
                to[d] = (int) origin[d];
            }
            Blocks.copy(elements, extent, new int[rank], actual, full, to, extent, size);
        });
        assertEquals(expectedPieces, visited, "seed " + seed + ": pieces in C order of chunk, then of inner chunk");
        assertEquals(expected.rewind(), actual.rewind(), "seed " + seed);
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }

    private static long[] toLongs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void zaggStoreChunksAreCountedByListingAndReadOneByOne() throws IOException {
        for (boolean sharded : new boolean[] {false, true}) {
            Path at = dir.resolve(sharded ? "sharded" : "plain");
            SampleRun run = new SampleRun(sharded, Compressor.zstd(3));
            StoreWriter writer = StoreWriter.create(DirectoryStore.open(at), run.template, false);
            run.writeShard(writer);
            StoreReader reader = StoreReader.open(DirectoryStore.open(at));
            // coordinates for all four chunks; fields for chunks 160 and 162 (161 is fill, 163 not given)
            assertEquals(sharded ? 1 : 4, reader.storedChunkCount("4/cell_ids"));
            assertEquals(sharded ? 1 : 2, reader.storedChunkCount("4/h_mean"));
            assertEquals(sharded ? 1 : 2, reader.storedChunkCount("4/hist"));
            assertEquals(2, reader.storedChunkCount("4/offset_h"), "a companion is never sharded");
            List<Piece> pieces = pieces(reader, "4/h_mean");
            assertEquals("[[2560] [16], [2592] [16]]", pieces.toString());
            float[] chunk162 = LittleEndian.toFloats(ByteBuffer.wrap(pieces.get(1).elements()));
            assertArrayEquals(Arrays.copyOfRange(run.hMean, 32, 48), chunk162);
            List<Piece> hist = pieces(reader, "4/hist");
            assertEquals("[[2560, 0] [16, 3], [2592, 0] [16, 3]]", hist.toString());
            assertArrayEquals(Arrays.copyOfRange(run.hist, 0, 48), LittleEndian.toInts(ByteBuffer.wrap(hist.get(0).elements())));
        }
    }

    @Test
    void dotSeparatedKeysAndEdgeChunksOfAForeignArray() throws IOException {
        // a (5, 3) int16 array in (2, 2) chunks, keys c.i.j: chunk (2, 1) holds the one element (4, 2)
        Store store = DirectoryStore.open(dir);
        putJson(store, "zarr.json", """
                {"zarr_format": 3, "node_type": "array", "shape": [5, 3], "data_type": "int16",
                 "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
                 "chunk_key_encoding": {"name": "default", "configuration": {"separator": "."}},
                 "fill_value": -1, "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
                 "attributes": {"title": "foreign"}}""");
        store.put("c.0.0", shorts(1, 2, 3, 4));
        store.put("c.2.1", shorts(9, 99, 999, 9999));
        for (String junk : new String[] {"c.3.0", "c.01.0", "c.0", "c.0.0.0", "c.x.1", "c.-1.0", "d.0.0"}) {
            store.put(junk, shorts(7, 7, 7, 7));
        }
        StoreReader reader = StoreReader.open(store);
        assertEquals(List.of(""), reader.arrays(), "the root is the array");
        assertEquals(List.of(), reader.groups());
        assertEquals("foreign", reader.attributes("").path("title").asText());
        assertArrayEquals(new long[] {3, 2}, reader.array("").chunkGridShape());
        assertEquals(2, reader.storedChunkCount(""));
        List<Piece> pieces = pieces(reader, "");
        assertEquals("[[0, 0] [2, 2], [4, 2] [1, 1]]", pieces.toString());
        assertArrayEquals(new byte[] {1, 0, 2, 0, 3, 0, 4, 0}, pieces.get(0).elements());
        assertArrayEquals(new byte[] {9, 0}, pieces.get(1).elements(), "clipped to the array: the first element of the chunk only");
    }

    @Test
    void rankZeroArrayHasOneChunkKeyC() throws IOException {
        Store store = DirectoryStore.open(dir);
        putJson(store, "zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\"}");
        putJson(store, "s/zarr.json", """
                {"zarr_format": 3, "node_type": "array", "shape": [], "data_type": "float64",
                 "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": []}},
                 "chunk_key_encoding": {"name": "default"}, "fill_value": "NaN",
                 "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""");
        StoreReader reader = StoreReader.open(store);
        assertEquals(0, reader.storedChunkCount("s"));
        store.put("s/c", LittleEndian.doubles(2.5));
        assertEquals(1, reader.storedChunkCount("s"));
        List<Piece> pieces = pieces(reader, "s");
        assertEquals(1, pieces.size());
        assertEquals(0, pieces.get(0).shape().length);
        assertArrayEquals(new double[] {2.5}, LittleEndian.toDoubles(ByteBuffer.wrap(pieces.get(0).elements())));
    }

    @Test
    void shardPastTheArraysEdgeSkipsInnerChunksOutsideIt() throws IOException {
        // shape 10 in shards of 8 with inner chunks of 4: shard 1 covers 8..15, its inner chunk 1 (12..15) lies outside
        Store store = DirectoryStore.open(dir);
        CodecChain plain = CodecChain.plain(Compressor.none());
        ArraySpec spec = ArraySpec.of("v", FillValue.zero(DType.INT32), new long[] {10}, new int[] {8}, CodecChain.sharded(new int[] {4}, plain), null, null);
        putJson(store, "zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\"}");
        store.put("v/zarr.json", ByteBuffer.wrap(JsonText.bytes(spec.toJson())));
        store.put("v/c/1", spec.codecs().sharding().encode(new ByteBuffer[] {LittleEndian.ints(8, 9, 10, 11), LittleEndian.ints(12, 13, 14, 15)}));
        List<Piece> pieces = pieces(StoreReader.open(store), "v");
        assertEquals("[[8] [2]]", pieces.toString());
        assertArrayEquals(new int[] {8, 9}, LittleEndian.toInts(ByteBuffer.wrap(pieces.get(0).elements())));
        assertTrue(spec.isSharded());
    }

    private static ByteBuffer shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.flip();
    }
}
