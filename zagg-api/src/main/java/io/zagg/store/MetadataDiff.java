package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The differences between a stored metadata document and the one a template expects. */
final class MetadataDiff {

    private MetadataDiff() {
    }

    /**
     * Appends one line per difference: {@code <node>: <json path> was <old>, now <new>}.
     *
     * @param node names the node, e.g. {@code array 19/h_mean}
     */
    static void compare(String node, JsonNode old, JsonNode now, List<String> out) {
        walk(node, "", old, now, out);
    }

    private static void walk(String node, String at, JsonNode old, JsonNode now, List<String> out) {
        if (old != null && now != null && old.isObject() && now.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            now.fieldNames().forEachRemaining(keys::add);
            old.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                walk(node, at.isEmpty() ? key : at + "." + key, old.get(key), now.get(key), out);
            }
            return;
        }
        if (old != null && now != null && old.isArray() && now.isArray() && old.size() == now.size() && holdsContainers(now)) {
            for (int i = 0; i < now.size(); i++) {
                walk(node, at + "[" + i + "]", old.get(i), now.get(i), out);
            }
            return;
        }
        String was = text(old);
        String is = text(now);
        if (!was.equals(is)) {
            out.add(node + ": " + (at.isEmpty() ? "metadata" : at) + " was " + was + ", now " + is);
        }
    }

    private static boolean holdsContainers(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** A value's canonical one-line JSON, or {@code absent}. */
    private static String text(JsonNode value) {
        return value == null ? "absent" : JsonText.write(value).replaceAll("\\s*\n\\s*", " ").replace("[ ", "[").replace(" ]", "]")
                .replace("{ ", "{").replace(" }", "}");
    }
}
