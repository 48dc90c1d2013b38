package dev.drsorchestrator.shared.rules;

import java.util.Objects;

/**
 * One broken domain rule, naming the input field (as a JSON path such as {@code waves[2].dependsOnWaves}), the rule
 * and a message a user can act on. Rules return these instead of throwing so that every handler can turn them into
 * the same 4xx answer.
 *
 * @param field   the JSON path of the offending input, never blank
 * @param rule    a stable, machine-readable rule name such as {@code unique} or {@code insideSubnet}
 * @param message a human-readable explanation that names the field and the rule
 */
public record Violation(String field, String rule, String message) {

    /** Rejects blank components: a violation nobody can locate or explain helps no one. */
    public Violation {
        requireText(field, "field");
        requireText(rule, "rule");
        requireText(message, "message");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
