package dev.drsorchestrator.shared.launch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stable fingerprint of a launch configuration, so that a sync can tell whether what DRS holds has drifted from what
 * the protection group says without comparing field by field. The configuration is written in a canonical JSON form
 * (object keys sorted, null members dropped, numbers written without trailing zeros so {@code 2}, {@code 2L} and
 * {@code 2.0} agree) and hashed with SHA-256.
 *
 * <p>List order is significant, except for the fields in {@link #UNORDERED_FIELDS} (security group ids), whose
 * string lists are sorted first because EC2 returns them in no particular order.
 */
public final class LaunchConfigHash {

    /** Fields whose list values are sets: their order never signals drift. */
    public static final Set<String> UNORDERED_FIELDS = Set.of("securityGroupIds");

    private LaunchConfigHash() {
    }

    /**
     * The lower-case hex SHA-256 of {@link #canonicalForm(Map)}.
     *
     * @throws IllegalArgumentException if the map holds a value that is not JSON-like
     */
    public static String sha256Hex(Map<String, ?> config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalForm(config).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime provides SHA-256", missing);
        }
    }

    /**
     * The canonical JSON text of a configuration: maps (string keys only), lists, strings, booleans, numbers and
     * enums (as their names).
     *
     * @throws IllegalArgumentException for any other value, a non-string key, or a non-finite number
     */
    public static String canonicalForm(Map<String, ?> config) {
        if (config == null) {
            throw new IllegalArgumentException("launch configuration is required");
        }
        StringBuilder out = new StringBuilder();
        write(config, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            writeString(value instanceof Enum<?> e ? e.name() : value.toString(), out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number number) {
            out.append(canonicalNumber(number));
        } else {
            throw new IllegalArgumentException("unsupported value in launch configuration: " + value.getClass());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("launch configuration keys must be strings: " + entry.getKey());
            }
            if (entry.getValue() != null) {
                sorted.put(key, UNORDERED_FIELDS.contains(key) ? sortedIfStrings(entry.getValue()) : entry.getValue());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static Object sortedIfStrings(Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            List<String> sorted = new ArrayList<>();
            list.forEach(item -> sorted.add((String) item));
            Collections.sort(sorted);
            return sorted;
        }
        return value;
    }

    private static String canonicalNumber(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal big) {
            decimal = big;
        } else if (number instanceof BigInteger big) {
            decimal = new BigDecimal(big);
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("launch configuration numbers must be finite: " + d);
            }
            decimal = new BigDecimal(Double.toString(d));
        } else {
            decimal = BigDecimal.valueOf(number.longValue());
        }
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
