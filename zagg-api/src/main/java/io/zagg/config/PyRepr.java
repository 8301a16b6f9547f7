package io.zagg.config;

import io.zagg.store.JsonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Formats values the way zagg's messages show them, so that validation and evaluation errors
 * read exactly like zagg's ({@code "unknown op 'between'"}, {@code "(got True)"}): Python's
 * {@code repr} and {@code str} of parsed YAML values, and numpy's {@code str} of a float scalar.
 */
public final class PyRepr {

    private PyRepr() {
    }

    /** Python's {@code repr} of a parsed YAML value (null, string, bool, number, list, mapping). */
    public static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String) {
            String s = (String) v;
            return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue(), v instanceof Float);
        }
        if (v instanceof Number || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Map) {
            List<String> parts = new ArrayList<>();
            ((Map<?, ?>) v).forEach((k, x) -> parts.add(repr(k) + ": " + repr(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Collection) {
            List<String> parts = new ArrayList<>();
            ((Collection<?>) v).forEach(x -> parts.add(repr(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    /**
     * A float as Python and numpy print it: {@code nan}, {@code inf}, {@code -inf}, else the
     * shortest decimal that reads back as the same float32 (numpy's {@code str} of a float32
     * scalar) or double (Python's {@code repr}).
     */
    static String number(double v, boolean float32) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return float32 ? JsonText.numpyStr((float) v) : JsonText.pythonRepr(v);
    }

    /** Python's {@code str(v)} of a YAML value, as zagg's f-strings print it. */
    static String str(Object v) {
        return v instanceof String ? (String) v : repr(v);
    }

    /** A set of names as Python prints a set, sorted so that messages are stable. */
    static String set(Collection<String> names) {
        if (names.isEmpty()) {
            return "set()";
        }
        List<String> parts = new ArrayList<>();
        new TreeSet<>(names).forEach(n -> parts.add(repr(n)));
        return "{" + String.join(", ", parts) + "}";
    }

    /** A shape as Python prints a tuple: {@code (128,)}, {@code (4, 2)}, {@code ()}. */
    static String shape(List<Integer> dims) {
        if (dims.size() == 1) {
            return "(" + dims.get(0) + ",)";
        }
        List<String> parts = new ArrayList<>();
        dims.forEach(d -> parts.add(Integer.toString(d)));
        return "(" + String.join(", ", parts) + ")";
    }
}
