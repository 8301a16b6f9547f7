package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metadata text is what CPython's {@code json.dumps(doc, indent=2)} writes, byte for byte. */
class JsonTextTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = JsonTextTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void floatsAreWrittenAsPythonReprWritesThem() throws IOException {
        // python_float_repr.txt: 2,631 doubles (special cases, random bit patterns over the
        // whole exponent range, widened float32 values, large integers) with CPython's repr
        List<String> lines = resource("python_float_repr.txt").lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2631, lines.size());
        for (String line : lines) {
            String[] parts = line.split(" ");
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertEquals(parts[1], JsonText.pythonRepr(d), "repr of bits " + parts[0]);
        }
    }

    @Test
    void float32IsWrittenAsNumpyStrWritesIt() throws IOException {
        // numpy_float32_str.txt: 3,305 finite float32 values (special cases, random bit patterns,
        // eighths of integers) with numpy's str(np.float32(x))
        List<String> lines = resource("numpy_float32_str.txt").lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(3305, lines.size());
        for (String line : lines) {
            String[] parts = line.split(" ");
            float f = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16));
            assertEquals(parts[1], JsonText.numpyStr(f), "str of float32 bits " + parts[0]);
        }
        assertEquals("0.1", JsonText.numpyStr(0.1f));
        assertEquals("0.10000000149011612", JsonText.pythonRepr((double) 0.1f));
        assertThrows(IllegalArgumentException.class, () -> JsonText.numpyStr(Float.POSITIVE_INFINITY));
    }

    @Test
    void reprExamples() {
        assertEquals("0.1", JsonText.pythonRepr(0.1));
        assertEquals("1e+16", JsonText.pythonRepr(1e16));
        assertEquals("1000000000000000.0", JsonText.pythonRepr(1e15));
        assertEquals("0.0001", JsonText.pythonRepr(1e-4));
        assertEquals("1e-05", JsonText.pythonRepr(1e-5));
        assertEquals("-0.0", JsonText.pythonRepr(-0.0));
        assertEquals("5e-324", JsonText.pythonRepr(Double.MIN_VALUE));
        assertEquals("298.257223563", JsonText.pythonRepr(298.257223563));
        assertThrows(IllegalArgumentException.class, () -> JsonText.pythonRepr(Double.NaN));
    }

    @Test
    void reprReadsBackToTheSameDouble() {
        qt().forAll(longs().all().map(Double::longBitsToDouble).assuming(d -> !Double.isNaN(d) && !Double.isInfinite(d)))
                .check(d -> Double.doubleToRawLongBits(Double.parseDouble(JsonText.pythonRepr(d))) == Double.doubleToRawLongBits(d));
    }

    @Test
    void documentLayoutIsPythonsIndentTwo() throws IOException {
        // python_json_dumps.json: nested lists and objects, empty containers, escapes, non-ASCII
        // and astral characters, uint64 max, -0.0 and 1e-05, as json.dumps(doc, indent=2) wrote it
        String python = resource("python_json_dumps.json");
        assertEquals(python, JsonText.write(JsonText.parseObject(python.getBytes(StandardCharsets.US_ASCII), "fixture")));
    }

    @Test
    void parseNamesTheDocument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonText.parseObject("[1]".getBytes(StandardCharsets.US_ASCII), "19/zarr.json"));
        assertEquals("19/zarr.json is not a JSON object", e.getMessage());
    }
}
