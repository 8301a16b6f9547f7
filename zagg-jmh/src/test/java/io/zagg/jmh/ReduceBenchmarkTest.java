package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.reduce.ShardOutput;
import io.zagg.spi.MutableColumn;
import org.junit.jupiter.api.Test;

/** Each kernel benchmark reduces the shard it was given: counts add up, statistics are plausible. */
class ReduceBenchmarkTest {

    private static ReduceBenchmark small() {
        ReduceBenchmark b = new ReduceBenchmark();
        b.rows = 20_000;
        b.cells = 300;
        b.setUp();
        return b;
    }

    @Test
    void momentsCountEveryRowAndOrderTheirExtremes() {
        ReduceBenchmark b = small();
        ReduceBenchmark.Rows counter = new ReduceBenchmark.Rows();
        ShardOutput out = b.moments(counter);
        long total = 0;
        for (int c = 0; c < b.cells; c++) {
            long n = out.dense("count").getLong(c);
            total += n;
            if (n > 0) {
                float lo = out.dense("h_ph_min").getFloat(c);
                float mean = out.dense("h_ph_mean").getFloat(c);
                float hi = out.dense("h_ph_max").getFloat(c);
                assertTrue(lo <= mean && mean <= hi, "cell " + c + ": min " + lo + ", mean " + mean + ", max " + hi);
            }
        }
        assertEquals(20_000, total);
        assertEquals(20_000, counter.rows);
    }

    @Test
    void histogramCountsTheRowsInItsRange() {
        ReduceBenchmark b = small();
        ReduceBenchmark.Rows counter = new ReduceBenchmark.Rows();
        MutableColumn counts = b.histogram128(counter).dense("h_ph_histogram");
        long inRange = 0;
        for (long i = 0; i < (long) b.cells * 128; i++) {
            inRange += (long) counts.getDouble(i);
        }
        // the bins span ±4 sigma of the heights: all but a few hundredths of a percent fall inside
        assertTrue(inRange > 19_950 && inRange <= 20_000, "rows in the histograms' range: " + inRange);
        assertEquals(20_000, counter.rows);
    }

    @Test
    void orderStatisticsAndDigestsCoverEveryNonEmptyCell() {
        ReduceBenchmark b = small();
        ShardOutput order = b.orderStatistics(new ReduceBenchmark.Rows());
        ShardOutput digests = b.tdigest256(new ReduceBenchmark.Rows());
        ShardOutput moments = b.moments(new ReduceBenchmark.Rows());
        int nonEmpty = 0;
        for (int c = 0; c < b.cells; c++) {
            if (moments.dense("count").getLong(c) > 0) {
                nonEmpty++;
                float q25 = order.dense("h_ph_q25").getFloat(c);
                float median = order.dense("h_ph_median").getFloat(c);
                float q75 = order.dense("h_ph_q75").getFloat(c);
                assertTrue(q25 <= median && median <= q75, "cell " + c + ": " + q25 + ", " + median + ", " + q75);
            }
        }
        assertEquals(nonEmpty, digests.ragged("h_ph_tdigest").populated(), "cells with a digest");
    }
}
