package io.zagg;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a parsed YAML value the way Python's {@code repr} does, so that validation messages
 * read exactly like zagg's ({@code "unknown op 'between'"}, {@code "(got True)"}).
 */
final class PyRepr {

    private PyRepr() {
    }

    static String of(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof String) {
            String s = (String) v;
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e16 ? String.format("%.1f", d) : Double.toString(d);
        }
        if (v instanceof Number || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof List) {
            StringBuilder s = new StringBuilder("[");
            for (Iterator<?> it = ((List<?>) v).iterator(); it.hasNext();) {
                s.append(of(it.next()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append(']').toString();
        }
        if (v instanceof Map) {
            StringBuilder s = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator(); it.hasNext();) {
                Map.Entry<?, ?> e = it.next();
                s.append(of(e.getKey())).append(": ").append(of(e.getValue()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append('}').toString();
        }
        return v.toString();
    }
}
