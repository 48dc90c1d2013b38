package dev.drsorchestrator.shared.validation;

import dev.drsorchestrator.shared.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field rules shared by every operation. Each check returns the accepted (sanitized) value or throws a 400 whose
 * message names the field and the rule; the only silent change is stripping control characters.
 */
public final class Validators {
    /** Longest name of a protection group, recovery plan or account. */
    public static final int NAME_MAX = 256;
    /** Longest description. */
    public static final int DESCRIPTION_MAX = 1024;
    /** Longest tag key (the EC2 limit). */
    public static final int TAG_KEY_MAX = 128;
    /** Longest tag value (the EC2 limit). */
    public static final int TAG_VALUE_MAX = 256;
    /** Most tags in one filter or item. */
    public static final int TAGS_MAX = 50;

    private static final Pattern SERVER_ID = Pattern.compile("s-[0-9a-f]{17}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\u2028\\u2029]");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

    private Validators() {
    }

    /** Removes control characters (keeping tab and newlines); null stays null. */
    public static String stripControl(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll("");
    }

    /** A DRS source server id, {@code s-} and 17 lowercase hex digits. */
    public static String serverId(String field, String value) {
        String v = required(field, value);
        if (!SERVER_ID.matcher(v).matches()) {
            throw new ValidationException("Field '" + field + "' must be a DRS source server id (s- followed by 17 hex digits)");
        }
        return v;
    }

    /** An AWS account id, exactly 12 digits. */
    public static String accountId(String field, String value) {
        String v = required(field, value);
        if (!ACCOUNT_ID.matcher(v).matches()) {
            throw new ValidationException("Field '" + field + "' must be a 12-digit AWS account id");
        }
        return v;
    }

    /** A region where DRS is offered. */
    public static String region(String field, String value) {
        String v = required(field, value);
        if (!DrsRegions.contains(v)) {
            throw new ValidationException("Field '" + field + "' must be a region where DRS is available");
        }
        return v;
    }

    /** A name: control characters stripped, trimmed, 1 to {@code max} characters. */
    public static String name(String field, String value, int max) {
        String v = required(field, value).trim();
        if (v.isEmpty()) {
            throw new ValidationException("Field '" + field + "' must not be blank");
        }
        return maxLength(field, v, max);
    }

    /** An optional free text of at most {@code max} characters; control characters stripped. */
    public static String text(String field, String value, int max) {
        return value == null ? null : maxLength(field, stripControl(value), max);
    }

    /** Tags: at most {@link #TAGS_MAX}, keys 1..128 of the EC2 tag alphabet, values 0..256 characters. */
    public static Map<String, String> tags(String field, Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > TAGS_MAX) {
            throw new ValidationException("Field '" + field + "' must hold at most " + TAGS_MAX + " tags");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        tags.forEach((key, value) -> {
            String k = stripControl(key == null ? "" : key).trim();
            if (k.isEmpty() || k.length() > TAG_KEY_MAX || !TAG_KEY.matcher(k).matches()) {
                throw new ValidationException("Field '" + field + "' has a tag key that is not 1-" + TAG_KEY_MAX
                        + " characters of letters, digits, spaces and _.:/=+-@");
            }
            String v = stripControl(value == null ? "" : value);
            if (v.length() > TAG_VALUE_MAX) {
                throw new ValidationException("Field '" + field + "' has a tag value longer than " + TAG_VALUE_MAX
                        + " characters");
            }
            clean.put(k, v);
        });
        return clean;
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new ValidationException("Field '" + field + "' is required");
        }
        return stripControl(value);
    }

    private static String maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new ValidationException("Field '" + field + "' must be at most " + max + " characters");
        }
        return value;
    }
}
