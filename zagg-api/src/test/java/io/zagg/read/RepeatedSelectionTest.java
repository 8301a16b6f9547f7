package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Layouts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader marks the segment tables it caches for later shards, and only those, as repeated. */
class RepeatedSelectionTest {

    @Test
    void segmentTablesAreRepeatedPhotonsAreNot() {
        List<double[]> repeated = new ArrayList<>();
        List<double[]> once = new ArrayList<>();
        ShardSelector recording = new ShardSelector() {
            @Override
            public void select(double[] lat, double[] lon, boolean[] selected) {
                once.add(lat);
                java.util.Arrays.fill(selected, true);
            }

            @Override
            public int[] matchRepeated(double[] lat, double[] lon) {
                repeated.add(lat);
                return java.util.stream.IntStream.range(0, lat.length).toArray();
            }
        };
        GranuleReader reader = new GranuleReader(Layouts.atl03(), ReadOptions.defaults());
        reader.read(TestGranules.fixture("atl03_small.h5"), recording);
        reader.read(TestGranules.fixture("atl03_small.h5"), recording);
        assertEquals(4, repeated.size(), "two beams' segment tables, two reads");
        assertSame(repeated.get(0), repeated.get(2), "the second read gets the cached table itself");
        assertTrue(once.size() >= 2, "photons go through select: " + once.size());
        for (double[] photons : once) {
            assertTrue(repeated.stream().noneMatch(s -> s == photons));
        }
    }
}
