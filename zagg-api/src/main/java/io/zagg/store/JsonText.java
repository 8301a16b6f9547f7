package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Zarr metadata as JSON text, written the way zarr-python 3 writes it ({@code json.dumps(doc,
 * indent=2)}): two-space indentation with every list element on its own line, {@code ": "} and
 * {@code ","} separators, non-ASCII escaped, no trailing newline, and floats in Python's
 * {@code repr} (shortest round-trip digits, {@code 1e-05}, {@code 1e+16}, {@code 0.0}).
 *
 * <p>Jackson builds and parses the trees; the text is ours, because byte-for-byte determinism
 * must not depend on a library's or a JDK's float formatting ({@link Double#toString} changed
 * in JDK 19). Keys are written in the tree's insertion order, so the builders fix the order.
 *
 * <p>Public (the package is exported only to the command line) so {@code zagg inspect --json}
 * prints its report in the same deterministic form.
 */
public final class JsonText {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final BigDecimal NUMPY_POSITIONAL_MIN = new BigDecimal("1e-4");
    private static final BigDecimal NUMPY_POSITIONAL_LIMIT = new BigDecimal("1e16");

    private JsonText() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The canonical text of a tree. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, 0, out);
        return out.toString();
    }

    static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses a metadata document.
     *
     * @param what names the document in the error, e.g. {@code "19/h_mean/zarr.json"}
     * @throws IllegalArgumentException when the text is not JSON or not an object
     */
    static ObjectNode parseObject(byte[] text, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT:
                if (node.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    out.append(first ? "\n" : ",\n");
                    first = false;
                    indent(depth + 1, out);
                    string(field.getKey(), out);
                    out.append(": ");
                    write(field.getValue(), depth + 1, out);
                }
                out.append('\n');
                indent(depth, out);
                out.append('}');
                return;
            case ARRAY:
                if (node.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "\n" : ",\n");
                    indent(depth + 1, out);
                    write(node.get(i), depth + 1, out);
                }
                out.append('\n');
                indent(depth, out);
                out.append(']');
                return;
            case STRING:
                string(node.textValue(), out);
                return;
            case BOOLEAN:
                out.append(node.booleanValue());
                return;
            case NULL:
                out.append("null");
                return;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    out.append(node.bigIntegerValue());
                } else {
                    out.append(pythonRepr(node.doubleValue()));
                }
                return;
            default:
                throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as Zarr metadata");
        }
    }

    private static void indent(int depth, StringBuilder out) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /**
     * Python's {@code repr(float)}: the shortest decimal that reads back as the same double,
     * positional when the decimal point falls within 16 digits, else {@code d.ddde±XX}.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold (fill
     *         values spell them as strings; see {@link FillValue})
     */
    public static String pythonRepr(double d) {
        return repr(d, false);
    }

    /**
     * numpy's {@code str} of a {@code float32}: the shortest decimal that reads back as the same
     * float ({@code 0.1}, not the widened double's {@code 0.10000000149011612}), positional for
     * values in [1e-4, 1e16), else {@code d.ddde±XX}.
     *
     * @throws IllegalArgumentException for NaN and infinities
     */
    public static String numpyStr(float f) {
        return repr(f, true);
    }

    private static String repr(double d, boolean single) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(d + " cannot be written as a JSON number");
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(d, single).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int n = digits.length();
        int decpt = n - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (single ? positionalInNumpy(d) : decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.");
                out.append("0".repeat(-decpt));
                out.append(digits);
            } else if (decpt >= n) {
                out.append(digits);
                out.append("0".repeat(decpt - n));
                out.append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
        } else {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exp = decpt - 1;
            out.append(exp < 0 ? "e-" : "e+");
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code d} (to the float
     * {@code d} holds when {@code single}); of two such decimals (one either side of {@code d})
     * the nearer one. Any decimal of p digits inside the round-trip interval is no farther from
     * {@code d} than d's own p-digit floor or ceiling, so checking those two at each p is
     * exhaustive.
     */
    private static BigDecimal shortestRoundTrip(double d, boolean single) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p < 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = readsBack(down, d, single);
            boolean upOk = readsBack(up, d, single);
            if (downOk && upOk) {
                int cmp = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
                return cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * numpy prints a float32 positionally when its exact value lies in [1e-4, 1e16), a test on
     * the value rather than on the shortest digits' exponent (float32 1e-4 is just below 1e-4,
     * so numpy prints {@code 1e-04}).
     */
    private static boolean positionalInNumpy(double d) {
        BigDecimal abs = new BigDecimal(d).abs();
        return abs.compareTo(NUMPY_POSITIONAL_MIN) >= 0 && abs.compareTo(NUMPY_POSITIONAL_LIMIT) < 0;
    }

    private static boolean readsBack(BigDecimal decimal, double d, boolean single) {
        // a float parsed straight from the decimal, not through a double (no double rounding)
        return single ? Float.parseFloat(decimal.toString()) == (float) d : Double.parseDouble(decimal.toString()) == d;
    }
}
