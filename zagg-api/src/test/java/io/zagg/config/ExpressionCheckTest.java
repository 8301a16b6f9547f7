package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the load-time check accepts and rejects, and how it says so. */
class ExpressionCheckTest {

    private static final Checker.Scope FIELD = new Checker.Scope(Set.of("h", "s", "chunk_gain"), true);
    private static final Checker.Scope PARAM = new Checker.Scope(Set.of("h", "s"), false);

    private static ExpressionException rejected(String text, Checker.Scope scope) {
        return assertThrows(ExpressionException.class, () -> Expression.compile(text, scope));
    }

    private static String rejected(String text) {
        return rejected(text, FIELD).getMessage();
    }

    @Test
    void acceptsTheLanguage() {
        for (String text : new String[] {
            "np.float32(np.maximum(0.5, 2.0 ** np.ceil(np.log2(np.maximum(1e-6, np.max(h) - np.min(h)) / 128.0))))",
            "np.histogram(h, 128, (chunk_gain - 27.0, chunk_gain + 101.0))[0].astype('uint32')",
            "numpy.histogram(h, bins=4, range=(0.0, 1.0))[1][-1]",
            "h.astype(np.uint32)", "h.astype(dtype='f8')", "np.quantile(h, q=0.25)", "np.var(h, ddof=1)",
            "np.average(h, weights=1.0 / s**2)", "len(h) + float(np.max(h)) + int(np.min(h)) + abs(np.sum(h)) + sum(h)",
            "(h > np.pi) & ~np.isnan(s) | np.isfinite(h)", "np.nan + np.inf + np.e", "np.float64(h) ** 0.5"}) {
            assertEquals(text, Expression.compile(text, FIELD).text());
        }
    }

    @Test
    void unknownNamesUseZaggsMessage() {
        ExpressionException e = rejected("np.max(h_x)", FIELD);
        assertTrue(e.namesUnknownIdentifier());
        assertEquals("references 'h_x' which is not in data_source.variables or numpy namespace", e.getMessage());
        assertTrue(rejected("pi * 2", FIELD).namesUnknownIdentifier(), "numpy's members need their np. prefix");
        assertFalse(rejected("h.mean()", FIELD).namesUnknownIdentifier());
    }

    @Test
    void functionsMethodsAndAttributes() {
        assertEquals("uses unsupported method 'mean' (supported: astype)", rejected("h.mean()"));
        assertEquals("uses unsupported attribute 'shape' (supported: the astype method)", rejected("h.shape"));
        assertEquals("uses unsupported function 'np.cumsum' (supported: " + Functions.numpyNames() + ")", rejected("np.cumsum(h)"));
        assertEquals("uses unsupported function 'numpy.exp' (supported: " + Functions.numpyNames() + ")", rejected("numpy.exp(h)"));
        assertEquals("uses np.sqrt without calling it", rejected("np.sqrt"));
        assertTrue(rejected("np.newaxis").startsWith("uses unsupported numpy name 'np.newaxis' (supported: np.abs, "));
        assertEquals("uses 'np' on its own (call a numpy function, e.g. np.sqrt(x))", rejected("np + 1"));
        assertEquals("uses the builtin 'len' without calling it", rejected("len"));
        assertEquals("uses unsupported function 'max' (supported: abs, float, int, len, sum and numpy functions such as np.max)",
                rejected("max(h)"));
        assertEquals("calls 'h', which is a column, not a function", rejected("h(1)"));
        assertEquals("calls np.histogram(h), which is not a function", rejected("np.histogram(h)(1)"));
    }

    @Test
    void paramsHaveNoBuiltins() {
        assertEquals("uses the builtin 'len', which params do not provide (use numpy functions)", rejected("len(h)", PARAM).getMessage());
        assertEquals("uses the builtin 'sum', which params do not provide (use numpy functions)", rejected("sum(h)", PARAM).getMessage());
        assertEquals("uses unsupported function 'foo' (supported: numpy functions such as np.max)", rejected("foo(h)", PARAM).getMessage());
        assertEquals("1.0 / s**2", Expression.compile("1.0 / s**2", PARAM).text());
    }

    @Test
    void arguments() {
        assertEquals("calls np.sqrt() with 2 positional arguments (it takes 1)", rejected("np.sqrt(h, s)"));
        assertEquals("calls np.histogram() with 4 positional arguments (it takes 1 to 3)", rejected("np.histogram(h, 2, (0, 1), 4)"));
        assertEquals("calls np.quantile() without its argument 'q'", rejected("np.quantile(h)"));
        assertEquals("calls np.histogram() with unsupported keyword 'density' (supported: a, bins, range)",
                rejected("np.histogram(h, density=1)"));
        assertEquals("calls np.histogram() with two values for 'bins'", rejected("np.histogram(h, 3, bins=4)"));
        assertEquals("calls np.average() with 2 positional arguments (it takes 1)", rejected("np.average(h, s)"),
                "numpy's second positional argument of average is axis, so weights must be a keyword");
        assertEquals("calls astype() with unsupported keyword 'copy' (supported: dtype)", rejected("h.astype('f4', copy=0)"));
    }

    @Test
    void indexesStringsAndDtypes() {
        assertEquals("uses unsupported index [s] (only integer literals such as [0] or [-1])", rejected("h[s]"));
        assertEquals("uses unsupported index [(1 + 1)] (only integer literals such as [0] or [-1])", rejected("h[1 + 1]"));
        assertEquals("uses the string 'uint32' outside a dtype argument (only astype('uint32') takes one)", rejected("h + 'uint32'"));
        assertEquals("uses unsupported dtype 'uint33' (supported: bool, int8 ... int64, uint8 ... uint64, float32, float64)",
                rejected("h.astype('uint33')"));
        assertEquals("calls astype with 5, which is not a dtype (write astype('uint32') or astype(np.uint32))", rejected("h.astype(5)"));
    }
}
