package io.zagg.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The fast paths give exactly what the straightforward versions give. */
class FastPathsTest {

    @Test
    void fdlibmAsinIsStrictMathAsin() {
        SplittableRandom r = new SplittableRandom(11);
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.975, -0.975, Math.nextUp(0.5), Math.nextDown(0.5),
                Math.nextUp(0.975), Math.nextDown(0.975), 0x1p-27, -0x1p-27, 0x1p-28, Math.nextDown(1.0), Math.nextUp(-1.0),
                Double.MIN_VALUE, 2.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int i = 0; i < 100_000; i++) {
            xs.add(r.nextDouble() * 2 - 1);
            xs.add((r.nextDouble() * 2 - 1) * 1e-7);
            xs.add(1 - r.nextDouble() * 0.05);
            xs.add(2.0 * (r.nextInt(1, 100_000) / (double) r.nextInt(100_000, 200_000)) - 1.0);
        }
        for (double x : xs) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.asin(x)), Double.doubleToRawLongBits(FdlibmAsin.asin(x)), "asin(" + x + ")");
        }
    }

    @Test
    void radixSortSortsAsArraysSortWithNaNLast() {
        FloatRadixSort radix = new FloatRadixSort();
        qt().withExamples(200).forAll(lists().of(floats().any()
                        .mix(Generate.pick(List.of(Float.NaN, -0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.NEGATIVE_INFINITY)), 10)
                        .mix(floats().between(1150f, 1250f), 40))
                .ofSizeBetween(0, 3000)).checkAssert(values -> {
                    float[] a = new float[values.size() + 7];
                    for (int i = 0; i < values.size(); i++) {
                        a[i] = values.get(i);
                    }
                    float[] expected = Arrays.copyOf(a, values.size());
                    Arrays.sort(expected);
                    radix.sort(a, values.size());
                    assertArrayEquals(expected, Arrays.copyOf(a, values.size()));
                });
    }

    @Test
    void tdigestBoundarySearchEqualsZaggsValueByValueLoop() {
        qt().withExamples(200).forAll(integers().between(1, 30_000), integers().between(1, 1100)).checkAssert((n, delta) -> {
            double[] s = new double[n];
            SplittableRandom r = new SplittableRandom(n * 31L + delta);
            for (int i = 0; i < n; i++) {
                s[i] = r.nextGaussian() * 10;
            }
            Arrays.sort(s);
            List<Double> fast = new ArrayList<>();
            TDigestKernel.build(s, 0, n, delta, (m, w) -> {
                fast.add(m);
                fast.add(w);
            });
            assertEquals(zaggLoop(s, delta), fast, "n " + n + ", delta " + delta);
        });
    }

    /** zagg's build_tdigest loop (29b392ee), verbatim in Java. */
    private static List<Double> zaggLoop(double[] v, double delta) {
        List<Double> out = new ArrayList<>();
        int n = v.length;
        double mean = v[0];
        double weight = 1;
        double kLeft = TDigestKernel.k1(0.0, delta);
        for (int i = 1; i < n; i++) {
            double kRight = TDigestKernel.k1((double) (i + 1) / n, delta);
            if (kRight - kLeft <= 1) {
                mean += (v[i] - mean) / (weight + 1);
                weight += 1;
            } else {
                out.add(mean);
                out.add(weight);
                mean = v[i];
                weight = 1;
                kLeft = TDigestKernel.k1((double) i / n, delta);
            }
        }
        out.add(mean);
        out.add(weight);
        return out;
    }
}
