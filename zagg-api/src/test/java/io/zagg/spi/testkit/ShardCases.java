package io.zagg.spi.testkit;

import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Random shards for the carrier properties: one to four reads (some empty), rows landing in many
 * or few of up to 18 cells (so some cells stay empty and some hold one row), NaN heights
 * (canonical and with a payload, whose bits must survive), K = 1..3 inner chunks. Every value is
 * drawn from the QuickTheories source, so failures shrink towards small shards.
 */
public final class ShardCases {

    private ShardCases() {
    }

    public static Gen<ShardCase> shardCases() {
        return in -> {
            int chunks = range(1, 3).generate(in);
            int cellsPerChunk = range(1, 6).generate(in);
            int cells = chunks * cellsPerChunk;
            int spread = range(1, cells).generate(in);
            int first = range(0, cells - spread).generate(in);
            int readCount = range(1, 4).generate(in);
            List<ShardCase.Read> reads = new ArrayList<>();
            for (int r = 0; r < readCount; r++) {
                int rows = range(0, 12).generate(in);
                ShardCase.Read read = new ShardCase.Read("g" + r / 2 + "/gt" + (r % 2 + 1) + "l", rows);
                for (int i = 0; i < rows; i++) {
                    int cell = first + range(0, spread - 1).generate(in);
                    byte[] conf = new byte[ShardCase.CONF_WIDTH];
                    for (int k = 0; k < conf.length; k++) {
                        conf[k] = (byte) (int) range(-128, 127, -1).generate(in);
                    }
                    read.set(i, cell, range(-90_000, 90_000, 0).generate(in) / 1000.0, height().generate(in), conf,
                            height().generate(in));
                }
                reads.add(read);
            }
            return new ShardCase(chunks, cellsPerChunk, reads);
        };
    }

    /** Mostly small heights with ties; sometimes NaN (canonical or with a payload), ±0, infinities. */
    static Gen<Float> height() {
        return in -> {
            switch (range(0, 9, 0).generate(in)) {
                case 0: return Float.NaN;
                case 1: return Float.intBitsToFloat(0x7fc0_0001 + range(0, 255).generate(in));
                case 2: return -0.0f;
                case 3: return range(0, 1).generate(in) == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                default: return range(-4000, 4000, 0).generate(in) / 8.0f;
            }
        };
    }
}
