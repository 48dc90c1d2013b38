package dev.drsorchestrator.shared.security;

import dev.drsorchestrator.shared.config.MissingConfigurationException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code RBAC_GROUP_ALIASES} setting, {@code Group=Role[+Role]} entries separated by whitespace, e.g.
 * {@code DRSRecoveryManager=Operator+Planner}. Configured entries are added to (and override) the defaults.
 */
public final class RbacAliases {
    private RbacAliases() {
    }

    /** The default aliases overlaid with the configured entries. */
    public static Map<String, Set<Role>> parse(List<String> entries) {
        Map<String, Set<Role>> aliases = new HashMap<>(Rbac.DEFAULT_ALIASES);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new MissingConfigurationException("RBAC_GROUP_ALIASES entry '" + entry + "' must be Group=Role");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String roleName : entry.substring(eq + 1).split("\\+")) {
                roles.add(Role.fromGroupName(roleName).orElseThrow(() -> new MissingConfigurationException(
                        "RBAC_GROUP_ALIASES entry '" + entry + "' names unknown role '" + roleName + "'")));
            }
            aliases.put(entry.substring(0, eq), roles);
        }
        return aliases;
    }
}
