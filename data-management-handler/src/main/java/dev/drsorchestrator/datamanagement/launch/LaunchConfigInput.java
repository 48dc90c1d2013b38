package dev.drsorchestrator.datamanagement.launch;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.launch.Ipv4Address;
import dev.drsorchestrator.shared.model.LaunchConfig;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@link LaunchConfig} (group defaults or a server override) from a request field by field, checking each
 * value's format so that DRS and EC2 never see a malformed id. Messages name the field with its path, e.g.
 * {@code launchConfig.subnetId}.
 */
public final class LaunchConfigInput {
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,15}\\.[a-z0-9-]{1,16}");
    private static final Pattern PROFILE = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Set<String> RIGHT_SIZING = Set.of("NONE", "BASIC", "IN_AWS");
    private static final Set<String> DISPOSITIONS = Set.of("STOPPED", "STARTED");
    private static final Set<String> BOOT_MODES = Set.of("LEGACY_BIOS", "UEFI", "USE_SOURCE");
    private static final int MAX_SECURITY_GROUPS = 5;

    private LaunchConfigInput() {
    }

    /** The launch configuration under {@code prefix}; every field is optional. */
    public static LaunchConfig read(String prefix, RequestFields fields) {
        String subnet = match(prefix, "subnetId", fields, SUBNET, "a subnet id (subnet- and 8-17 hex digits)");
        List<String> groups = fields.stringList("securityGroupIds", MAX_SECURITY_GROUPS).orElse(null);
        if (groups != null) {
            for (String group : groups) {
                if (!SECURITY_GROUP.matcher(group).matches()) {
                    throw new ValidationException("Field '" + prefix + ".securityGroupIds' must hold security group"
                            + " ids (sg- and 8-17 hex digits)");
                }
            }
            if (groups.stream().distinct().count() != groups.size()) {
                throw new ValidationException("Field '" + prefix + ".securityGroupIds' must not repeat a group");
            }
        }
        String profile = match(prefix, "instanceProfileName", fields, PROFILE, "an IAM instance profile name");
        String type = match(prefix, "instanceType", fields, INSTANCE_TYPE, "an EC2 instance type such as m5.large");
        String ip = fields.string("staticPrivateIp").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (ip != null && Ipv4Address.tryParse(ip).isEmpty()) {
            throw new ValidationException("Field '" + prefix + ".staticPrivateIp' must be an IPv4 address");
        }
        String rightSizing = oneOf(prefix, "targetInstanceTypeRightSizingMethod", fields, RIGHT_SIZING);
        String bootMode = oneOf(prefix, "bootMode", fields, BOOT_MODES);
        String disposition = oneOf(prefix, "launchDisposition", fields, DISPOSITIONS);
        var licensing = fields.node("licensing");
        if (licensing != null) {
            var byol = licensing.get("osByol");
            if (!licensing.isObject() || licensing.size() != (byol == null ? 0 : 1)
                    || (byol != null && !byol.isBoolean())) {
                throw new ValidationException("Field '" + prefix + ".licensing' must be {\"osByol\": true|false}"
                        + " (true = bring your own license, false = license included)");
            }
        }
        var launchInto = fields.node("launchIntoInstanceProperties");
        if (launchInto != null && !launchInto.isObject()) {
            throw new ValidationException("Field '" + prefix + ".launchIntoInstanceProperties' must be an object");
        }
        return new LaunchConfig(subnet, groups, profile, type, ip, rightSizing, launchInto, bootMode,
                bool(prefix, "copyPrivateIp", fields), bool(prefix, "copyTags", fields), disposition, licensing,
                bool(prefix, "postLaunchEnabled", fields));
    }

    private static Boolean bool(String prefix, String field, RequestFields fields) {
        try {
            return fields.bool(field).orElse(null);
        } catch (ValidationException e) {
            throw new ValidationException("Field '" + prefix + "." + field + "' must be true or false");
        }
    }

    private static String match(String prefix, String field, RequestFields fields, Pattern pattern, String rule) {
        String value;
        try {
            value = fields.string(field).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        } catch (ValidationException e) {
            throw new ValidationException("Field '" + prefix + "." + field + "' must be a string");
        }
        if (value != null && !pattern.matcher(value).matches()) {
            throw new ValidationException("Field '" + prefix + "." + field + "' must be " + rule);
        }
        return value;
    }

    private static String oneOf(String prefix, String field, RequestFields fields, Set<String> allowed) {
        String value;
        try {
            value = fields.string(field).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                    .orElse(null);
        } catch (ValidationException e) {
            throw new ValidationException("Field '" + prefix + "." + field + "' must be a string");
        }
        if (value != null && !allowed.contains(value)) {
            throw new ValidationException("Field '" + prefix + "." + field + "' must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }
}
