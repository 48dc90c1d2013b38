package dev.drsorchestrator.local.sim.model;

import java.util.LinkedHashMap;

/**
 * An insertion-ordered map that counts its changes, so per-(account, region) views derived from it can be cached
 * until the next change instead of filtering the whole fleet on every call.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class VersionedMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private long version;

    long version() {
        return version;
    }

    @Override
    public V put(K key, V value) {
        version++;
        return super.put(key, value);
    }

    @Override
    public V remove(Object key) {
        version++;
        return super.remove(key);
    }

    @Override
    public void clear() {
        version++;
        super.clear();
    }
}
