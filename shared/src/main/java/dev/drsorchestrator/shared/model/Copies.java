package dev.drsorchestrator.shared.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep an absent collection absent, so a stored item round-trips to an equal record. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? null : List.copyOf(values);
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
