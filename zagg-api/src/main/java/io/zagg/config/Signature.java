package io.zagg.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a function of the expression language takes: positional-or-keyword ones (the
 * first {@code required} of them required) and keyword-only ones, like a Python signature.
 */
record Signature(List<String> positional, int required, List<String> keywordOnly) {

    Signature {
        positional = List.copyOf(positional);
        keywordOnly = List.copyOf(keywordOnly);
    }

    static Signature of(int required, String... positional) {
        return new Signature(List.of(positional), required, List.of());
    }

    Signature withKeywordOnly(String... names) {
        return new Signature(positional, required, List.of(names));
    }

    /** All parameter names, in the order {@link #bind} returns their values. */
    List<String> names() {
        List<String> all = new ArrayList<>(positional);
        all.addAll(keywordOnly);
        return all;
    }

    /**
     * Checks a call's arguments against this signature.
     *
     * @return for each parameter (in {@link #names()} order) the index of its argument: a
     *     positional index, or {@code args + k} for keyword {@code k}; -1 when not given
     * @throws ExpressionException naming the function and the argument at fault
     */
    int[] bind(String function, int args, List<String> keywords) {
        List<String> names = names();
        int[] slots = new int[names.size()];
        java.util.Arrays.fill(slots, -1);
        if (args > positional.size()) {
            throw ExpressionException.syntax("calls " + function + "() with " + args + " positional arguments (it takes "
                    + (required == positional.size() ? "" : required + " to ") + positional.size() + ")");
        }
        for (int i = 0; i < args; i++) {
            slots[i] = i;
        }
        for (int k = 0; k < keywords.size(); k++) {
            String kw = keywords.get(k);
            int slot = names.indexOf(kw);
            if (slot < 0) {
                throw ExpressionException.syntax("calls " + function + "() with unsupported keyword '" + kw + "'"
                        + (names.isEmpty() ? "" : " (supported: " + String.join(", ", names) + ")"));
            }
            if (slots[slot] >= 0) {
                throw ExpressionException.syntax("calls " + function + "() with two values for '" + kw + "'");
            }
            slots[slot] = args + k;
        }
        for (int i = 0; i < required; i++) {
            if (slots[i] < 0) {
                throw ExpressionException.syntax("calls " + function + "() without its argument '" + positional.get(i) + "'");
            }
        }
        return slots;
    }
}
