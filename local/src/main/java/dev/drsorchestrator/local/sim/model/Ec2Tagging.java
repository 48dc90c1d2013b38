package dev.drsorchestrator.local.sim.model;

import dev.drsorchestrator.local.sim.model.FleetException.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2's CreateTags over the fleet: every id must name an instance, subnet, security group or launch template of the
 * account and region (else nothing is tagged, as EC2 refuses the whole call), then the tags are merged into each.
 * Used only while holding the {@link Fleet}'s lock.
 */
final class Ec2Tagging {
    private Ec2Tagging() {
    }

    static void tag(FleetState state, String accountId, String region, List<String> resourceIds,
                    Map<String, String> tags) {
        String scope = FleetState.scope(accountId, region);
        for (String id : resourceIds) {
            if (!known(state, scope, id)) {
                throw new FleetException(Kind.NOT_FOUND, "The resource ID '" + id + "' does not exist", id,
                        "EC2_RESOURCE", null);
            }
        }
        for (String id : resourceIds) {
            Ec2Instance instance = state.instances.get(id);
            if (instance != null) {
                state.instances.put(id, instance.withTags(merged(instance.tags(), tags)));
            }
            Subnet subnet = state.subnets.get(id);
            if (subnet != null) {
                state.subnets.put(id, new Subnet(id, subnet.vpcId(), subnet.cidrBlock(), subnet.availabilityZone(),
                        merged(subnet.tags(), tags)));
            }
            SecurityGroup group = state.securityGroups.get(id);
            if (group != null) {
                state.securityGroups.put(id, new SecurityGroup(id, group.groupName(), group.description(),
                        group.vpcId(), merged(group.tags(), tags)));
            }
        }
    }

    private static boolean known(FleetState state, String scope, String id) {
        Ec2Instance instance = state.instances.get(id);
        LaunchTemplate template = state.launchTemplates.get(id);
        return (instance != null && scope.equals(FleetState.scope(instance.accountId(), instance.region())))
                || scope.equals(state.subnetOwners.get(id)) || scope.equals(state.securityGroupOwners.get(id))
                || (template != null && scope.equals(FleetState.scope(template.accountId(), template.region())));
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(added);
        return merged;
    }
}
