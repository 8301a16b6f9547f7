package io.zagg.test;

import io.jhdf.HdfFile;
import io.zagg.grid.Healpix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The photons of a generated ATL03-shaped granule read directly with jhdf, for tests that check
 * a run against values computed by hand: beams in zagg's order, photons in file order, the
 * transmit-echo-path photons ({@code signal_conf_ph[:, 0] == -2}) dropped, and each photon's
 * segment {@code dem_h} broadcast through the 1-based {@code ph_index_beg}/{@code segment_ph_cnt}.
 */
public final class Atl03Photons {

    private static final List<String> BEAMS = List.of("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r");

    /** One photon: its order-19 NESTED cell, height and reference DEM height. */
    public record Photon(long cell, float h, float dem) {
    }

    private Atl03Photons() {
    }

    /** The granule's photons, in read order. */
    public static List<Photon> read(Path granule) {
        List<Photon> out = new ArrayList<>();
        try (HdfFile f = new HdfFile(granule)) {
            for (String beam : BEAMS) {
                if (!f.getChildren().containsKey(beam)) {
                    continue;
                }
                double[] lat = (double[]) f.getDatasetByPath(beam + "/heights/lat_ph").getData();
                double[] lon = (double[]) f.getDatasetByPath(beam + "/heights/lon_ph").getData();
                float[] h = (float[]) f.getDatasetByPath(beam + "/heights/h_ph").getData();
                byte[][] conf = (byte[][]) f.getDatasetByPath(beam + "/heights/signal_conf_ph").getData();
                float[] demBySegment = (float[]) f.getDatasetByPath(beam + "/geophys_corr/dem_h").getData();
                long[] begin = longs(f.getDatasetByPath(beam + "/geolocation/ph_index_beg").getData());
                long[] count = longs(f.getDatasetByPath(beam + "/geolocation/segment_ph_cnt").getData());
                float[] dem = new float[h.length];
                java.util.Arrays.fill(dem, Float.NaN);
                for (int s = 0; s < begin.length; s++) {
                    for (long i = begin[s] - 1; i < begin[s] - 1 + count[s]; i++) {
                        dem[(int) i] = demBySegment[s];
                    }
                }
                for (int i = 0; i < h.length; i++) {
                    if (conf[i][0] != -2) {
                        out.add(new Photon(Healpix.nested(19, lat[i], lon[i]), h[i], dem[i]));
                    }
                }
            }
        }
        return out;
    }

    private static long[] longs(Object data) {
        if (data instanceof long[]) {
            return (long[]) data;
        }
        int[] ints = (int[]) data;
        long[] out = new long[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i];
        }
        return out;
    }
}
