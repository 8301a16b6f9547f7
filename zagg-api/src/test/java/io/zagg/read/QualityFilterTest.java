package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.Layouts;
import io.zagg.spi.Columns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zagg's {@code quality_filter} sugar reads exactly what the explicit structured filters read. */
class QualityFilterTest {

    private static final Path ATL06 = TestGranules.fixture("atl06_small.h5");
    private static final String QUALITY = "/{group}/land_ice_segments/atl06_quality_summary";

    private static GranuleRead read(Layout layout) {
        return new GranuleReader(layout, ReadOptions.defaults()).read(ATL06, TestGranules.box(-75.09, -75.03, -180, 180));
    }

    private static Layout explicit(Filter filter) {
        Layout atl06 = Layouts.atl06();
        Layout.Builder b = Layouts.builder().groups(atl06.groups()).coordinates(atl06.latitude(), atl06.longitude());
        atl06.variables().forEach(b::variable);
        return b.filter(filter).build();
    }

    @Test
    void sugarEqualsEqualsInAndDroppedNe() {
        GranuleRead sugar = read(Layouts.atl06());
        GranuleRead none = read(explicit(Filter.ge(QUALITY, -128)));
        assertEquals(List.of(), sugar.failures());
        for (Filter same : List.of(Filter.eq(QUALITY, 0), Filter.in(QUALITY, 0), Filter.ne(QUALITY, 0).drop(), Filter.notIn(QUALITY, 1, 2))) {
            GranuleRead other = read(explicit(same));
            for (int i = 0; i < sugar.beams().size(); i++) {
                assertArrayEquals((float[]) Columns.arrayOf(sugar.beams().get(i).columns().get("h_li")),
                        (float[]) Columns.arrayOf(other.beams().get(i).columns().get("h_li")), same.toString());
            }
        }
        assertEquals(1596, sugar.rows(), "segments in the box with quality 0, from expected_reads.json (atl06_part)");
        assertTrue(none.rows() > sugar.rows(), "the filter removes rows");
    }
}
