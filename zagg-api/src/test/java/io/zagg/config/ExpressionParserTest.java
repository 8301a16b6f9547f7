package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** The parser: Python's precedence, the literal forms, what it rejects, and print/parse round trips. */
class ExpressionParserTest {

    private static String parsed(String text) {
        return Parser.parse(text).toString();
    }

    private static String rejected(String text) {
        return assertThrows(ExpressionException.class, () -> Parser.parse(text)).getMessage();
    }

    @Test
    void pythonPrecedence() {
        assertEquals("(a + (b * c))", parsed("a + b * c"));
        assertEquals("((a - b) - c)", parsed("a - b - c"));
        assertEquals("((a / b) * c)", parsed("a / b * c"));
        assertEquals("(-(x ** 2))", parsed("-x ** 2"), "** binds tighter than a unary minus on its left");
        assertEquals("(2 ** (-1))", parsed("2 ** -1"));
        assertEquals("(a ** (b ** c))", parsed("a ** b ** c"), "** is right-associative");
        assertEquals("(a | (b & c))", parsed("a | b & c"));
        assertEquals("((~a) & b)", parsed("~a & b"));
        assertEquals("((h > 0) & (s < 1))", parsed("(h > 0) & (s < 1)"));
        assertEquals("((a + b) < (c * d))", parsed("a + b < c * d"), "comparisons bind loosest");
        assertEquals("(1.0 / (s_li ** 2))", parsed("1.0 / s_li**2"));
    }

    @Test
    void primaries() {
        assertEquals("np.histogram(h, 128, ((o - (27.0 * g)), (o + (101.0 * g))))[0].astype('uint32')",
                parsed("np.histogram(h, 128, (o - 27.0 * g, o + 101.0 * g))[0].astype('uint32')"));
        assertEquals("np.average(h, weights=(1.0 / s))", parsed("np.average(h, weights = 1.0 / s)"));
        assertEquals("f(a, b)", parsed("f(a, b,)"), "a trailing comma is allowed");
        assertEquals("()", parsed("()"));
        assertEquals("(a,)", parsed("(a,)"));
        assertEquals("(a, b)", parsed("(a, b,)"));
        assertEquals("h[(-1)]", parsed("h[-1]"));
        assertEquals("x.astype(\"it's\")", parsed("x.astype(\"it's\")"));
        assertEquals("(1).astype('f4')", parsed("(1).astype('f4')"));
    }

    @Test
    void literals() {
        assertEquals(new Node.Literal(1.0E-6), Parser.parse("1e-6"));
        assertEquals(new Node.Literal(0.5), Parser.parse(".5"));
        assertEquals(new Node.Literal(5.0), Parser.parse("5."));
        assertEquals(new Node.Literal(1000L), Parser.parse("1_000"));
        assertEquals(new Node.Literal(0L), Parser.parse("00"));
        assertEquals(new Node.Literal(128.0), Parser.parse("128.0"));
        assertEquals(new Node.Text("uint32"), Parser.parse("'uint32'"));
    }

    @Test
    void everyExpressionOfTheShippedConfigsParses() {
        List<String> shipped = List.of(
                "1.0 / s_li**2",
                "1.0 / np.sqrt(np.sum(1.0 / s_li**2))",
                "np.float32(np.maximum(0.5, 2.0 ** np.ceil(np.log2(np.maximum(1e-6, np.max(h_ph) - np.min(h_ph)) / 128.0))))",
                "np.float32(np.floor(np.min(dem_h)))",
                "np.histogram(h_ph, 128, (chunk_offset - 27.0 * chunk_gain, chunk_offset + 101.0 * chunk_gain))[0].astype('uint32')",
                "np.histogram(h_ph - np.median(h_ph), 128, (-128.0, 128.0))[0].astype('uint32')",
                "chunk_offset",
                "chunk_gain");
        for (String text : shipped) {
            Node tree = Parser.parse(text);
            assertEquals(tree, Parser.parse(tree.toString()), text);
        }
    }

    @Test
    void rejectedSyntax() {
        assertEquals("uses unsupported floor division '//'", rejected("a // b"));
        assertEquals("uses unsupported operator '%'", rejected("a % 2"));
        assertEquals("uses unsupported operator '^'", rejected("a ^ b"));
        assertEquals("uses unsupported keyword 'and' (combine boolean arrays with & | ~)", rejected("a and b"));
        assertEquals("uses unsupported keyword 'not' (combine boolean arrays with & | ~)", rejected("not a"));
        assertEquals("uses unsupported keyword 'if'", rejected("a if b else c"));
        assertEquals("uses unsupported keyword 'lambda'", rejected("lambda x: x"));
        assertEquals("uses unsupported keyword 'in'", rejected("a in b"));
        assertEquals("uses unsupported constant 'True'", rejected("h > True"));
        assertEquals("uses unsupported chained comparison (write (a < b) & (b < c))", rejected("0 < h < 1"));
        assertEquals("uses unsupported chained comparison (write (a < b) & (b < c))", rejected("h > 0 & s < 1"),
                "& binds tighter than >, so this is h > (0 & s) < 1, as in Python");
        assertEquals("uses unsupported slice ':' (index with an integer, e.g. [0])", rejected("h[1:3]"));
        assertEquals("uses unsupported multi-dimensional index", rejected("h[0, 1]"));
        assertEquals("uses unsupported list literal at character 1", rejected("[1, 2]"));
        assertEquals("uses unsupported dict or set literal at character 1", rejected("{1: 2}"));
        assertEquals("uses unsupported unary '+' at character 1", rejected("+h"));
        assertEquals("uses unsupported non-decimal literal starting at character 1", rejected("0x1F"));
        assertEquals("uses unsupported complex literal '1j'", rejected("1j"));
        assertEquals("is not valid: leading zeros in decimal integer literal '07'", rejected("07"));
        assertEquals("uses float literal '1e999' which overflows to infinity", rejected("1e999"));
        assertEquals("uses integer literal '99999999999999999999' which does not fit in 64 bits", rejected("99999999999999999999"));
        assertEquals("uses unsupported escape sequences in string 'a\\n'", rejected("'a\\n'"));
        assertEquals("is not valid: unterminated string starting at character 1", rejected("'abc"));
        assertEquals("is not valid: unexpected 'b' at character 3", rejected("a b"));
        assertEquals("is not valid: unexpected end of expression", rejected("1.0 / s**"));
        assertEquals("is not valid: it is empty", rejected("   "));
        assertEquals("is not valid: unexpected character '$' at character 3", rejected("h $ 2"));
        assertEquals("is not valid: positional argument follows keyword argument at character 14", rejected("f(a, bins=1, 2)"));
        assertEquals("is not valid: keyword argument 'bins' repeated", rejected("f(a, bins=1, bins=2)"));
        assertEquals("is not valid: unexpected '*' at character 3", rejected("f(*a)"));
        assertEquals("uses unsupported assignment ':='", rejected("(x := 1)"));
        assertEquals("is not valid: unexpected '.5' at character 4", rejected("1.5.5"));
        assertEquals("is not valid: unexpected 'a' after number at character 2", rejected("1abc"));
    }

    // ---- property: printing a tree gives text that parses back to the same tree -----------------

    private static final List<String> NAMES = List.of("h", "s_li", "chunk_gain", "x1");

    private static Node randomNode(RandomnessSource r, int depth) {
        int pick = Generate.range(0, depth <= 0 ? 3 : 11).generate(r);
        switch (pick) {
            case 0: return new Node.Name(Generate.pick(NAMES).generate(r));
            case 1: return new Node.Literal(Generate.longRange(0, Long.MAX_VALUE).generate(r));
            case 2: {
                double d = Double.longBitsToDouble(Generate.longRange(0, 0x7FEF_FFFF_FFFF_FFFFL).generate(r));
                return new Node.Literal(d);
            }
            case 3: return new Node.Text(Generate.pick(List.of("uint32", "f4", "it's", "")).generate(r));
            case 4: return new Node.Unary(Generate.enumValues(Ops.Unary.class).generate(r), randomNode(r, depth - 1));
            case 5: return new Node.Binary(Generate.enumValues(Ops.Binary.class).generate(r), randomNode(r, depth - 1),
                    randomNode(r, depth - 1));
            case 6: return new Node.Compare(Generate.enumValues(Ops.Compare.class).generate(r), randomNode(r, depth - 1),
                    randomNode(r, depth - 1));
            case 7: {
                List<Node> args = new ArrayList<>();
                int n = Generate.range(0, 3).generate(r);
                for (int i = 0; i < n; i++) {
                    args.add(randomNode(r, depth - 1));
                }
                List<Node.Keyword> kws = new ArrayList<>();
                if (Generate.booleans().generate(r)) {
                    kws.add(new Node.Keyword("bins", randomNode(r, depth - 1)));
                }
                Node callee = Generate.booleans().generate(r) ? new Node.Attribute(new Node.Name("np"), "histogram")
                        : new Node.Attribute(randomNode(r, depth - 1), "astype");
                return new Node.Call(callee, args, kws);
            }
            case 8: return new Node.Index(randomNode(r, depth - 1), randomNode(r, depth - 1));
            case 9: return new Node.Attribute(randomNode(r, depth - 1), "uint32");
            default: {
                List<Node> items = new ArrayList<>();
                int n = Generate.range(0, 3).generate(r);
                for (int i = 0; i < n; i++) {
                    items.add(randomNode(r, depth - 1));
                }
                return new Node.TupleExpr(items);
            }
        }
    }

    @Test
    void printThenParseGivesTheSameTree() {
        Gen<Node> trees = r -> randomNode(r, 4);
        qt().withExamples(2000).forAll(trees.describedAs(Node::toString))
                .check(tree -> Parser.parse(tree.toString()).equals(tree));
    }
}
