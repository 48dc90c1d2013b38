package dev.drsorchestrator.shared.naming;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The one definition of when two user-chosen names are "the same", used for the {@code pg-name#} and
 * {@code plan-name#} uniqueness claims: surrounding blanks are ignored, Unicode compatibility forms are unified
 * (NFKC, so a full-width {@code "ＤＢ"} equals {@code "DB"}) and case is ignored. Case is folded by upper-casing and
 * then lower-casing in {@link Locale#ROOT}, so that the server's locale cannot change the answer and letters whose
 * lower case differs but upper case agrees ({@code "ß"} and {@code "SS"}, {@code "ς"} and {@code "σ"}) collide too.
 *
 * <p>Example: {@code NameRules.protectionGroupClaimKey("  Web Tier ")} is {@code "pg-name#web tier"}.
 */
public final class NameRules {

    /** Claim key prefix for protection group names (see docs/data-model.md). */
    public static final String PROTECTION_GROUP_PREFIX = "pg-name#";

    /** Claim key prefix for recovery plan names (see docs/data-model.md). */
    public static final String RECOVERY_PLAN_PREFIX = "plan-name#";

    private NameRules() {
    }

    /**
     * The comparison key of a name: trimmed, NFKC-normalised, case-folded. Folding twice makes the key a fixed
     * point, so the key of a key is itself.
     *
     * @throws IllegalArgumentException if the name is null or blank (validate names before claiming them)
     */
    public static String uniquenessKey(String name) {
        Objects.requireNonNull(name, "name");
        String key = fold(fold(name));
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a blank name has no uniqueness key");
        }
        return key;
    }

    /** Whether two names collide under {@link #uniquenessKey(String)}. */
    public static boolean sameName(String first, String second) {
        return uniquenessKey(first).equals(uniquenessKey(second));
    }

    /** The claim key that reserves a protection group name. */
    public static String protectionGroupClaimKey(String name) {
        return PROTECTION_GROUP_PREFIX + uniquenessKey(name);
    }

    /** The claim key that reserves a recovery plan name. */
    public static String recoveryPlanClaimKey(String name) {
        return RECOVERY_PLAN_PREFIX + uniquenessKey(name);
    }

    private static String fold(String text) {
        String upper = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return Normalizer.normalize(Normalizer.normalize(upper, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFKC).strip();
    }
}
