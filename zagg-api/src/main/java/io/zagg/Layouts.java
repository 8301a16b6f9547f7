package io.zagg;

import io.zagg.Layout.Filter;
import io.zagg.Layout.Level;
import io.zagg.Layout.Link;
import io.zagg.Layout.ReadPlan;
import java.util.Map;

/**
 * Ready-made {@link Layout}s for ICESat-2 products, the bridge from zagg's YAML, and the
 * builder for custom layouts.
 *
 * <pre>{@code
 * Layout photons = Layouts.atl03();                       // zagg's configs/atl03.yaml
 * Layout exact   = Layouts.atl03().toBuilder().noReadPlan().build();
 * Layout mine    = Layouts.builder()
 *         .groups("gt1l", "gt2l")
 *         .coordinates("/{group}/land_ice_segments/latitude", "/{group}/land_ice_segments/longitude")
 *         .variable("h_li", "/{group}/land_ice_segments/h_li")
 *         .filter(Layout.Filter.lt("/{group}/land_ice_segments/h_li_sigma", 1.0))
 *         .build();
 * }</pre>
 */
public final class Layouts {

    private static final String[] BEAMS = {"gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r"};

    private Layouts() {
    }

    /** An empty builder. */
    public static Layout.Builder builder() {
        return new Layout.Builder();
    }

    /**
     * ATL03 photons, as zagg's {@code configs/atl03.yaml}: the six beams, {@code h_ph} at
     * {@code lat_ph}/{@code lon_ph}, transmit-echo-path photons dropped
     * ({@code signal_conf_ph[:, 0] != -2}), levels {@code photons} and {@code segments} linked by
     * the 1-based {@code ph_index_beg}/{@code segment_ph_cnt}, and the segment read plan
     * (pad 1, full-read threshold 0.9).
     */
    public static Layout atl03() {
        return builder()
                .groups(BEAMS)
                .coordinates("/{group}/heights/lat_ph", "/{group}/heights/lon_ph")
                .variable("h_ph", "/{group}/heights/h_ph")
                .filter(Filter.ne("/{group}/heights/signal_conf_ph", -2).column(0))
                .baseLevel("photons")
                .level(Level.base("photons", "/{group}/heights").coordinates("lat_ph", "lon_ph"))
                .level(Level.linked("segments", "/{group}/geolocation",
                                Link.to("photons", "/{group}/geolocation/ph_index_beg", "/{group}/geolocation/segment_ph_cnt").indexBase(1))
                        .coordinates("reference_photon_lat", "reference_photon_lon"))
                .readPlan(ReadPlan.spatialIndex("segments").pad(1))
                .build();
    }

    /**
     * ATL06 land-ice segments, as zagg's {@code configs/atl06.yaml}: the six beams,
     * {@code h_li} and {@code s_li} (= {@code h_li_sigma}) at {@code latitude}/{@code longitude},
     * kept where {@code atl06_quality_summary == 0}.
     */
    public static Layout atl06() {
        return builder()
                .groups(BEAMS)
                .coordinates("/{group}/land_ice_segments/latitude", "/{group}/land_ice_segments/longitude")
                .variable("h_li", "/{group}/land_ice_segments/h_li")
                .variable("s_li", "/{group}/land_ice_segments/h_li_sigma")
                .qualityFilter("/{group}/land_ice_segments/atl06_quality_summary", 0)
                .build();
    }

    /**
     * The layout of a zagg config's {@code data_source} section, as parsed by SnakeYAML
     * ({@code Map}, {@code List}, {@code String}, {@code Integer}, {@code Double},
     * {@code Boolean}).
     *
     * @throws IllegalArgumentException with zagg's validation message for the first rule the
     *         section breaks (e.g. {@code "filter[0]: unknown op 'between' (allowed: [...])"})
     */
    public static Layout fromDataSource(Map<String, ?> dataSource) {
        return DataSourceParser.parse(dataSource);
    }
}
