package dev.drsorchestrator.datamanagement.launch;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.launch.StaticIpRules;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.rules.Violation;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static-IP rule on save: the address lies in the usable range of its subnet (the override's subnet, else the
 * group's) and no other server of any group in the same account and region already asks for it.
 */
public final class StaticIpCheck {
    private final ProtectionGroupStore groups;
    private final SubnetCidrs cidrs;

    /** Checks against every stored group and the subnets EC2 reports. */
    public StaticIpCheck(ProtectionGroupStore groups, SubnetCidrs cidrs) {
        this.groups = groups;
        this.cidrs = cidrs;
    }

    /** A 400 naming {@code field} when {@code server}'s static IP breaks the rule; nothing when it has none. */
    public void require(ProtectionGroup group, ServerLaunchConfig server, String field) {
        violation(group, server, field).ifPresent(v -> {
            throw new ValidationException("Field '" + field + "': " + v.message());
        });
    }

    /** The violation of {@code server}'s static IP, if any. */
    public Optional<Violation> violation(ProtectionGroup group, ServerLaunchConfig server, String field) {
        LaunchConfig template = server.launchTemplate();
        if (template == null || template.staticPrivateIp() == null) {
            return Optional.empty();
        }
        String subnet = template.subnetId() != null ? template.subnetId()
                : group.launchConfig() == null ? null : group.launchConfig().subnetId();
        if (subnet == null) {
            return Optional.of(new Violation(field, "subnetRequired",
                    "a static private IP needs a subnet (in the server override or the group defaults)"));
        }
        return StaticIpRules.check(field, template.staticPrivateIp(), cidrs.of(group, field, subnet),
                ipsUsedElsewhere(group, server.sourceServerId()));
    }

    /** Static IPs that servers other than {@code serverId} ask for in the group's account and region. */
    public List<String> ipsUsedElsewhere(ProtectionGroup group, String serverId) {
        List<String> ips = new ArrayList<>();
        for (ProtectionGroup other : groups.listAll()) {
            boolean sameGroup = other.groupId().equals(group.groupId());
            ProtectionGroup source = sameGroup ? group : other;
            if (!sameGroup && (!java.util.Objects.equals(other.region(), group.region())
                    || !java.util.Objects.equals(other.accountId(), group.accountId()))) {
                continue;
            }
            for (ServerLaunchConfig s : source.servers()) {
                if (!s.sourceServerId().equals(serverId) && s.launchTemplate() != null
                        && s.launchTemplate().staticPrivateIp() != null) {
                    ips.add(s.launchTemplate().staticPrivateIp());
                }
            }
        }
        return ips;
    }
}
