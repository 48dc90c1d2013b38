package dev.drsorchestrator.datamanagement.groups;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.validation.Validators;

/** The protection-group name rule of seed 000: required, 3 to 128 characters after trimming. */
public final class GroupNames {
    /** Shortest name. */
    public static final int MIN = 3;
    /** Longest name. */
    public static final int MAX = 128;

    private GroupNames() {
    }

    /** The trimmed name, or a 400 naming {@code field} and the rule. */
    public static String validate(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Field '" + field + "' is required: Protection group name is required");
        }
        String clean = Validators.stripControl(name).trim();
        if (clean.length() < MIN) {
            throw new ValidationException("Field '" + field + "' must be " + MIN + "-" + MAX
                    + " characters: Protection group name must be at least " + MIN + " characters");
        }
        if (clean.length() > MAX) {
            throw new ValidationException("Field '" + field + "' must be " + MIN + "-" + MAX
                    + " characters: Protection group name must not exceed " + MAX + " characters");
        }
        return clean;
    }
}
