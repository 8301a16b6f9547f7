package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.zagg.Carriers;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layouts;
import io.zagg.Pipeline;
import io.zagg.ProgressListener;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.Zagg;
import io.zagg.grid.Healpix;
import io.zagg.grid.MortonWord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run takes its shards along the tracks — where each granule's beams first enter them — so
 * that neighbouring shards, which share photon chunks, run one after another; the report keeps
 * the plan's key order and the store does not depend on the order or the number of workers.
 */
class ShardScheduleTest {

    private static final int SHARD_ORDER = 14; // ~400 m shards: the 4 km fixture track crosses a dozen

    @TempDir
    Path tmp;

    private static Pipeline pipeline(Path granule, int workers, ProgressListener listener) {
        return Zagg.read(Granules.of(granule)).layout(Layouts.atl03()).grid(Grids.healpix(SHARD_ORDER).chunks(16).cells(19))
                .aggregate(count(), max("h_ph")).carrier(Carriers.PLAIN).workers(workers).progress(listener);
    }

    /** Each shard's first segment (over the beams) whose reference photon lies in it, read here with jhdf. */
    private static Map<Long, Integer> firstSegments(Path granule) {
        Map<Long, Integer> first = new HashMap<>();
        try (HdfFile f = new HdfFile(granule)) {
            for (String beam : List.of("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r")) {
                if (!f.getChildren().containsKey(beam)) {
                    continue;
                }
                double[] lat = (double[]) ((Dataset) f.getByPath(beam + "/geolocation/reference_photon_lat")).getData();
                double[] lon = (double[]) ((Dataset) f.getByPath(beam + "/geolocation/reference_photon_lon")).getData();
                for (int i = 0; i < lat.length; i++) {
                    long shard = MortonWord.fromNested(Healpix.nested(SHARD_ORDER, lat[i], lon[i]), SHARD_ORDER);
                    first.merge(shard, i, Math::min);
                }
            }
        }
        return first;
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p) && !p.endsWith("zagg_run.json")).map(p -> root.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    @Test
    void shardsRunAlongTheTrackAndTheStoreIsTheSame() throws IOException {
        Path granule = Fixtures.copy("atl03_small.h5", tmp);
        List<Long> started = Collections.synchronizedList(new ArrayList<>());
        ProgressListener recording = new ProgressListener() {
            @Override
            public void shardStarted(long shardKey) {
                started.add(shardKey);
            }
        };
        Path one = tmp.resolve("one.zarr");
        RunReport report = pipeline(granule, 1, recording).write(one);

        Map<Long, Integer> first = firstSegments(granule);
        List<Long> alongTrack = new ArrayList<>(first.keySet());
        alongTrack.sort((a, b) -> first.get(a).equals(first.get(b)) ? Long.compareUnsigned(a, b) : Integer.compare(first.get(a), first.get(b)));
        assertTrue(alongTrack.size() >= 8, "the track crosses " + alongTrack.size() + " shards");
        assertEquals(alongTrack, started, "one worker takes the shards in the order the beams enter them");
        List<Long> byKey = new ArrayList<>(alongTrack);
        byKey.sort(Long::compareUnsigned);
        assertNotEquals(byKey, alongTrack, "the fixture's track order differs from key order, so the test can tell them apart");
        assertEquals(byKey, report.shards().stream().map(ShardReport::shardKey).toList(), "the report lists shards by key, as planned");

        Path two = tmp.resolve("two.zarr");
        pipeline(granule, 2, ProgressListener.none()).write(two);
        assertEquals(files(one), files(two));
        for (String file : files(one)) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file))), file);
        }
    }
}
