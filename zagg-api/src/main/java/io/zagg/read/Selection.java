package io.zagg.read;

/**
 * The shard test over one coordinate array: the selected points, their keys when the selector
 * keys them, and the invalid points (NaN or infinite coordinate, {@code |lat| > 90}), which are
 * counted and never handed to the selector.
 *
 * @param mask    per point: valid and in the shard
 * @param keys    per point, meaningful where {@code mask} is set: the {@link KeyingSelector}'s
 *                key; null when the selector keys nothing
 * @param count   points selected
 * @param invalid points with invalid coordinates
 */
record Selection(boolean[] mask, long[] keys, int count, int invalid) {

    static Selection of(ShardSelector selector, double[] lat, double[] lon) {
        int n = lat.length;
        boolean[] valid = new boolean[n];
        int invalid = 0;
        for (int i = 0; i < n; i++) {
            valid[i] = Double.isFinite(lat[i]) && Math.abs(lat[i]) <= 90 && Double.isFinite(lon[i]);
            if (!valid[i]) {
                invalid++;
            }
        }
        boolean[] mask = new boolean[n];
        long[] keys = selector instanceof KeyingSelector ? new long[n] : null;
        if (invalid == 0) {
            select(selector, lat, lon, mask, keys);
        } else if (invalid < n) {
            int m = n - invalid;
            double[] vlat = new double[m];
            double[] vlon = new double[m];
            for (int i = 0, j = 0; i < n; i++) {
                if (valid[i]) {
                    vlat[j] = lat[i];
                    vlon[j++] = lon[i];
                }
            }
            boolean[] vmask = new boolean[m];
            long[] vkeys = keys == null ? null : new long[m];
            select(selector, vlat, vlon, vmask, vkeys);
            for (int i = 0, j = 0; i < n; i++) {
                if (valid[i]) {
                    if (keys != null) {
                        keys[i] = vkeys[j];
                    }
                    mask[i] = vmask[j++];
                }
            }
        }
        return new Selection(mask, keys, Rows.count(mask), invalid);
    }

    private static void select(ShardSelector selector, double[] lat, double[] lon, boolean[] mask, long[] keys) {
        if (keys == null) {
            selector.select(lat, lon, mask);
        } else {
            ((KeyingSelector) selector).select(lat, lon, mask, keys);
        }
    }
}
