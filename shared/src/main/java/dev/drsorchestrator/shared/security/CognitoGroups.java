package dev.drsorchestrator.shared.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the {@code cognito:groups} claim. API Gateway flattens it to a string in one of three forms ({@code "Admin"},
 * {@code "Admin,Operator"}, {@code "[Admin Operator]"}); a JSON array is accepted too. Order is kept, duplicates and
 * blanks dropped.
 */
public final class CognitoGroups {
    private CognitoGroups() {
    }

    /** Groups from the claim's string form; null or blank means none. */
    public static List<String> parse(String claim) {
        if (claim == null) {
            return List.of();
        }
        String value = claim.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String part : value.split("[,\\s]+")) {
            String group = part.trim();
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return List.copyOf(groups);
    }

    /** Groups from a claim node that may be a string or an array of strings. */
    public static List<String> parse(JsonNode claim) {
        if (claim == null || claim.isNull() || claim.isMissingNode()) {
            return List.of();
        }
        if (claim.isArray()) {
            List<String> groups = new ArrayList<>();
            claim.forEach(item -> groups.addAll(parse(item.isTextual() ? item.asText() : null)));
            return List.copyOf(new LinkedHashSet<>(groups));
        }
        return claim.isTextual() ? parse(claim.asText()) : List.of();
    }
}
