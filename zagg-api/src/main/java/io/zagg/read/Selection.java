package io.zagg.read;

/**
 * The shard test over one coordinate array: the selected points and the invalid ones (NaN or
 * infinite coordinate, {@code |lat| > 90}), which are counted and never handed to the selector.
 *
 * @param mask    per point: valid and in the shard
 * @param count   points selected
 * @param invalid points with invalid coordinates
 */
record Selection(boolean[] mask, int count, int invalid) {

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
        if (invalid == 0) {
            selector.select(lat, lon, mask);
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
            selector.select(vlat, vlon, vmask);
            for (int i = 0, j = 0; i < n; i++) {
                if (valid[i]) {
                    mask[i] = vmask[j++];
                }
            }
        }
        return new Selection(mask, Rows.count(mask), invalid);
    }
}
