package io.zagg.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The nodes of a stored hierarchy, found the way zarr-python finds members: group by group. */
final class Hierarchy {

    private Hierarchy() {
    }

    /** The metadata of the node at {@code path}, or empty when it has none. */
    static Optional<ObjectNode> node(Store store, String path) throws IOException {
        String key = Keys.metadata(path);
        Optional<byte[]> bytes = store.get(key);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(JsonText.parseObject(bytes.get(), key));
    }

    static boolean isGroup(ObjectNode doc) {
        return doc.path("node_type").asText().equals("group");
    }

    /**
     * Every node below the root by path, in zarr-python's consolidated order: shallower paths
     * first, then by case-folded name. Arrays are not descended into.
     */
    static Map<String, ObjectNode> below(Store store, String root) throws IOException {
        List<Map.Entry<String, ObjectNode>> found = new ArrayList<>();
        walk(store, root, found);
        found.sort(Comparator.comparingInt((Map.Entry<String, ObjectNode> e) -> depth(e.getKey()))
                .thenComparing(e -> fold(e.getKey())));
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        found.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void walk(Store store, String path, List<Map.Entry<String, ObjectNode>> found) throws IOException {
        for (String name : store.list(path)) {
            if (name.equals(Keys.METADATA)) {
                continue;
            }
            String child = Keys.join(path, name);
            Optional<ObjectNode> doc = node(store, child);
            if (doc.isPresent()) {
                found.add(Map.entry(child, doc.get()));
                if (isGroup(doc.get())) {
                    walk(store, child, found);
                }
            }
        }
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
