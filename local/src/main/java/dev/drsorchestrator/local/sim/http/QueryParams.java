package dev.drsorchestrator.local.sim.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Decodes query strings and form bodies, and reads the query protocol's numbered lists ({@code Name.1}, ...). */
public final class QueryParams {
    private QueryParams() {
    }

    static Map<String, String> of(String rawQuery, String contentType, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        decodeInto(rawQuery, params);
        if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
            decodeInto(new String(body, java.nio.charset.StandardCharsets.UTF_8), params);
        }
        return java.util.Collections.unmodifiableMap(params);
    }

    /** Decodes {@code a=1&b=2} into {@code target}; later keys win. */
    public static void decodeInto(String encoded, Map<String, String> target) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            target.put(decode(key), decode(value));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The values of {@code prefix.1}, {@code prefix.2}, ... in index order. */
    public static List<String> list(Map<String, String> params, String prefix) {
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().startsWith(start)) {
                String rest = e.getKey().substring(start.length());
                if (rest.matches("\\d{1,6}")) {
                    byIndex.put(Integer.parseInt(rest), e.getValue());
                }
            }
        }
        return new ArrayList<>(byIndex.values());
    }

    /** The indexes N for which some {@code prefix.N.*} key exists, ascending. */
    public static List<Integer> indexes(Map<String, String> params, String prefix) {
        java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
        String start = prefix + ".";
        for (String key : params.keySet()) {
            if (key.startsWith(start)) {
                String rest = key.substring(start.length());
                int dot = rest.indexOf('.');
                String index = dot < 0 ? rest : rest.substring(0, dot);
                if (index.matches("\\d{1,6}")) {
                    found.add(Integer.parseInt(index));
                }
            }
        }
        return new ArrayList<>(found);
    }
}
