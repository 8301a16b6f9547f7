package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.test.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMapTest {

    private static Map<String, Object> healpixSignature(int parent, int child) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "healpix");
        s.put("indexing_scheme", "nested");
        s.put("parent_order", parent);
        s.put("child_order", child);
        s.put("layout", "fullsphere");
        return s;
    }

    @Test
    void zaggsCommittedHealpixMapReadsWithUnsignedKeys() throws IOException {
        ShardMap map = ShardMap.read(SharedData.require("data/zagg-shardmaps/sm_healpix_o11.json"));
        assertEquals(22, map.size());
        assertEquals("5347394812217655307", Long.toUnsignedString(map.shardKey(0)));
        assertEquals(44, map.granules(0).size());
        assertEquals("ATL03_20190105163308_01260202_007_01.h5", map.granules(0).get(0).id());
        assertEquals(13, map.indexOf(5347398935386259467L), "the SERC shard of the reference's worked example");
        map.checkSignature(healpixSignature(11, 19));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> map.checkSignature(healpixSignature(10, 19)));
        assertEquals("shard map grid_signature does not match the grid (parent_order: shard map has 11, grid has 10)",
                e.getMessage());
    }

    @Test
    void rectilinearMapIsRejectedForAHealpixGrid() throws IOException {
        ShardMap map = ShardMap.read(SharedData.require("data/zagg-shardmaps/sm_rect_3km.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> map.checkSignature(healpixSignature(11, 19)));
        assertTrue(e.getMessage().contains("type: shard map has rectilinear, grid has healpix"), e.getMessage());
    }

    @Test
    void writeThenReadKeepsKeysAbove2To63AndOrdersThemUnsigned(@TempDir Path dir) throws IOException {
        long high = 0xA092000000000006L; // 11570310392668225542: base cell 9, bit 63 set
        long low = 0x4A35C7000000000BL;
        Path g = Files.createFile(dir.resolve("g1.h5"));
        Map<Long, List<GranuleRef>> byShard = new LinkedHashMap<>();
        byShard.put(high, List.of(GranuleRef.local(g)));
        byShard.put(low, List.of(GranuleRef.local(g)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("source", "local");
        ShardMap written = ShardMap.of(meta, healpixSignature(6, 12), byShard);
        Path file = dir.resolve("map.json");
        written.write(file);

        String text = Files.readString(file);
        assertTrue(text.contains("11570310392668225542"), text);
        assertTrue(text.startsWith("{\n  \"metadata\": {\n    \"source\": \"local\"\n  },"), text);
        ShardMap read = ShardMap.read(file);
        assertEquals(low, read.shardKey(0), "unsigned order puts the base-3 word first");
        assertEquals(high, read.shardKey(1));
        assertEquals(Optional.of(g.toAbsolutePath()), read.granules(1).get(0).resolve(List.of()));
        read.checkSignature(healpixSignature(6, 12));
    }

    @Test
    void malformedMapsNameTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path noKeys = dir.resolve("a.json");
        Files.writeString(noKeys, "{\"grid_signature\": {}, \"granules\": []}");
        IOException e = assertThrows(IOException.class, () -> ShardMap.read(noKeys));
        assertEquals(noKeys + ": not a zagg shard map: missing 'shard_keys'", e.getMessage());

        Path negative = dir.resolve("b.json");
        Files.writeString(negative, "{\"grid_signature\": {}, \"shard_keys\": [-1], \"granules\": [[]]}");
        e = assertThrows(IOException.class, () -> ShardMap.read(negative));
        assertEquals(negative + ": shard_keys[0] = -1 is outside 0..2^64-1", e.getMessage());

        Path tooBig = dir.resolve("c.json");
        Files.writeString(tooBig, "{\"grid_signature\": {}, \"shard_keys\": [18446744073709551616], \"granules\": [[]]}");
        e = assertThrows(IOException.class, () -> ShardMap.read(tooBig));
        assertEquals(tooBig + ": shard_keys[0] = 18446744073709551616 is outside 0..2^64-1", e.getMessage());
    }

    @Test
    void granuleResolvesByIdInSearchFolders(@TempDir Path dir) throws IOException {
        Path f = Files.createFile(dir.resolve("ATL03_x.h5"));
        Path mapFile = dir.resolve("m.json");
        Files.writeString(mapFile, "{\"grid_signature\": {}, \"shard_keys\": [1], \"granules\": [[{\"id\": \"ATL03_x.h5\", \"s3\": \"s3://b/ATL03_x.h5\"}]]}");
        GranuleRef ref = ShardMap.read(mapFile).granules(0).get(0);
        assertEquals(Optional.empty(), ref.resolve(List.of()));
        assertEquals(Optional.of(f), ref.resolve(List.of(dir)));
    }
}
